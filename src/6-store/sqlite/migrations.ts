import { BUCKET_DAYS, UNDATED_BUCKET } from '../posting-buckets.js';

/** Versioned schema changes, applied in order, each once. Never edit a released one: add a new one. */
export const MIGRATIONS: Array<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        title_rank INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        merged_into TEXT REFERENCES stories(id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        story_id TEXT NOT NULL REFERENCES stories(id),
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        origin TEXT NOT NULL,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        raw TEXT NOT NULL,
        meta_json TEXT NOT NULL,
        analysis_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_story ON articles(story_id);
      -- Story centroids: summed TF-IDF vectors of member articles.
      CREATE TABLE story_terms (
        story_id TEXT NOT NULL,
        term TEXT NOT NULL,
        weight REAL NOT NULL,
        PRIMARY KEY (story_id, term)
      ) WITHOUT ROWID;
      -- Inverted index: an article's key terms point at its story.
      CREATE TABLE term_postings (
        term TEXT NOT NULL,
        story_id TEXT NOT NULL,
        hits INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (term, story_id)
      ) WITHOUT ROWID;
      CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE minhash_bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id)) WITHOUT ROWID;
      CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT INTO counters VALUES ('docs', 0);
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 2,
    name: 'article links (versions, same text) and feed polling state',
    sql: `
      CREATE TABLE article_links (
        from_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        to_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (from_id, kind, to_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_links_to ON article_links(to_id);
      CREATE TABLE feed_state (
        feed TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE feed_seen (
        feed TEXT NOT NULL,
        item_id TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed, item_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'compact story centroids',
    // A story's centroid kept as its heaviest terms in one column ([[term, weight], ...] as
    // JSON), so proposing a candidate reads one row instead of every term the story ever had.
    // NULL for stories made before this migration: those are rebuilt from story_terms on use.
    sql: `ALTER TABLE stories ADD COLUMN centroid TEXT;`,
  },
  {
    version: 4,
    name: 'story merges and outliers',
    // Each article's centroid contribution ([[term, weight], ...], IDF as of its arrival) and
    // its key terms, so an article can leave its story (subtracted from the centroid and the
    // postings) and stories can merge (postings moved by story). NULL for older articles:
    // they are never judged outliers.
    sql: `
      ALTER TABLE articles ADD COLUMN cluster_vector TEXT;
      ALTER TABLE articles ADD COLUMN key_terms TEXT;
      CREATE INDEX term_postings_story ON term_postings(story_id);
      CREATE INDEX stories_merged_into ON stories(merged_into);
    `,
  },
  {
    version: 5,
    name: 'full-text index reads titles and texts from articles',
    // An external-content FTS5 table: the index keeps its terms but no second copy of every
    // title and text (snippets read them from articles by seq). Search results are the same.
    sql: `
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 6,
    name: 'story centroids in a table of their own, with a token',
    // A centroid is ~10 KB of JSON: inside the stories row it made every read of a story
    // (candidates, merges, listings) walk its overflow pages, a cost that grew with the store.
    // The token is set anew (at random) with every centroid written, so a connection that
    // parsed a centroid knows it is still current from one small column.
    sql: `
      CREATE TABLE story_centroids (story_id TEXT PRIMARY KEY, token INTEGER NOT NULL, centroid TEXT NOT NULL);
      INSERT INTO story_centroids (story_id, token, centroid)
        SELECT id, abs(random() % 4503599627370496), centroid FROM stories WHERE centroid IS NOT NULL;
      ALTER TABLE stories DROP COLUMN centroid;
    `,
  },
  {
    version: 7,
    name: 'key-term postings by week of the article date',
    // See posting-buckets.ts. Rebuilt from each article's stored key terms, under the story it
    // is in now; stories of articles stored before migration 4 (no key terms) keep their old
    // postings, as undated.
    sql: `
      CREATE TABLE term_postings_by_week (
        bucket INTEGER NOT NULL,
        term TEXT NOT NULL,
        story_id TEXT NOT NULL,
        hits INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (bucket, term, story_id)
      ) WITHOUT ROWID;
      INSERT INTO term_postings_by_week (bucket, term, story_id, hits)
        SELECT ${sqliteBucket('a.w')}, j.value, a.story_id, COUNT(*)
          FROM (SELECT story_id, key_terms, (julianday(published) - 2440587.5) / ${BUCKET_DAYS} AS w
                  FROM articles WHERE key_terms IS NOT NULL) a, json_each(a.key_terms) j
          GROUP BY 1, 2, 3;
      INSERT OR IGNORE INTO term_postings_by_week (bucket, term, story_id, hits)
        SELECT ${UNDATED_BUCKET}, term, story_id, hits FROM term_postings
          WHERE story_id IN (SELECT story_id FROM articles WHERE key_terms IS NULL);
      DROP TABLE term_postings;
      ALTER TABLE term_postings_by_week RENAME TO term_postings;
      CREATE INDEX term_postings_story ON term_postings(story_id);
    `,
  },
];

/**
 * `postingBucket` in SQLite's SQL, for the migration that rebuilds the postings from stored
 * articles: `w` is the date's epoch day divided by BUCKET_DAYS, or NULL. (SQLite's CAST
 * truncates toward zero; the floor is written out for dates before 1970.)
 */
function sqliteBucket(w: string): string {
  return `CASE WHEN ${w} IS NULL THEN ${UNDATED_BUCKET} WHEN ${w} >= 0 OR ${w} = CAST(${w} AS INTEGER) THEN CAST(${w} AS INTEGER) ELSE CAST(${w} AS INTEGER) - 1 END`;
}
