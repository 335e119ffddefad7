import type pg from 'pg';
import type { CandidateStory } from '../../4-cluster/assign.js';
import { centroidContribution } from '../../4-cluster/assign.js';
import { keyTerms, weightVector, type DocFreq } from '../../4-cluster/weights.js';
import type { AnalysedArticle, StoredArticle, StorySummary } from '../../types.js';
import {
  articleIdFor,
  storyIdFor,
  type AddResult,
  type Decide,
  type NewArticle,
  type SearchHit,
  type Store,
} from '../store.js';
import { inTransaction, openPool, type PgOptions } from './connection.js';
import { migratePostgres } from './migrate.js';

/** How many key terms of each article go into the inverted index (as in the SQLite store). */
const KEY_TERMS = 25;
/** How many stories the inverted index may propose per article (as in the SQLite store). */
const MAX_CANDIDATES = 30;

type Row = Record<string, unknown>;
type Db = pg.Pool | pg.PoolClient;

/** Title quality: a headline beats a title we had to cut from the lead. */
const TITLE_RANK = { header: 3, headline: 3, lead: 1, none: 0 } as const;

/**
 * The scale-out store: PostgreSQL shared by any number of worker processes.
 *
 * Story assignment (read candidates → decide → write the indexes) runs in one
 * READ COMMITTED transaction that first takes a transaction-level advisory lock,
 * so assignments are serialised across all processes and machines while the
 * expensive work (analysis, features) runs outside it. See docs/scaling.md.
 */
export class PostgresStore implements Store {
  /** Where assignment time goes, summed over this instance's addArticle calls. */
  readonly timings = { transactions: 0, lockWaitMs: 0, lockedMs: 0 };

  private constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
    private readonly asyncCommit: boolean,
  ) {}

  /** Connects and applies pending migrations (safe when many processes start at once). */
  static async open(options: PgOptions): Promise<PostgresStore> {
    const pool = openPool(options);
    try {
      await migratePostgres(pool, options.schema ?? 'public');
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStore(pool, options.schema ?? 'public', options.asyncCommit ?? false);
  }

  async addArticle(input: NewArticle, decide: Decide): Promise<AddResult> {
    const started = performance.now();
    let locked = started;
    const result = await inTransaction(this.pool, async (c) => {
      if (this.asyncCommit) await c.query('SET LOCAL synchronous_commit = off');
      // One lock for all assignments: two articles about one event arriving at
      // the same moment are decided one after the other, never both as "new story".
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `parallax:assign:${this.schema}`,
      ]);
      locked = performance.now();
      return this.addInTransaction(c, input, decide);
    });
    this.timings.transactions++;
    this.timings.lockWaitMs += locked - started;
    this.timings.lockedMs += performance.now() - locked;
    return result;
  }

  private async addInTransaction(
    c: pg.PoolClient,
    input: NewArticle,
    decide: Decide,
  ): Promise<AddResult> {
    const { article, contentHash, features } = input;
    const existing = (
      await c.query('SELECT id, story_id FROM articles WHERE content_hash = $1', [contentHash])
    ).rows[0] as Row | undefined;
    if (existing) {
      const storyId = await this.resolveStory(c, existing.story_id as string);
      return { status: 'duplicate', articleId: existing.id as string, storyId };
    }
    const stats = await this.docFreq(c, [...features.terms.keys()]);
    const keys = keyTerms(weightVector(features.terms, features.names, stats), KEY_TERMS);
    const candidates = await this.candidates(c, keys, features.bands);
    const decision = decide(candidates, stats);
    const articleId = articleIdFor(contentHash);
    const storyId = decision.storyId ?? storyIdFor(contentHash);
    const newStory = decision.storyId === null;
    const published = article.meta.published.value;
    const now = new Date().toISOString();
    if (newStory) {
      await c.query(
        'INSERT INTO stories (id, title, title_rank, first_date, last_date, article_count, created_at) VALUES ($1, $2, $3, $4, $4, 0, $5)',
        [storyId, article.meta.title, TITLE_RANK[article.meta.titleSource], published, now],
      );
    }
    await c.query(
      `INSERT INTO articles (id, content_hash, story_id, source, title, published, origin, language, text, raw, meta_json, analysis_json, ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        articleId,
        contentHash,
        storyId,
        article.meta.source,
        article.meta.title,
        published,
        article.meta.origin,
        article.language.code,
        article.text,
        input.raw,
        JSON.stringify(article.meta),
        JSON.stringify({
          language: article.language,
          artifacts: article.artifacts,
          sentences: article.sentences,
        }),
        now,
      ],
    );
    await this.updateStory(c, storyId, article);
    const contribution = centroidContribution(features, stats);
    await c.query(
      `INSERT INTO story_terms (story_id, term, weight)
         SELECT $1, t, w FROM unnest($2::text[], $3::float8[]) AS x(t, w)
         ON CONFLICT (story_id, term) DO UPDATE SET weight = story_terms.weight + excluded.weight`,
      [storyId, [...contribution.keys()], [...contribution.values()]],
    );
    await c.query(
      `INSERT INTO term_postings (term, story_id) SELECT t, $2 FROM unnest($1::text[]) AS x(t)
         ON CONFLICT (term, story_id) DO UPDATE SET hits = term_postings.hits + 1`,
      [keys, storyId],
    );
    await c.query(
      `INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest($1::text[]) AS x(t)
         ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1`,
      [[...features.terms.keys()]],
    );
    await c.query("UPDATE counters SET value = value + 1 WHERE name = 'docs'");
    await c.query(
      `INSERT INTO minhash_bands (band, article_id) SELECT DISTINCT b, $2 FROM unnest($1::text[]) AS x(b)
         ON CONFLICT DO NOTHING`,
      [features.bands, articleId],
    );
    return { status: 'added', articleId, storyId, newStory, score: decision.score };
  }

  private async updateStory(c: pg.PoolClient, storyId: string, article: AnalysedArticle) {
    await c.query(
      `UPDATE stories SET article_count = article_count + 1,
           first_date = CASE WHEN $1::text IS NULL THEN first_date WHEN first_date IS NULL OR $1 < first_date THEN $1 ELSE first_date END,
           last_date = CASE WHEN $1::text IS NULL THEN last_date WHEN last_date IS NULL OR $1 > last_date THEN $1 ELSE last_date END,
           title = CASE WHEN $2 > title_rank THEN $3 ELSE title END,
           title_rank = GREATEST(title_rank, $2)
         WHERE id = $4`,
      [
        article.meta.published.value,
        TITLE_RANK[article.meta.titleSource],
        article.meta.title,
        storyId,
      ],
    );
  }

  private async docFreq(c: Db, terms: string[]): Promise<DocFreq> {
    const docs = Number(
      (await c.query("SELECT value FROM counters WHERE name = 'docs'")).rows[0]!.value,
    );
    const df = new Map<string, number>();
    const rows = (
      await c.query('SELECT term, df FROM term_df WHERE term = ANY($1::text[])', [terms])
    ).rows as Row[];
    for (const r of rows) if (r.df) df.set(r.term as string, r.df as number);
    return { docs, df };
  }

  /** Candidate stories from the indexes only: key-term postings and MinHash bands. */
  private async candidates(c: Db, keys: string[], bands: string[]): Promise<CandidateStory[]> {
    const hits = new Map<string, number>();
    const nearDup = new Set<string>();
    if (keys.length) {
      // COLLATE "C": ties break by byte order, as in SQLite, whatever the database locale.
      const rows = (
        await c.query(
          `SELECT story_id, COUNT(*)::int AS n FROM term_postings WHERE term = ANY($1::text[])
             GROUP BY story_id ORDER BY n DESC, story_id COLLATE "C" LIMIT ${MAX_CANDIDATES}`,
          [keys],
        )
      ).rows as Row[];
      for (const r of rows) if ((r.n as number) >= 2) hits.set(r.story_id as string, r.n as number);
    }
    if (bands.length) {
      const rows = (
        await c.query(
          `SELECT DISTINCT a.story_id FROM minhash_bands b JOIN articles a ON a.id = b.article_id
             WHERE b.band = ANY($1::text[])`,
          [bands],
        )
      ).rows as Row[];
      for (const r of rows) nearDup.add(await this.resolveStory(c, r.story_id as string));
    }
    const ids = [...new Set([...hits.keys(), ...nearDup])];
    if (!ids.length) return [];
    const stories = new Map<string, Row>();
    for (const r of (await c.query('SELECT * FROM stories WHERE id = ANY($1::text[])', [ids]))
      .rows as Row[])
      stories.set(r.id as string, r);
    const centroids = new Map<string, Map<string, number>>(ids.map((id) => [id, new Map()]));
    const terms = (
      await c.query(
        'SELECT story_id, term, weight FROM story_terms WHERE story_id = ANY($1::text[])',
        [ids],
      )
    ).rows as Row[];
    for (const r of terms)
      centroids.get(r.story_id as string)!.set(r.term as string, r.weight as number);
    return ids.map((id) => {
      const s = stories.get(id)!;
      return {
        id,
        centroid: centroids.get(id)!,
        size: s.article_count as number,
        firstDate: (s.first_date as string | null) ?? null,
        lastDate: (s.last_date as string | null) ?? null,
        nearDuplicate: nearDup.has(id),
      };
    });
  }

  /** Follows merged_into links to the story that now holds the articles. */
  private async resolveStory(c: Db, id: string): Promise<string> {
    let current = id;
    for (let i = 0; i < 20; i++) {
      const next = (await c.query('SELECT merged_into FROM stories WHERE id = $1', [current]))
        .rows[0]?.merged_into as string | null | undefined;
      if (!next) return current;
      current = next;
    }
    return current;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = (await this.pool.query('SELECT * FROM articles WHERE id = $1', [id])).rows[0] as
      Row | undefined;
    return row ? toArticle(row) : null;
  }

  async listStories(): Promise<StorySummary[]> {
    const rows = (
      await this.pool.query(
        'SELECT * FROM stories WHERE merged_into IS NULL ORDER BY article_count DESC, last_date DESC NULLS LAST, id COLLATE "C"',
      )
    ).rows as Row[];
    const articles = await this.storyMembers(rows.map((r) => r.id as string));
    return rows.map((r) => summary(r, articles.get(r.id as string) ?? []));
  }

  async getStory(id: string): Promise<StorySummary | null> {
    const resolved = await this.resolveStory(this.pool, id);
    const row = (await this.pool.query('SELECT * FROM stories WHERE id = $1', [resolved]))
      .rows[0] as Row | undefined;
    if (!row) return null;
    const articles = await this.storyMembers([resolved]);
    return summary(row, articles.get(resolved) ?? []);
  }

  /** Member articles of many stories in one query (one per story would be N round trips). */
  private async storyMembers(storyIds: string[]): Promise<Map<string, StorySummary['articles']>> {
    const out = new Map<string, StorySummary['articles']>();
    const rows = (
      await this.pool.query(
        `SELECT story_id, id, source, title, published, origin FROM articles WHERE story_id = ANY($1::text[])
           ORDER BY published IS NULL, published COLLATE "C", seq`,
        [storyIds],
      )
    ).rows as Row[];
    for (const r of rows) {
      const list = out.get(r.story_id as string) ?? [];
      list.push({
        id: r.id as string,
        source: r.source as string,
        title: r.title as string,
        published: (r.published as string | null) ?? null,
        origin: r.origin as string,
      } as StorySummary['articles'][number]);
      out.set(r.story_id as string, list);
    }
    return out;
  }

  async storyArticles(storyId: string): Promise<StoredArticle[]> {
    const resolved = await this.resolveStory(this.pool, storyId);
    const rows = (
      await this.pool.query(
        'SELECT * FROM articles WHERE story_id = $1 ORDER BY published IS NULL, published COLLATE "C", seq',
        [resolved],
      )
    ).rows as Row[];
    return rows.map(toArticle);
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const words = searchWords(query);
    if (!words.length) return [];
    // Each word becomes a quoted lexeme ANDed with the others: no query syntax can be injected.
    const tsquery = words.map((w) => `'${w.replace(/'/g, "''")}'`).join(' & ');
    const rows = (
      await this.pool.query(
        `SELECT a.id, a.story_id, a.title, a.source,
                ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…') AS snip
           FROM articles a, to_tsquery('simple', $1) q
           WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.seq LIMIT $2`,
        [tsquery, limit],
      )
    ).rows as Row[];
    const hits: SearchHit[] = [];
    for (const r of rows) {
      hits.push({
        articleId: r.id as string,
        storyId: await this.resolveStory(this.pool, r.story_id as string),
        title: r.title as string,
        source: r.source as string,
        snippet: r.snip as string,
      });
    }
    return hits;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Letters and digits only, lower-cased as the 'simple' configuration indexes them. */
function searchWords(query: string): string[] {
  return (query.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

function summary(row: Row, articles: StorySummary['articles']): StorySummary {
  return {
    id: row.id as string,
    title: row.title as string,
    firstDate: (row.first_date as string | null) ?? null,
    lastDate: (row.last_date as string | null) ?? null,
    outlets: [...new Set(articles.map((a) => a.source))].sort(),
    articles,
  };
}

function toArticle(row: Row): StoredArticle {
  const analysis = JSON.parse(row.analysis_json as string);
  return {
    id: row.id as string,
    storyId: row.story_id as string,
    contentHash: row.content_hash as string,
    ingestedAt: row.ingested_at as string,
    meta: JSON.parse(row.meta_json as string),
    text: row.text as string,
    language: analysis.language,
    artifacts: analysis.artifacts,
    sentences: analysis.sentences,
  };
}
