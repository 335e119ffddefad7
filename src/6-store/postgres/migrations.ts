import { BUCKET_DAYS, UNDATED_BUCKET } from '../posting-buckets.js';

/**
 * Versioned schema changes for PostgreSQL, applied in order, each once, under an advisory
 * lock (several workers may start at once). Never edit a released one: add a new one.
 * Tables and columns mirror the SQLite schema (src/6-store/sqlite/migrations.ts) so a
 * method added to one store maps line by line onto the other.
 */
export const PG_MIGRATIONS: Array<{ version: number; name: string; sql: string }> = [
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
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
        ingested_at TEXT NOT NULL,
        -- PostgreSQL's own text search; 'simple' = no stemming, like SQLite's unicode61.
        -- Only the first 200,000 characters are indexed: a tsvector is limited to 1 MB.
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', left(text, 200000)), 'B')
        ) STORED
      );
      CREATE INDEX articles_story ON articles(story_id);
      CREATE INDEX articles_search ON articles USING GIN (search);
      -- Story centroids: summed TF-IDF vectors of member articles.
      CREATE TABLE story_terms (
        story_id TEXT NOT NULL,
        term TEXT NOT NULL,
        weight DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (story_id, term)
      );
      -- Inverted index: an article's key terms point at its story.
      CREATE TABLE term_postings (
        term TEXT NOT NULL,
        story_id TEXT NOT NULL,
        hits INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (term, story_id)
      );
      CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
      CREATE TABLE minhash_bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id));
      CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
      INSERT INTO counters VALUES ('docs', 0);
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
        seq BIGINT NOT NULL,
        PRIMARY KEY (from_id, kind, to_id)
      );
      CREATE INDEX article_links_to ON article_links(to_id);
      CREATE INDEX minhash_bands_article ON minhash_bands(article_id);
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
      );
    `,
  },
  {
    version: 3,
    name: 'story merges and outliers',
    // As SQLite's migration 4: each article's centroid contribution and key terms (JSON), so
    // an article can leave its story and stories can merge; NULL for older articles.
    sql: `
      ALTER TABLE articles ADD COLUMN cluster_vector TEXT;
      ALTER TABLE articles ADD COLUMN key_terms TEXT;
      CREATE INDEX term_postings_story ON term_postings(story_id);
      CREATE INDEX stories_merged_into ON stories(merged_into);
    `,
  },
  {
    version: 4,
    name: 'key-term postings by week of the article date',
    // As SQLite's migration 7 (see posting-buckets.ts): rebuilt from each article's stored key
    // terms; stories of articles without key terms keep their old postings, as undated. A
    // date PostgreSQL cannot read is undated, as Date.parse failing is in the stores.
    sql: `
      CREATE FUNCTION pg_temp.posting_bucket(d text) RETURNS int LANGUAGE plpgsql AS $$
      BEGIN
        RETURN floor(extract(epoch FROM d::timestamptz) / (86400 * ${BUCKET_DAYS}))::int;
      EXCEPTION WHEN others THEN
        RETURN ${UNDATED_BUCKET};
      END $$;
      SET LOCAL TIME ZONE 'UTC';
      CREATE TABLE term_postings_by_week (
        term TEXT NOT NULL,
        bucket INTEGER NOT NULL,
        story_id TEXT NOT NULL,
        hits INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (term, bucket, story_id)
      );
      INSERT INTO term_postings_by_week (term, bucket, story_id, hits)
        SELECT j.term, COALESCE(pg_temp.posting_bucket(a.published), ${UNDATED_BUCKET}), a.story_id, COUNT(*)
          FROM articles a, json_array_elements_text(a.key_terms::json) AS j(term)
          WHERE a.key_terms IS NOT NULL
          GROUP BY 1, 2, 3;
      INSERT INTO term_postings_by_week (term, bucket, story_id, hits)
        SELECT term, ${UNDATED_BUCKET}, story_id, hits FROM term_postings
          WHERE story_id IN (SELECT story_id FROM articles WHERE key_terms IS NULL)
        ON CONFLICT DO NOTHING;
      DROP TABLE term_postings;
      ALTER TABLE term_postings_by_week RENAME TO term_postings;
      CREATE INDEX term_postings_story ON term_postings(story_id);
    `,
  },
];
