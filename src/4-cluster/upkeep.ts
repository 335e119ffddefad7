/**
 * Story upkeep after an assignment: bridge merges and outliers leaving (issue 5).
 * Pure functions; the stores call them inside their assignment transaction.
 *
 * Why these criteria (docs/stories.md has the longer version):
 *
 * - Merge. One article scoring above the join threshold against two stories is weak
 *   evidence on its own: a round-up or a same-beat piece ("another storm, a week after the
 *   last") matches both. So a bridge merges two stories only when the stories themselves
 *   agree: the cosine between their centroids (summed member vectors, so shared names and
 *   rare terms of every member count) is at least `mergeSimilarity`. Centroid similarity of
 *   two separate events on one beat is low because their distinctive terms (places, people,
 *   figures) differ; what they share is beat vocabulary, which IDF already weighs down.
 * - Outlier. A member whose cosine to the rest of its story (the centroid minus its own
 *   contribution) is below `outlierBelow`, well under the join threshold, no longer
 *   belongs: it joined an earlier, smaller version of the story, or a merge brought it in.
 *   It leaves and is assigned again as if it had just arrived (never back to its story).
 *   Only the story that changed is checked, only its `checkLimit` most recent members, and
 *   at most `maxLeaving` leave per change, so the work per article is bounded.
 */
import { cosine } from './weights.js';

export const UPKEEP_DEFAULTS = {
  /** Centroid cosine two bridged stories need to merge. */
  mergeSimilarity: 0.35,
  /** A member whose cosine to the rest of its story is below this leaves it. */
  outlierBelow: 0.1,
  /** Stories smaller than this are not checked for outliers (two articles have no "rest"). */
  minSize: 3,
  /** How many of the changed story's members are checked, newest first. */
  checkLimit: 50,
  /** How many members may leave per change. */
  maxLeaving: 2,
};

export type UpkeepOptions = typeof UPKEEP_DEFAULTS;

/** A member of a story, with its frozen centroid contribution. */
export interface Member {
  id: string;
  vector: Map<string, number>;
}

/** Sum of vectors (a story's centroid after a merge or a join). */
export function addVectors(...vectors: Array<Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) out.set(t, (out.get(t) ?? 0) + w);
  return out;
}

/** `a - b`, dropping terms that reach (about) zero. */
export function subtractVector(
  a: Map<string, number>,
  b: Map<string, number>,
): Map<string, number> {
  const out = new Map(a);
  for (const [t, w] of b) {
    const left = (out.get(t) ?? 0) - w;
    if (left > 1e-9) out.set(t, left);
    else out.delete(t);
  }
  return out;
}

/**
 * Of the stories a new article matched above the threshold besides its best one, those
 * similar enough to the best to merge with it (see the module comment).
 */
export function bridgeMerges(
  best: { id: string; centroid: Map<string, number> },
  others: Array<{ id: string; centroid: Map<string, number> }>,
  options: Pick<UpkeepOptions, 'mergeSimilarity'> = UPKEEP_DEFAULTS,
): string[] {
  return others
    .filter((o) => o.id !== best.id && cosine(best.centroid, o.centroid) >= options.mergeSimilarity)
    .map((o) => o.id);
}

/**
 * Members of a story (newest first, as many as `checkLimit`) that no longer fit it,
 * least similar first, at most `maxLeaving`. `centroid` is the story's whole centroid.
 */
export function findOutliers(
  members: Member[],
  centroid: Map<string, number>,
  storySize: number,
  options: UpkeepOptions = UPKEEP_DEFAULTS,
): string[] {
  if (storySize < options.minSize) return [];
  const scored: Array<{ id: string; score: number }> = [];
  let centroidSq = 0;
  for (const w of centroid.values()) centroidSq += w * w;
  for (const m of members.slice(0, options.checkLimit)) {
    if (m.vector.size === 0) continue; // stored before vectors were kept: cannot judge
    const score = cosineToRest(m.vector, centroid, centroidSq);
    if (score < options.outlierBelow) scored.push({ id: m.id, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1))
    .slice(0, options.maxLeaving)
    .map((s) => s.id);
}

/**
 * `cosine(v, subtractVector(centroid, v))` without building the difference: only the terms
 * of `v` change, so the work is O(|v|) per member, not O(|centroid|).
 */
export function cosineToRest(
  v: Map<string, number>,
  centroid: Map<string, number>,
  centroidSq: number,
): number {
  let dot = 0;
  let restSq = centroidSq;
  let vSq = 0;
  for (const [t, w] of v) {
    vSq += w * w;
    const c = centroid.get(t) ?? 0;
    const r = c - w > 1e-9 ? c - w : 0;
    dot += w * r;
    restSq += r * r - c * c;
  }
  if (dot <= 0 || restSq <= 0) return 0;
  return dot / Math.sqrt(vSq * restSq);
}

/**
 * The story that survives a merge: the one with most articles, then the older (earlier
 * first date), then the smaller id, so every store and every worker picks the same one.
 */
export function mergeSurvivor<T extends { id: string; size: number; firstDate: string | null }>(
  group: T[],
): T {
  return [...group].sort(
    (a, b) =>
      b.size - a.size || cmp(a.firstDate ?? '\uffff', b.firstDate ?? '\uffff') || cmp(a.id, b.id),
  )[0]!;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
