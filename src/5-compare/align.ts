import type { Unit } from './units.js';

export interface UnitPair {
  a: number;
  b: number;
  score: number;
  /** Share of the smaller unit's weight found in the other. */
  containment: number;
}

export const ALIGN_DEFAULTS = {
  /** Pair score needed to put two units in one statement group. */
  threshold: 0.34,
  /** At least this many shared content keys (one shared name is not a statement). */
  minShared: 3,
};

/**
 * Scores unit pairs across articles by the weight of the content they share,
 * where a key's weight is its rarity within the story: shared names, places and
 * rare words count for more than "said" or "year". Only pairs sharing a key are
 * scored (an inverted index), so cost follows overlap, not the square of units.
 */
export function scorePairs(units: Unit[], options = ALIGN_DEFAULTS): UnitPair[] {
  const postings = new Map<string, number[]>();
  for (const u of units) for (const k of u.keys) (postings.get(k) ?? postings.set(k, []).get(k)!).push(u.index);
  const weight = new Map<string, number>();
  for (const [k, list] of postings) weight.set(k, Math.log(1 + units.length / list.length));
  const total = units.map((u) => u.keys.reduce((s, k) => s + weight.get(k)!, 0));
  const shared = new Map<number, { w: number; n: number }>();
  const pairs: UnitPair[] = [];
  for (const u of units) {
    shared.clear();
    for (const k of u.keys) {
      const w = weight.get(k)!;
      for (const v of postings.get(k)!) {
        if (v <= u.index || units[v]!.article === u.article) continue;
        const acc = shared.get(v) ?? { w: 0, n: 0 };
        acc.w += w;
        acc.n++;
        shared.set(v, acc);
      }
    }
    for (const [v, acc] of shared) {
      if (acc.n < options.minShared) continue;
      const ta = total[u.index]!;
      const tb = total[v]!;
      const dice = (2 * acc.w) / (ta + tb);
      const containment = acc.w / Math.min(ta, tb);
      // Dice rewards equal statements; containment lets a short rendering match a long one.
      const score = 0.5 * dice + 0.5 * containment * Math.min(1, Math.min(ta, tb) / 6);
      if (score >= options.threshold) pairs.push({ a: u.index, b: v, score, containment });
    }
  }
  return pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}
/**
 * Groups units into statements. A pair links two units when one is the other's
 * best match in that article; linked units form a group (union-find).
 */
export function groupUnits(units: Unit[], pairs: UnitPair[]): number[][] {
  const best = new Map<string, UnitPair>(); // `${unit}:${otherArticle}` -> best pair
  const consider = (u: number, other: number, p: UnitPair) => {
    const key = `${u}:${units[other]!.article}`;
    const cur = best.get(key);
    if (!cur || p.score > cur.score) best.set(key, p);
  };
  for (const p of pairs) {
    consider(p.a, p.b, p);
    consider(p.b, p.a, p);
  }
  const parent = units.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const p of new Set(best.values())) parent[find(p.a)] = find(p.b);
  const groups = new Map<number, number[]>();
  for (const u of units) {
    const r = find(u.index);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(u.index);
  }
  return [...groups.values()].filter((g) => new Set(g.map((i) => units[i]!.article)).size > 1);
}
