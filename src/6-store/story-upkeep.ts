/**
 * What both stores share when a story changes shape (a merge, an outlier leaving): the
 * stored form of an article's cluster vector, a story's title from its members, and an id
 * for a story opened by an article that left another.
 */
import { findOutliers } from '../4-cluster/upkeep.js';
import { TITLE_RANK } from './assignment-limits.js';
import { storyIdFor } from './store.js';

type Row = Record<string, unknown>;

/** An article's centroid contribution as stored (`[[term, weight], ...]`). */
export function vectorJson(vector: Map<string, number>): string {
  return JSON.stringify([...vector]);
}

export function vectorFromJson(json: unknown): Map<string, number> {
  return typeof json === 'string' && json ? new Map(JSON.parse(json)) : new Map();
}

export function keyTermsFromJson(json: unknown): string[] {
  return typeof json === 'string' && json ? (JSON.parse(json) as string[]) : [];
}

/** A member that no longer fits its story, with what assigning it again needs. */
export interface Outlier {
  id: string;
  contentHash: string;
  published: string | null;
  vector: Map<string, number>;
  keys: string[];
}

/**
 * Parsed member vectors by article id. A stored vector never changes, and the outlier check
 * reads the same members each time a story grows: parsing them again was 4% of ingest.
 */
export class VectorCache {
  private readonly vectors = new Map<string, Map<string, number>>();
  constructor(private readonly limit = 5_000) {}

  has(id: string): boolean {
    return this.vectors.has(id);
  }

  /** An article's vector as it is being stored: the outlier check then never parses it. */
  set(id: string, vector: Map<string, number>): void {
    if (this.vectors.has(id)) return;
    if (this.vectors.size >= this.limit) this.vectors.delete(this.vectors.keys().next().value!);
    this.vectors.set(id, vector);
  }

  /** Drops an article whose write was rolled back (its vector, made from that moment's frequencies, is gone). */
  forget(id: string): void {
    this.vectors.delete(id);
  }

  get(id: string, json: unknown): Map<string, number> {
    let v = this.vectors.get(id);
    if (!v) this.set(id, (v = vectorFromJson(json)));
    return v;
  }
}

/**
 * The members that should leave a story. `rows` hold at least `id` and, unless the cache has
 * it, `cluster_vector`; `details` gives an outlier's content_hash, published and key_terms
 * (by default from its row: a store may read only ids and fetch the rest for the rare leaver).
 */
export function outliersOf(
  rows: Row[],
  centroid: Map<string, number>,
  size: number,
  cache: VectorCache,
  details: (id: string) => Row = (id) => rows.find((r) => r.id === id)!,
): Outlier[] {
  const members = rows.map((r) => ({
    id: r.id as string,
    vector: cache.get(r.id as string, r.cluster_vector),
  }));
  return findOutliers(members, centroid, size).map((id) => {
    const row = details(id);
    return {
      id,
      contentHash: row.content_hash as string,
      published: (row.published as string | null) ?? null,
      vector: members.find((m) => m.id === id)!.vector,
      keys: keyTermsFromJson(row.key_terms),
    };
  });
}

/** What a story row says about its members, recomputed from them (rows in arrival order). */
export interface StoryShape {
  title: string;
  titleRank: number;
  firstDate: string | null;
  lastDate: string | null;
  count: number;
}

/**
 * As assignment builds it article by article: the first article's title, replaced only by a
 * strictly better-ranked one; dates are the earliest and latest publication dates.
 */
export function storyShape(members: Row[]): StoryShape | null {
  if (members.length === 0) return null;
  let title = '';
  let titleRank = -1;
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const m of members) {
    const meta = JSON.parse(m.meta_json as string) as { titleSource: keyof typeof TITLE_RANK };
    const rank = TITLE_RANK[meta.titleSource] ?? 0;
    if (rank > titleRank) {
      title = m.title as string;
      titleRank = rank;
    }
    const p = (m.published as string | null) ?? null;
    if (p !== null) {
      if (firstDate === null || p < firstDate) firstDate = p;
      if (lastDate === null || p > lastDate) lastDate = p;
    }
  }
  return { title, titleRank, firstDate, lastDate, count: members.length };
}

/**
 * Ids for a story opened by an article that left another, in order of preference: derived
 * from the article's hash as usual, then with a suffix, since that id may be taken (the
 * article may have opened a story before, which still exists or now redirects). The store
 * takes the first one not in use.
 */
export function storyIdChoices(contentHash: string, count = 16): string[] {
  const base = storyIdFor(contentHash);
  return [base, ...Array.from({ length: count - 1 }, (_, i) => `${base}_${i + 2}`)];
}
