import Database from 'better-sqlite3';
import type { CandidateStory } from '../../4-cluster/assign.js';
import { assignVector, centroidContribution } from '../../4-cluster/assign.js';
import { mergeSurvivor, subtractVector, UPKEEP_DEFAULTS } from '../../4-cluster/upkeep.js';
import { keyTerms, weightVector, type DocFreq } from '../../4-cluster/weights.js';
import type { SerialisedArticle, StoredArticle, StorySummary } from '../../types.js';
import {
  articleIdFor,
  storyIdFor,
  type AddResult,
  type ArticleLink,
  type Decide,
  type FeedState,
  type NewArticle,
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
import { MIGRATIONS } from './migrations.js';
import { KEY_TERMS, MAX_CANDIDATES, TITLE_RANK } from '../assignment-limits.js';
import { candidateBuckets, postingBucket } from '../posting-buckets.js';
import {
  outliersOf,
  storyIdChoices,
  storyShape,
  VectorCache,
  vectorJson,
} from '../story-upkeep.js';

/** How many terms a story's stored centroid keeps (its heaviest). */
export const CENTROID_TERMS = 300;
/** Parsed story centroids kept in memory (most recently used). */
const CENTROID_CACHE = 2000;
/** Document frequencies kept in memory before the cache starts over. */
const DF_CACHE = 1_000_000;

/** A term's document frequency as cached, and the increments not yet written. */
interface DfEntry {
  term: string;
  df: number;
  pending: number;
}

type Row = Record<string, unknown>;

/** The embedded store: one SQLite file, no setup. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  /** Prepared statements by SQL text: preparing once keeps ingest's hot path cheap. */
  private readonly statements = new Map<string, Database.Statement>();
  /** Set inside `bulk`: articles added since the last commit, and how many make a commit. */
  private bulkState: { every: number; pending: number } | null = null;
  /**
   * Inside `bulk`, full-text rows wait here and are indexed just before each commit. FTS5
   * writes out its pending terms at every savepoint, and each article is a savepoint: indexed
   * one by one, that flush was the store's costliest statement (0.19 ms an article).
   */
  private ftsPending: FtsRow[] = [];
  /** The row of the article being added, kept once its savepoint has succeeded. */
  private ftsStaged: FtsRow | null = null;
  /**
   * Parsed centroids by story id with the token they were stored under (migration 6): a
   * candidate whose stored token is unchanged is neither read nor parsed again.
   */
  private readonly centroids = new Map<string, { token: number; map: Map<string, number> }>();
  /** Members' parsed cluster vectors for the outlier check. */
  private readonly memberVectors = new VectorCache();
  /**
   * Document frequencies of terms seen by this connection (0 = absent), valid while the
   * `docs` counter is `dfDocs` (no other writer, no rollback, since they were read).
   * Inside `bulk`, increments wait in `dfPending` and are written once per commit. An entry
   * holds both counts so one map lookup per term serves reading and counting.
   */
  private readonly dfCache = new Map<string, DfEntry>();
  private dfPending: DfEntry[] = [];
  /** The entries `docFreq` looked up last: `countTerms` counts them. */
  private dfLastEntries: DfEntry[] = [];
  private dfDocs = -1;

  /**
   * `candidateWindowDays`: the assignment window candidates are read for (default the
   * assignment's own); a benchmark that assigns with a wider window widens it here.
   */
  constructor(
    readonly path: string,
    private readonly options: { candidateWindowDays?: number } = {},
  ) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  /** Applies pending migrations; returns the versions applied. */
  migrate(): number[] {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      this.sql('SELECT version FROM schema_migrations').pluck().all() as number[],
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.sql('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
      })();
      applied.push(m.version);
    }
    return applied;
  }

  async addArticle(input: NewArticle, decide: Decide): Promise<AddResult> {
    // IMMEDIATE: take the write lock before reading candidates, so two writers
    // cannot both decide to open a story for the same event.
    this.ftsStaged = null;
    let result: AddResult;
    try {
      result = this.db.transaction(() => this.addInTransaction(input, decide)).immediate();
    } catch (err) {
      this.memberVectors.forget(articleIdFor(input.contentHash));
      throw err;
    }
    if (this.ftsStaged) {
      // Held for the group's commit, or indexed now when no group is open any more (its
      // transaction was rolled back by someone else and this article committed on its own).
      if (this.db.inTransaction) this.ftsPending.push(this.ftsStaged);
      else this.indexFts(this.ftsStaged);
      this.ftsStaged = null;
    }
    if (this.bulkState && ++this.bulkState.pending >= this.bulkState.every) {
      this.flushDocFreq();
      this.flushFts();
      this.db.exec('COMMIT');
      this.db.exec('BEGIN IMMEDIATE');
      this.bulkState.pending = 0;
    }
    return result;
  }

  /**
   * Runs `fn` with grouped commits: one transaction per `every` articles instead of one
   * each (inside it, each article is a savepoint). A commit costs more than storing an
   * article, so bulk ingest uses this; another writer waits at most one group. What was
   * added is committed even when `fn` throws.
   */
  async bulk<T>(fn: () => Promise<T>, every = 100): Promise<T> {
    if (this.bulkState || this.db.inTransaction) return fn();
    this.bulkState = { every, pending: 0 };
    this.db.exec('BEGIN IMMEDIATE');
    try {
      return await fn();
    } finally {
      this.bulkState = null;
      if (this.db.inTransaction) {
        this.flushDocFreq();
        this.flushFts();
        this.db.exec('COMMIT');
      } else {
        // Rolled back: the held rows name articles that are gone.
        this.ftsPending = [];
      }
    }
  }

  private addInTransaction(input: NewArticle, decide: Decide): AddResult {
    const { article, contentHash, features } = input;
    const existing = this.sql('SELECT id, story_id FROM articles WHERE content_hash = ?').get(
      contentHash,
    ) as Row | undefined;
    if (existing) {
      const storyId = this.resolveStory(existing.story_id as string);
      return { status: 'duplicate', articleId: existing.id as string, storyId };
    }
    const stats = this.docFreq([...features.terms.keys()]);
    const keys = keyTerms(weightVector(features.terms, features.names, stats), KEY_TERMS);
    const candidates = this.candidates(keys, features.bands, article.meta.published.value);
    const decision = decide(candidates, stats);
    const articleId = articleIdFor(contentHash);
    let storyId = decision.storyId ?? storyIdFor(contentHash);
    const newStory = decision.storyId === null;
    const published = article.meta.published.value;
    const now = new Date().toISOString();
    // A bridge: the article matched other stories close enough to its best one to merge.
    const merged: string[] = [];
    let base = newStory
      ? new Map<string, number>()
      : candidates.find((c) => c.id === storyId)?.centroid;
    if (!newStory && decision.merge?.length) {
      // Live stories only, each once (a decision may name one the indexes did not propose).
      const ids = [...new Set([storyId, ...decision.merge].map((id) => this.resolveStory(id)))];
      const group = ids
        .map((id) => candidates.find((c) => c.id === id) ?? this.storyForUpkeep(id))
        .filter((c): c is CandidateStory => c !== undefined);
      const survivor = mergeSurvivor(group);
      for (const s of group) {
        if (s.id === survivor.id) continue;
        this.absorb(s.id, survivor.id);
        merged.push(s.id);
      }
      storyId = survivor.id;
      base = this.storyCentroid(storyId);
    }
    if (newStory) {
      this.sql(
        'INSERT INTO stories (id, title, title_rank, first_date, last_date, article_count, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)',
      ).run(
        storyId,
        article.meta.title,
        TITLE_RANK[article.meta.titleSource],
        published,
        published,
        now,
      );
    }
    const contribution = centroidContribution(features, stats);
    const info = this.sql(
      `INSERT INTO articles (id, content_hash, story_id, source, title, published, origin, language, text, raw, meta_json, analysis_json, ingested_at, cluster_vector, key_terms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
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
      storedAnalysisJson(article),
      now,
      vectorJson(contribution),
      JSON.stringify(keys),
    );
    this.memberVectors.set(articleId, contribution);
    const fts: FtsRow = [info.lastInsertRowid, article.meta.title, article.text];
    if (this.bulkState) this.ftsStaged = fts;
    else this.indexFts(fts);
    this.updateStory(storyId, article);
    const centroid = addToCentroid(base ?? this.storyCentroid(storyId), contribution);
    this.setCentroid(storyId, centroid);
    // One prepared upsert per key term: measured 40% cheaper than one over a JSON array.
    const post = this.sql(
      'INSERT INTO term_postings (bucket, term, story_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET hits = hits + 1',
    );
    const bucket = postingBucket(published);
    for (const term of keys) post.run(bucket, term, storyId);
    this.sql(
      'INSERT OR IGNORE INTO minhash_bands (band, article_id) SELECT value, ? FROM json_each(?)',
    ).run(articleId, JSON.stringify(features.bands));
    const link = this.sql(
      'INSERT OR IGNORE INTO article_links (from_id, kind, to_id, seq) VALUES (?, ?, ?, ?)',
    );
    for (const l of input.links ?? []) link.run(articleId, l.kind, l.to, info.lastInsertRowid);
    this.sql("UPDATE counters SET value = value + 1 WHERE name = 'docs'").run();
    const left = newStory ? [] : this.dropOutliers(storyId, centroid);
    // Last, so the cache changes only when everything above was written.
    this.countTerms(stats.docs + 1);
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

  /**
   * Moves every article of `from` into `to`; `from` then redirects to `to`. The survivor's
   * row takes the union of both: counts add, dates widen, and the absorbed story's title
   * wins only if it ranks strictly higher (as a joining article's would).
   */
  private absorb(from: string, to: string): void {
    const centroid = addToCentroid(this.storyCentroid(to), this.storyCentroid(from));
    const src = this.sql('SELECT * FROM stories WHERE id = ?').get(from) as Row;
    this.sql('UPDATE articles SET story_id = ? WHERE story_id = ?').run(to, from);
    this.sql(
      `INSERT INTO term_postings (bucket, term, story_id, hits) SELECT bucket, term, ?, hits FROM term_postings WHERE story_id = ? AND true
         ON CONFLICT DO UPDATE SET hits = hits + excluded.hits`,
    ).run(to, from);
    this.sql('DELETE FROM term_postings WHERE story_id = ?').run(from);
    this.widenStory(to, {
      count: src.article_count as number,
      first: src.first_date as string | null,
      last: src.last_date as string | null,
      rank: src.title_rank as number,
      title: src.title as string,
    });
    this.setCentroid(to, centroid);
    this.sql('UPDATE stories SET merged_into = ?, article_count = 0 WHERE id = ?').run(to, from);
    this.sql('DELETE FROM story_centroids WHERE story_id = ?').run(from);
    this.centroids.delete(from);
    // Stories that redirected to `from` now redirect to `to`: chains stay one step long.
    this.sql('UPDATE stories SET merged_into = ? WHERE merged_into = ?').run(to, from);
  }

  /** A story as a candidate carries it, for a decision naming one the indexes did not propose. */
  private storyForUpkeep(id: string): CandidateStory | undefined {
    const s = this.sql('SELECT * FROM stories WHERE id = ?').get(id) as Row | undefined;
    if (!s) return undefined;
    return {
      id,
      centroid: this.storyCentroid(id),
      size: s.article_count as number,
      firstDate: (s.first_date as string | null) ?? null,
      lastDate: (s.last_date as string | null) ?? null,
      nearDuplicate: false,
    };
  }

  /** Members of a changed story that no longer fit leave it and are assigned again. */
  private dropOutliers(
    storyId: string,
    centroid: Map<string, number>,
  ): Array<{ articleId: string; storyId: string }> {
    const size = this.sql('SELECT article_count FROM stories WHERE id = ?')
      .pluck()
      .get(storyId) as number;
    if (size < UPKEEP_DEFAULTS.minSize) return [];
    // Ids first: members' vectors never change, so only those not cached yet are read.
    const ids = this.sql(
      `SELECT id FROM articles WHERE story_id = ? ORDER BY seq DESC LIMIT ${UPKEEP_DEFAULTS.checkLimit}`,
    )
      .pluck()
      .all(storyId) as string[];
    const missing = ids.filter((id) => !this.memberVectors.has(id));
    const loaded = new Map<string, unknown>();
    if (missing.length) {
      const rows = this.sql(
        'SELECT id, cluster_vector FROM articles WHERE id IN (SELECT value FROM json_each(?))',
      )
        .raw()
        .all(JSON.stringify(missing)) as Array<[string, unknown]>;
      for (const [id, vector] of rows) loaded.set(id, vector);
    }
    const rows = ids.map((id) => ({ id, cluster_vector: loaded.get(id) }));
    const details = (id: string) =>
      this.sql('SELECT content_hash, published, key_terms FROM articles WHERE id = ?').get(
        id,
      ) as Row;
    const out: Array<{ articleId: string; storyId: string }> = [];
    for (const { id, contentHash, published, vector, keys } of outliersOf(
      rows,
      centroid,
      size,
      this.memberVectors,
      details,
    )) {
      const candidates = this.candidates(keys, [], published).filter((c) => c.id !== storyId);
      const decision = assignVector(vector, published, candidates);
      let to = decision.storyId;
      if (to === null) {
        const exists = this.sql('SELECT 1 FROM stories WHERE id = ?').pluck();
        to = storyIdChoices(contentHash).find((s) => exists.get(s) === undefined)!;
        this.sql(
          "INSERT INTO stories (id, title, title_rank, first_date, last_date, article_count, created_at) VALUES (?, '', 0, NULL, NULL, 0, ?)",
        ).run(to, new Date().toISOString());
      }
      this.moveArticle(id, vector, keys, postingBucket(published), storyId, to);
      out.push({ articleId: id, storyId: to });
    }
    return out;
  }

  /** Moves one article between stories: membership, postings, both centroids and rows. */
  private moveArticle(
    articleId: string,
    vector: Map<string, number>,
    keys: string[],
    bucket: number,
    from: string,
    to: string,
  ): void {
    this.sql('UPDATE articles SET story_id = ? WHERE id = ?').run(to, articleId);
    const less = this.sql(
      'UPDATE term_postings SET hits = hits - 1 WHERE bucket = ? AND term = ? AND story_id = ?',
    );
    const more = this.sql(
      'INSERT INTO term_postings (bucket, term, story_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET hits = hits + 1',
    );
    for (const term of keys) {
      less.run(bucket, term, from);
      more.run(bucket, term, to);
    }
    this.sql('DELETE FROM term_postings WHERE story_id = ? AND hits <= 0').run(from);
    this.setCentroid(from, subtractVector(this.storyCentroid(from), vector));
    this.setCentroid(to, addToCentroid(this.storyCentroid(to), vector));
    this.refreshStory(from);
    this.refreshStory(to);
  }

  /** Recomputes a story's count, dates and title from its members. */
  private refreshStory(id: string): void {
    const shape = storyShape(
      this.sql(
        'SELECT title, published, meta_json FROM articles WHERE story_id = ? ORDER BY seq',
      ).all(id) as Row[],
    );
    if (!shape) return;
    this.sql(
      'UPDATE stories SET title = ?, title_rank = ?, first_date = ?, last_date = ?, article_count = ? WHERE id = ?',
    ).run(shape.title, shape.titleRank, shape.firstDate, shape.lastDate, shape.count, id);
  }

  private updateStory(storyId: string, article: Pick<SerialisedArticle, 'meta'>) {
    const published = article.meta.published.value;
    this.widenStory(storyId, {
      count: 1,
      first: published,
      last: published,
      rank: TITLE_RANK[article.meta.titleSource],
      title: article.meta.title,
    });
  }

  /**
   * Adds members to a story's row: the count grows, the dates widen, and the title changes
   * only for a strictly better-ranked one (a joining article, or a story being absorbed).
   */
  private widenStory(
    id: string,
    add: { count: number; first: string | null; last: string | null; rank: number; title: string },
  ): void {
    this.sql(
      `UPDATE stories SET article_count = article_count + @count,
           first_date = CASE WHEN @first IS NULL THEN first_date WHEN first_date IS NULL OR @first < first_date THEN @first ELSE first_date END,
           last_date = CASE WHEN @last IS NULL THEN last_date WHEN last_date IS NULL OR @last > last_date THEN @last ELSE last_date END,
           title = CASE WHEN @rank > title_rank THEN @title ELSE title END,
           title_rank = MAX(title_rank, @rank)
         WHERE id = @id`,
    ).run({ ...add, id });
  }

  private docFreq(terms: string[]): DocFreq {
    const docs = this.sql("SELECT value FROM counters WHERE name = 'docs'").pluck().get() as number;
    if (docs !== this.dfDocs) {
      // Another writer or a rollback since the cache was filled: start over from the table
      // (increments still waiting belong to the rolled-back writes, so they go too).
      this.dfPending = [];
      this.dfCache.clear();
      this.dfDocs = docs;
    } else if (this.dfCache.size > DF_CACHE) {
      this.flushDocFreq();
      this.dfCache.clear();
    }
    const cache = this.dfCache;
    const entries: DfEntry[] = [];
    const missing: DfEntry[] = [];
    for (const term of terms) {
      let e = cache.get(term);
      if (!e) {
        cache.set(term, (e = { term, df: 0, pending: 0 }));
        missing.push(e);
      }
      entries.push(e);
    }
    if (missing.length) {
      const rows = this.sql(
        'SELECT d.term, d.df FROM json_each(?) j JOIN term_df d ON d.term = j.value',
      )
        .raw()
        .all(JSON.stringify(missing.map((e) => e.term))) as Array<[string, number]>;
      for (const [t, n] of rows) cache.get(t)!.df = n;
    }
    this.dfLastEntries = entries;
    const df = new Map<string, number>();
    for (const e of entries) if (e.df) df.set(e.term, e.df);
    return { docs, df };
  }

  /**
   * Counts one more document for each term `docFreq` looked up just before. Outside `bulk`
   * the table is written at once; inside, once per commit: one statement over a JSON array
   * either way, since a native call per term costs more than the update.
   */
  private countTerms(docs: number): void {
    for (const e of this.dfLastEntries) {
      e.df++;
      if (e.pending++ === 0) this.dfPending.push(e);
    }
    this.dfLastEntries = [];
    this.dfDocs = docs;
    if (!this.bulkState) this.flushDocFreq();
  }

  private indexFts(row: FtsRow): void {
    this.sql('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(...row);
  }

  /** Indexes the rows `bulk` held back; before a commit, and before a search sees the index. */
  private flushFts(): void {
    for (const row of this.ftsPending) this.indexFts(row);
    this.ftsPending = [];
  }

  private flushDocFreq(): void {
    if (this.dfPending.length === 0) return;
    const counts = JSON.stringify(this.dfPending.map((e) => [e.term, e.pending]));
    for (const e of this.dfPending) e.pending = 0;
    this.dfPending = [];
    this.sql(
      `INSERT INTO term_df (term, df) SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true
         ON CONFLICT DO UPDATE SET df = df + excluded.df`,
    ).run(counts);
  }

  /**
   * Candidate stories from the indexes only: key-term postings of the weeks around the
   * article's date (posting-buckets.ts), and MinHash bands (near-duplicates, of any date).
   */
  private candidates(keys: string[], bands: string[], date: string | null): CandidateStory[] {
    const hits = new Map<string, number>();
    const nearDup = new Set<string>();
    const buckets = keys.length
      ? (candidateBuckets(date, this.options.candidateWindowDays) ?? this.postedBuckets())
      : [];
    if (buckets.length) {
      const rows = this.sql(
        `SELECT story_id, COUNT(DISTINCT term) AS n FROM term_postings
           WHERE bucket IN (${buckets.map(() => '?').join(',')}) AND term IN (${keys.map(() => '?').join(',')})
           GROUP BY story_id ORDER BY n DESC, story_id LIMIT ${MAX_CANDIDATES}`,
      ).all(...buckets, ...keys) as Row[];
      for (const r of rows) if ((r.n as number) >= 2) hits.set(r.story_id as string, r.n as number);
    }
    if (bands.length) {
      const rows = this.sql(
        `SELECT DISTINCT a.story_id FROM minhash_bands b JOIN articles a ON a.id = b.article_id
           WHERE b.band IN (${bands.map(() => '?').join(',')})`,
      )
        .pluck()
        .all(...bands) as string[];
      for (const s of rows) nearDup.add(this.resolveStory(s));
    }
    const ids = new Set([...hits.keys(), ...nearDup]);
    // Not the centroid itself: its token says whether the parsed one in memory is current.
    const story = this.sql(
      `SELECT s.article_count, s.first_date, s.last_date, c.token FROM stories s
         LEFT JOIN story_centroids c ON c.story_id = s.id WHERE s.id = ?`,
    );
    const out: CandidateStory[] = [];
    for (const id of ids) {
      const s = story.get(id) as Row;
      out.push({
        id,
        centroid: this.centroidByToken(id, (s.token as number | null) ?? null),
        size: s.article_count as number,
        firstDate: (s.first_date as string | null) ?? null,
        lastDate: (s.last_date as string | null) ?? null,
        nearDuplicate: nearDup.has(id),
      });
    }
    return out;
  }

  /** Every bucket holding postings, one index seek each (an undated article reads them all). */
  private postedBuckets(): number[] {
    const next = this.sql(
      'SELECT bucket FROM term_postings WHERE bucket > ? ORDER BY bucket LIMIT 1',
    ).pluck();
    const out: number[] = [];
    for (let b = next.get(Number.MIN_SAFE_INTEGER) as number | undefined; b !== undefined;) {
      out.push(b);
      b = next.get(b) as number | undefined;
    }
    return out;
  }

  /** Writes a story's centroid under a fresh token, and keeps it parsed. */
  private setCentroid(id: string, centroid: Map<string, number>): void {
    const token = Math.floor(Math.random() * 2 ** 52);
    this.sql(
      `INSERT INTO story_centroids (story_id, token, centroid) VALUES (?, ?, ?)
         ON CONFLICT (story_id) DO UPDATE SET token = excluded.token, centroid = excluded.centroid`,
    ).run(id, token, JSON.stringify([...centroid]));
    this.rememberCentroid(id, token, centroid);
  }

  /**
   * The story's centroid, from memory while `token` (read with the story's row) is the one
   * it was parsed under (shared: do not modify). Another writer, or a rolled-back write,
   * leaves a token this connection does not hold, so the stored centroid is read again.
   */
  private centroidByToken(id: string, token: number | null): Map<string, number> {
    const hit = this.centroids.get(id);
    if (hit && token !== null && hit.token === token) {
      this.centroids.delete(id);
      this.centroids.set(id, hit);
      return hit.map;
    }
    const row = this.sql('SELECT token, centroid FROM story_centroids WHERE story_id = ?').get(
      id,
    ) as Row | undefined;
    const stored = row?.centroid as string | undefined;
    if (!stored) {
      // Stories stored before migration 2 rebuild it from story_terms (others have none yet).
      const rows = this.sql('SELECT term, weight FROM story_terms WHERE story_id = ?').all(
        id,
      ) as Row[];
      return topTerms(new Map(rows.map((r) => [r.term as string, r.weight as number])));
    }
    const map = new Map<string, number>(JSON.parse(stored));
    this.rememberCentroid(id, row!.token as number, map);
    return map;
  }

  private rememberCentroid(id: string, token: number, map: Map<string, number>): void {
    this.centroids.delete(id);
    this.centroids.set(id, { token, map });
    if (this.centroids.size > CENTROID_CACHE)
      this.centroids.delete(this.centroids.keys().next().value!);
  }

  /** A story's compact centroid (current: its token is read first). */
  private storyCentroid(id: string): Map<string, number> {
    const token = this.sql('SELECT token FROM story_centroids WHERE story_id = ?')
      .pluck()
      .get(id) as number | undefined;
    return this.centroidByToken(id, token ?? null);
  }

  private resolveStory(id: string): string {
    let current = id;
    for (let i = 0; i < 20; i++) {
      const next = this.sql('SELECT merged_into FROM stories WHERE id = ?').pluck().get(current) as
        string | null | undefined;
      if (!next) return current;
      current = next;
    }
    return current;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    return row ? articleFromRow(row) : null;
  }

  async listStories(): Promise<StorySummary[]> {
    const rows = this.sql(
      'SELECT * FROM stories WHERE merged_into IS NULL ORDER BY article_count DESC, last_date DESC, id',
    ).all() as Row[];
    return rows.map((r) => this.summary(r));
  }

  async getStory(id: string): Promise<StorySummary | null> {
    const row = this.sql('SELECT * FROM stories WHERE id = ?').get(this.resolveStory(id)) as
      Row | undefined;
    return row ? this.summary(row) : null;
  }

  private summary(row: Row): StorySummary {
    const articles = this.sql(
      'SELECT id, source, title, published, origin FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, seq',
    ).all(row.id) as Array<StorySummary['articles'][number]>;
    return {
      id: row.id as string,
      title: row.title as string,
      firstDate: (row.first_date as string | null) ?? null,
      lastDate: (row.last_date as string | null) ?? null,
      outlets: [...new Set(articles.map((a) => a.source))].sort(),
      articles,
    };
  }

  async storyArticles(storyId: string): Promise<StoredArticle[]> {
    const rows = this.sql(
      'SELECT * FROM articles WHERE story_id = ? ORDER BY published IS NULL, published, seq',
    ).all(this.resolveStory(storyId)) as Row[];
    return rows.map(articleFromRow);
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (!match) return [];
    this.flushFts();
    const rows = this.sql(
      `SELECT a.id, a.story_id, a.title, a.source, snippet(articles_fts, 1, '[', ']', '…', 12) AS snip
         FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
         WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    ).all(match, limit) as Row[];
    return rows.map((r) => ({
      articleId: r.id as string,
      storyId: this.resolveStory(r.story_id as string),
      title: r.title as string,
      source: r.source as string,
      snippet: r.snip as string,
    }));
  }

  async similarArticles(bands: string[], limit = 10): Promise<SimilarArticle[]> {
    if (bands.length === 0) return [];
    // Band hits are counted here, not in SQL: a GROUP BY over the join cost 4x the lookups,
    // and most new articles share no band at all.
    const shared = new Map<string, number>();
    for (const id of this.sql(
      `SELECT article_id FROM minhash_bands WHERE band IN (${bands.map(() => '?').join(',')})`,
    )
      .pluck()
      .all(...bands) as string[])
      shared.set(id, (shared.get(id) ?? 0) + 1);
    if (shared.size === 0) return [];
    const ranked = (
      this.sql('SELECT id, seq FROM articles WHERE id IN (SELECT value FROM json_each(?))')
        .raw()
        .all(JSON.stringify([...shared.keys()])) as Array<[string, number]>
    )
      .sort((x, y) => shared.get(y[0])! - shared.get(x[0])! || x[1] - y[1])
      .slice(0, limit);
    const text = this.sql('SELECT id, source, content_hash, text FROM articles WHERE id = ?');
    return ranked.map(([id]) => similarFromRow(text.get(id) as Row));
  }

  async articleLinks(articleId: string): Promise<ArticleLink[]> {
    const rows = this.sql(
      'SELECT from_id, kind, to_id FROM article_links WHERE from_id = ? OR to_id = ? ORDER BY seq, kind, to_id',
    ).all(articleId, articleId) as Row[];
    return rows.map(linkFromRow);
  }

  async getFeedState(feed: string): Promise<FeedState | null> {
    const r = this.sql('SELECT * FROM feed_state WHERE feed = ?').get(feed) as Row | undefined;
    if (!r) return null;
    return feedStateFromRow(feed, r);
  }

  async putFeedState(state: FeedState): Promise<void> {
    this.sql(
      `INSERT INTO feed_state (feed, etag, last_modified, last_polled_at, failures) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           last_polled_at = excluded.last_polled_at, failures = excluded.failures`,
    ).run(state.feed, state.etag, state.lastModified, state.lastPolledAt, state.failures);
  }

  async seenFeedItems(feed: string, itemIds: string[]): Promise<string[]> {
    const get = this.sql('SELECT 1 FROM feed_seen WHERE feed = ? AND item_id = ?').pluck();
    return itemIds.filter((id) => get.get(feed, id) !== undefined);
  }

  async markFeedItemsSeen(feed: string, itemIds: string[]): Promise<void> {
    const now = new Date().toISOString();
    const put = this.sql(
      'INSERT OR IGNORE INTO feed_seen (feed, item_id, seen_at) VALUES (?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const id of itemIds) put.run(feed, id, now);
    })();
  }

  private sql(query: string): Database.Statement {
    let stmt = this.statements.get(query);
    if (!stmt) {
      stmt = this.db.prepare(query);
      this.statements.set(query, stmt);
    }
    return stmt;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** A full-text row: the article's `seq`, title and text. */
type FtsRow = [number | bigint, string, string];

/** The centroid after one more article: summed weights, cut back to the heaviest terms. */
function addToCentroid(
  centroid: Map<string, number>,
  contribution: Map<string, number>,
): Map<string, number> {
  const sum = new Map(centroid);
  for (const [term, w] of contribution) sum.set(term, (sum.get(term) ?? 0) + w);
  return topTerms(sum);
}

function topTerms(vector: Map<string, number>): Map<string, number> {
  if (vector.size <= CENTROID_TERMS) return vector;
  return new Map(
    [...vector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CENTROID_TERMS),
  );
}

/** User words become quoted FTS5 terms: no query syntax can be injected. */
function ftsQuery(query: string): string {
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}
