import type pg from 'pg';
import type { CandidateStory } from '../../4-cluster/assign.js';
import { assignVector, centroidContribution } from '../../4-cluster/assign.js';
import { addVectors, mergeSurvivor, UPKEEP_DEFAULTS } from '../../4-cluster/upkeep.js';
import { keyTerms, weightVector, type DocFreq } from '../../4-cluster/weights.js';
import type { StoredArticle, StorySummary } from '../../types.js';
import {
  articleIdFor,
  storyIdFor,
  type AddResult,
  type Decide,
  type NewArticle,
  type ArticleLink,
  type FeedState,
  type SearchHit,
  type SimilarArticle,
  type Store,
} from '../store.js';
import {
  storedAnalysisJson,
  articleFromRow,
  feedStateFromRow,
  linkFromRow,
  similarFromRow,
} from '../rows.js';
import { inTransaction, openPool, type PgOptions } from './connection.js';
import { migratePostgres } from './migrate.js';
import { KEY_TERMS, MAX_CANDIDATES, TITLE_RANK } from '../assignment-limits.js';
import { candidateBuckets, postingBucket } from '../posting-buckets.js';
import {
  outliersOf,
  storyIdChoices,
  storyShape,
  VectorCache,
  vectorJson,
} from '../story-upkeep.js';

type Row = Record<string, unknown>;
type Db = pg.Pool | pg.PoolClient;

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

  /** The assignment lock's key: one per schema, so separate schemas do not wait on each other. */
  private readonly lockKey: string;
  /** Members' parsed cluster vectors for the outlier check. */
  private readonly memberVectors = new VectorCache();

  private constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
    private readonly asyncCommit: boolean,
  ) {
    this.lockKey = String(lockKeyFor(`parallax:assign:${schema}`));
  }

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
    // One lock for all assignments: two articles about one event arriving at the same
    // moment are decided one after the other, never both as "new story". Taken in the
    // BEGIN round trip; every later statement (READ COMMITTED) sees all earlier assignments.
    const begin =
      (this.asyncCommit ? 'SET LOCAL synchronous_commit = off; ' : '') +
      `SELECT pg_advisory_xact_lock(${this.lockKey})`;
    const result = await inTransaction(
      this.pool,
      async (c) => {
        locked = performance.now();
        return this.addInTransaction(c, input, decide);
      },
      begin,
    );
    this.timings.transactions++;
    this.timings.lockWaitMs += locked - started;
    this.timings.lockedMs += performance.now() - locked;
    return result;
  }

  /**
   * The SQLite store's steps in three statements, because each round trip is spent holding
   * the global lock: (1) duplicate check + document frequencies, (2) candidate stories with
   * their centroids, (3) every write in one statement of data-modifying CTEs.
   */
  private async addInTransaction(
    c: pg.PoolClient,
    input: NewArticle,
    decide: Decide,
  ): Promise<AddResult> {
    const { article, contentHash, features } = input;
    const terms = [...features.terms.keys()];
    const first = (
      await c.query(
        `SELECT (SELECT json_build_object('id', id, 'story_id', story_id) FROM articles WHERE content_hash = $1) AS existing,
                (SELECT value FROM counters WHERE name = 'docs') AS docs,
                (SELECT COALESCE(json_object_agg(term, df), '{}') FROM term_df WHERE term = ANY($2::text[])) AS df`,
        [contentHash, terms],
      )
    ).rows[0] as { existing: Row | null; docs: string; df: Record<string, number> };
    if (first.existing) {
      const storyId = await this.resolveStory(c, first.existing.story_id as string);
      return { status: 'duplicate', articleId: first.existing.id as string, storyId };
    }
    const stats: DocFreq = {
      docs: Number(first.docs),
      df: new Map(Object.entries(first.df).filter(([, n]) => n > 0)),
    };
    const keys = keyTerms(weightVector(features.terms, features.names, stats), KEY_TERMS);
    const candidates = await this.candidates(c, keys, features.bands, article.meta.published.value);
    const decision = decide(candidates, stats);
    const articleId = articleIdFor(contentHash);
    let storyId = decision.storyId ?? storyIdFor(contentHash);
    const newStory = decision.storyId === null;
    const contribution = centroidContribution(features, stats);
    // A bridge: the article matched other stories close enough to its best one to merge.
    const merged: string[] = [];
    // A decision may name a story the indexes did not propose: read it then.
    const joined =
      candidates.find((x) => x.id === storyId) ??
      (newStory ? undefined : await this.storyForUpkeep(c, storyId));
    let base = joined?.centroid ?? new Map<string, number>();
    let size = joined?.size ?? 0;
    if (!newStory && decision.merge?.length) {
      // Live stories only, each once (a decision may name one the indexes did not propose).
      const ids = new Set<string>();
      for (const id of [storyId, ...decision.merge]) ids.add(await this.resolveStory(c, id));
      const group: CandidateStory[] = [];
      for (const id of ids) {
        const found = candidates.find((x) => x.id === id) ?? (await this.storyForUpkeep(c, id));
        if (found) group.push(found);
      }
      const survivor = mergeSurvivor(group);
      for (const s of group) {
        if (s.id === survivor.id) continue;
        await c.query(ABSORB, [s.id, survivor.id]);
        merged.push(s.id);
      }
      storyId = survivor.id;
      base = addVectors(...group.map((x) => x.centroid));
      size = group.reduce((n, x) => n + x.size, 0);
    }
    // The last statement also returns the story's earlier members, for the outlier check.
    const members = (
      await c.query(WRITE_ARTICLE, [
        storyId,
        newStory,
        article.meta.title,
        TITLE_RANK[article.meta.titleSource],
        article.meta.published.value,
        new Date().toISOString(),
        articleId,
        contentHash,
        article.meta.source,
        article.meta.origin,
        article.language.code,
        article.text,
        input.raw,
        JSON.stringify(article.meta),
        storedAnalysisJson(article),
        [...contribution.keys()],
        [...contribution.values()],
        keys,
        terms,
        features.bands,
        (input.links ?? []).map((l) => l.kind),
        (input.links ?? []).map((l) => l.to),
        vectorJson(contribution),
        JSON.stringify(keys),
        newStory || size + 1 < UPKEEP_DEFAULTS.minSize ? 0 : UPKEEP_DEFAULTS.checkLimit - 1,
        postingBucket(article.meta.published.value),
      ])
    ).rows as Row[];
    const left = newStory
      ? []
      : await this.dropOutliers(c, storyId, addVectors(base, contribution), size + 1, [
          {
            id: articleId,
            content_hash: contentHash,
            published: article.meta.published.value,
            cluster_vector: vectorJson(contribution),
            key_terms: JSON.stringify(keys),
          },
          ...members,
        ]);
    return {
      status: 'added',
      articleId,
      storyId,
      newStory,
      score: decision.score,
      ...(merged.length ? { merged } : {}),
      ...(left.length ? { left } : {}),
    };
  }

  /** A story's size and centroid, as a candidate carries them. */
  private async storyForUpkeep(c: pg.PoolClient, id: string): Promise<CandidateStory | undefined> {
    const r = (
      await c.query(
        `SELECT article_count, first_date, last_date, (SELECT json_object_agg(t.term, t.weight) FROM story_terms t WHERE t.story_id = s.id) AS centroid
           FROM stories s WHERE id = $1`,
        [id],
      )
    ).rows[0] as Row | undefined;
    if (!r) return undefined;
    return {
      id,
      size: r.article_count as number,
      centroid: new Map(Object.entries((r.centroid as Record<string, number> | null) ?? {})),
      firstDate: (r.first_date as string | null) ?? null,
      lastDate: (r.last_date as string | null) ?? null,
      nearDuplicate: false,
    };
  }

  /** Members of a changed story that no longer fit leave it and are assigned again. */
  private async dropOutliers(
    c: pg.PoolClient,
    storyId: string,
    centroid: Map<string, number>,
    size: number,
    rows: Row[],
  ): Promise<Array<{ articleId: string; storyId: string }>> {
    if (size < UPKEEP_DEFAULTS.minSize) return [];
    const out: Array<{ articleId: string; storyId: string }> = [];
    for (const { id, contentHash, published, vector, keys } of outliersOf(
      rows,
      centroid,
      size,
      this.memberVectors,
    )) {
      const candidates = (await this.candidates(c, keys, [], published)).filter(
        (x) => x.id !== storyId,
      );
      const decision = assignVector(vector, published, candidates);
      let to = decision.storyId;
      if (to === null) {
        const choices = storyIdChoices(contentHash);
        const taken = new Set(
          (await c.query('SELECT id FROM stories WHERE id = ANY($1::text[])', [choices])).rows.map(
            (r) => r.id as string,
          ),
        );
        to = choices.find((x) => !taken.has(x))!;
      }
      await c.query(MOVE_ARTICLE, [
        storyId,
        to,
        decision.storyId === null,
        new Date().toISOString(),
        id,
        keys,
        [...vector.keys()],
        [...vector.values()],
        postingBucket(published),
      ]);
      await c.query('DELETE FROM term_postings WHERE story_id = $1 AND hits <= 0', [storyId]);
      await c.query('DELETE FROM story_terms WHERE story_id = $1 AND weight <= 1e-9', [storyId]);
      await this.refreshStories(c, [storyId, to]);
      out.push({ articleId: id, storyId: to });
    }
    return out;
  }

  /** Recomputes stories' counts, dates and titles from their members. */
  private async refreshStories(c: pg.PoolClient, ids: string[]): Promise<void> {
    const rows = (
      await c.query(
        'SELECT story_id, title, published, meta_json FROM articles WHERE story_id = ANY($1::text[]) ORDER BY seq',
        [ids],
      )
    ).rows as Row[];
    for (const id of ids) {
      const shape = storyShape(rows.filter((r) => r.story_id === id));
      if (!shape) continue;
      await c.query(
        'UPDATE stories SET title = $1, title_rank = $2, first_date = $3, last_date = $4, article_count = $5 WHERE id = $6',
        [shape.title, shape.titleRank, shape.firstDate, shape.lastDate, shape.count, id],
      );
    }
  }

  /**
   * Candidate stories from the indexes only: key-term postings of the weeks around the
   * article's date (posting-buckets.ts), and MinHash bands (near-duplicates, of any date).
   */
  private async candidates(
    c: Db,
    keys: string[],
    bands: string[],
    date: string | null,
  ): Promise<CandidateStory[]> {
    if (!keys.length && !bands.length) return [];
    const rows = (await c.query(CANDIDATES, [keys, bands, candidateBuckets(date)])).rows as Row[];
    const out: Array<CandidateStory & { hits: number }> = [];
    for (const r of rows) {
      out.push({
        id: r.id as string,
        centroid: new Map(Object.entries((r.centroid as Record<string, number> | null) ?? {})),
        size: r.article_count as number,
        firstDate: (r.first_date as string | null) ?? null,
        lastDate: (r.last_date as string | null) ?? null,
        nearDuplicate: r.near_dup as boolean,
        hits: (r.hits as number | null) ?? 0,
      });
    }
    // As the SQLite store offers them: by index hits (most first, then id), near-duplicates after.
    out.sort((a, b) => b.hits - a.hits || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return out.map(({ hits: _hits, ...candidate }) => candidate);
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
    return row ? articleFromRow(row) : null;
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
    return rows.map(articleFromRow);
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

  async similarArticles(bands: string[], limit = 10): Promise<SimilarArticle[]> {
    if (bands.length === 0) return [];
    const rows = (
      await this.pool.query(
        `SELECT a.id, a.source, a.content_hash, a.text, COUNT(*) AS shared
           FROM minhash_bands b JOIN articles a ON a.id = b.article_id
           WHERE b.band = ANY($1::text[])
           GROUP BY a.id, a.seq ORDER BY shared DESC, a.seq LIMIT $2`,
        [bands, limit],
      )
    ).rows as Row[];
    return rows.map(similarFromRow);
  }

  async articleLinks(articleId: string): Promise<ArticleLink[]> {
    const rows = (
      await this.pool.query(
        `SELECT from_id, kind, to_id FROM article_links WHERE from_id = $1 OR to_id = $1
           ORDER BY seq, kind COLLATE "C", to_id COLLATE "C"`,
        [articleId],
      )
    ).rows as Row[];
    return rows.map(linkFromRow);
  }

  async getFeedState(feed: string): Promise<FeedState | null> {
    const r = (await this.pool.query('SELECT * FROM feed_state WHERE feed = $1', [feed]))
      .rows[0] as Row | undefined;
    if (!r) return null;
    return feedStateFromRow(feed, r);
  }

  async putFeedState(state: FeedState): Promise<void> {
    await this.pool.query(
      `INSERT INTO feed_state (feed, etag, last_modified, last_polled_at, failures) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           last_polled_at = excluded.last_polled_at, failures = excluded.failures`,
      [state.feed, state.etag, state.lastModified, state.lastPolledAt, state.failures],
    );
  }

  async seenFeedItems(feed: string, itemIds: string[]): Promise<string[]> {
    if (itemIds.length === 0) return [];
    const rows = (
      await this.pool.query(
        'SELECT item_id FROM feed_seen WHERE feed = $1 AND item_id = ANY($2::text[])',
        [feed, itemIds],
      )
    ).rows as Row[];
    const seen = new Set(rows.map((r) => r.item_id as string));
    return itemIds.filter((id) => seen.has(id));
  }

  async markFeedItemsSeen(feed: string, itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) return;
    await this.pool.query(
      `INSERT INTO feed_seen (feed, item_id, seen_at) SELECT $1, id, $3 FROM unnest($2::text[]) AS x(id)
         ON CONFLICT DO NOTHING`,
      [feed, itemIds, new Date().toISOString()],
    );
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

/** A stable 32-bit key for an advisory lock (FNV-1a), sent as a literal with BEGIN. */
function lockKeyFor(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * Stories proposed by the indexes, with their centroids. Postings: stories sharing at least
 * two of the article's key terms in the weeks $3 (all weeks when null), the 30 with most
 * hits. Bands: stories holding an article that shares a MinHash band, followed through
 * merged_into to the surviving story.
 */
const CANDIDATES = `
  WITH RECURSIVE hits AS (
    SELECT story_id, COUNT(DISTINCT term)::int AS n FROM term_postings
      WHERE term = ANY($1::text[]) AND ($3::int[] IS NULL OR bucket = ANY($3::int[]))
      GROUP BY story_id ORDER BY n DESC, story_id COLLATE "C" LIMIT ${MAX_CANDIDATES}
  ), near(id, depth) AS (
    SELECT DISTINCT a.story_id, 0 FROM minhash_bands b JOIN articles a ON a.id = b.article_id
      WHERE b.band = ANY($2::text[])
    UNION ALL
    SELECT s.merged_into, near.depth + 1 FROM near JOIN stories s ON s.id = near.id
      WHERE s.merged_into IS NOT NULL AND near.depth < 20
  ), near_final AS (
    SELECT DISTINCT near.id FROM near JOIN stories s ON s.id = near.id WHERE s.merged_into IS NULL
  ), ids AS (
    SELECT story_id AS id FROM hits WHERE n >= 2 UNION SELECT id FROM near_final
  )
  SELECT s.id, s.article_count, s.first_date, s.last_date,
         (SELECT h.n FROM hits h WHERE h.story_id = s.id AND h.n >= 2) AS hits,
         EXISTS (SELECT 1 FROM near_final n WHERE n.id = s.id) AS near_dup,
         (SELECT json_object_agg(t.term, t.weight) FROM story_terms t WHERE t.story_id = s.id) AS centroid
    FROM stories s JOIN ids ON ids.id = s.id`;

/**
 * Every write of one article in one statement (one round trip under the lock). The CTEs are
 * the SQLite store's statements in the same order: open or update the story, insert the
 * article, add to the centroid, the postings, the document frequencies, the document count,
 * and the MinHash bands. A new story is inserted complete, since CTEs of one statement cannot
 * see each other's rows.
 */
const WRITE_ARTICLE = `
  WITH new_story AS (
    INSERT INTO stories (id, title, title_rank, first_date, last_date, article_count, created_at)
      SELECT $1, $3, $4, $5, $5, 1, $6 WHERE $2::boolean
  ), old_story AS (
    UPDATE stories SET article_count = article_count + 1,
        first_date = CASE WHEN $5::text IS NULL THEN first_date WHEN first_date IS NULL OR $5 < first_date THEN $5 ELSE first_date END,
        last_date = CASE WHEN $5::text IS NULL THEN last_date WHEN last_date IS NULL OR $5 > last_date THEN $5 ELSE last_date END,
        title = CASE WHEN $4 > title_rank THEN $3 ELSE title END,
        title_rank = GREATEST(title_rank, $4)
      WHERE id = $1 AND NOT $2::boolean
  ), article AS (
    INSERT INTO articles (id, content_hash, story_id, source, title, published, origin, language, text, raw, meta_json, analysis_json, ingested_at, cluster_vector, key_terms)
      VALUES ($7, $8, $1, $9, $3, $5, $10, $11, $12, $13, $14, $15, $6, $23, $24)
  ), centroid AS (
    INSERT INTO story_terms (story_id, term, weight)
      SELECT $1, t, w FROM unnest($16::text[], $17::float8[]) AS x(t, w)
      ON CONFLICT (story_id, term) DO UPDATE SET weight = story_terms.weight + excluded.weight
  ), postings AS (
    INSERT INTO term_postings (term, bucket, story_id) SELECT t, $26, $1 FROM unnest($18::text[]) AS x(t)
      ON CONFLICT (term, bucket, story_id) DO UPDATE SET hits = term_postings.hits + 1
  ), doc_freq AS (
    INSERT INTO term_df (term, df) SELECT t, 1 FROM unnest($19::text[]) AS x(t)
      ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1
  ), docs AS (
    UPDATE counters SET value = value + 1 WHERE name = 'docs'
  ), links AS (
    INSERT INTO article_links (from_id, kind, to_id, seq)
      SELECT $7, k, t, (SELECT COALESCE(MAX(seq), 0) + 1 FROM article_links) FROM unnest($21::text[], $22::text[]) AS x(k, t)
      ON CONFLICT DO NOTHING
  ), bands AS (
    INSERT INTO minhash_bands (band, article_id) SELECT DISTINCT b, $7 FROM unnest($20::text[]) AS x(b)
      ON CONFLICT DO NOTHING
  )
  SELECT id, content_hash, published, cluster_vector, key_terms FROM articles
    WHERE story_id = $1 ORDER BY seq DESC LIMIT $25`;

/**
 * Merges story $1 into $2 in one statement: members, postings and centroid terms move; the
 * survivor's row takes the union (counts add, dates widen, a strictly better-ranked title
 * wins); $1 and every story that redirected to it now redirect to $2.
 */
const ABSORB = `
  WITH src AS (
    SELECT * FROM stories WHERE id = $1
  ), moved AS (
    UPDATE articles SET story_id = $2 WHERE story_id = $1
  ), postings AS (
    INSERT INTO term_postings (term, bucket, story_id, hits) SELECT term, bucket, $2, hits FROM term_postings WHERE story_id = $1
      ON CONFLICT (term, bucket, story_id) DO UPDATE SET hits = term_postings.hits + excluded.hits
  ), drop_postings AS (
    DELETE FROM term_postings WHERE story_id = $1
  ), terms AS (
    INSERT INTO story_terms (story_id, term, weight) SELECT $2, term, weight FROM story_terms WHERE story_id = $1
      ON CONFLICT (story_id, term) DO UPDATE SET weight = story_terms.weight + excluded.weight
  ), drop_terms AS (
    DELETE FROM story_terms WHERE story_id = $1
  ), chains AS (
    UPDATE stories SET merged_into = $2 WHERE merged_into = $1
  ), gone AS (
    UPDATE stories SET merged_into = $2, article_count = 0 WHERE id = $1
  )
  UPDATE stories t SET article_count = t.article_count + src.article_count,
      first_date = CASE WHEN src.first_date IS NULL THEN t.first_date WHEN t.first_date IS NULL OR src.first_date < t.first_date THEN src.first_date ELSE t.first_date END,
      last_date = CASE WHEN src.last_date IS NULL THEN t.last_date WHEN t.last_date IS NULL OR src.last_date > t.last_date THEN src.last_date ELSE t.last_date END,
      title = CASE WHEN src.title_rank > t.title_rank THEN src.title ELSE t.title END,
      title_rank = GREATEST(t.title_rank, src.title_rank)
    FROM src WHERE t.id = $2`;

/**
 * One article ($5) leaves story $1 for $2 (opened here, empty, when $3): membership, its key
 * terms' postings ($6, in its week $9) and its centroid contribution ($7, $8) move. Emptied
 * postings and terms, and both stories' rows, are tidied by the caller.
 */
const MOVE_ARTICLE = `
  WITH new_story AS (
    INSERT INTO stories (id, title, title_rank, first_date, last_date, article_count, created_at)
      SELECT $2, '', 0, NULL, NULL, 0, $4 WHERE $3::boolean
  ), moved AS (
    UPDATE articles SET story_id = $2 WHERE id = $5
  ), less AS (
    UPDATE term_postings SET hits = hits - 1 WHERE story_id = $1 AND bucket = $9 AND term = ANY($6::text[])
  ), more AS (
    INSERT INTO term_postings (term, bucket, story_id) SELECT DISTINCT t, $9, $2 FROM unnest($6::text[]) AS x(t)
      ON CONFLICT (term, bucket, story_id) DO UPDATE SET hits = term_postings.hits + 1
  ), minus AS (
    UPDATE story_terms SET weight = story_terms.weight - x.w FROM unnest($7::text[], $8::float8[]) AS x(t, w)
      WHERE story_terms.story_id = $1 AND story_terms.term = x.t
  )
  INSERT INTO story_terms (story_id, term, weight) SELECT $2, t, w FROM unnest($7::text[], $8::float8[]) AS x(t, w)
    ON CONFLICT (story_id, term) DO UPDATE SET weight = story_terms.weight + excluded.weight`;
