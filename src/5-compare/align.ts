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
  /** Average pair score two groups need to merge into one statement. */
  linkage: 0.2,
};

/**
 * Scores unit pairs across articles by the weight of the content they share,
 * where a key's weight is its rarity within the story: shared names, places and
 * rare words count for more than "said" or "year". Only pairs sharing a key are
 * scored (an inverted index), so cost follows overlap, not the square of units.
 */
export function scorePairs(units: Unit[], options = ALIGN_DEFAULTS): UnitPair[] {
  const postings = new Map<string, number[]>();
  for (const u of units)
    for (const k of u.keys) (postings.get(k) ?? postings.set(k, []).get(k)!).push(u.index);
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
      // Short statements ("No injuries were reported.") match only when their content is the same.
      const sameContent = acc.n === u.keys.length && acc.n === units[v]!.keys.length;
      if (acc.n < options.minShared && !(sameContent && acc.n >= 2)) continue;
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
 * Groups units into statements. Candidate links are each unit's best match in
 * every other article, taken strongest first; two groups merge only when their
 * members, across articles, still match on average (average linkage), so a
 * chain of pairwise matches cannot glue unrelated statements together.
 */
export function groupUnits(units: Unit[], pairs: UnitPair[], options = ALIGN_DEFAULTS): number[][] {
  const articles = units.reduce((n, u) => Math.max(n, u.article + 1), 0);
  const best = new Map<number, UnitPair>(); // unit × other article -> best pair
  const consider = (u: number, other: number, p: UnitPair) => {
    const key = u * articles + units[other]!.article;
    const cur = best.get(key);
    if (!cur || p.score > cur.score) best.set(key, p);
  };
  for (const p of pairs) {
    consider(p.a, p.b, p);
    consider(p.b, p.a, p);
  }
  // Summed pair scores between current groups, kept up to date as groups merge: the
  // average-linkage check is then one lookup instead of a scan over both groups' members.
  const between = new Map<number, Map<number, number>>();
  const edge = (x: number) => between.get(x) ?? between.set(x, new Map()).get(x)!;
  for (const p of pairs) {
    edge(p.a).set(p.b, (edge(p.a).get(p.b) ?? 0) + p.score);
    edge(p.b).set(p.a, (edge(p.b).get(p.a) ?? 0) + p.score);
  }
  const members = new Map<number, number[]>(units.map((u) => [u.index, [u.index]]));
  const perArticle = new Map<number, Map<number, number>>(
    units.map((u) => [u.index, new Map([[u.article, 1]])]),
  );
  const root = units.map((u) => u.index);
  const links = [...new Set(best.values())].sort(
    (x, y) => y.score - x.score || x.a - y.a || x.b - y.b,
  );
  for (const link of links) {
    let ra = root[link.a]!;
    let rb = root[link.b]!;
    if (ra === rb) continue;
    if (members.get(ra)!.length < members.get(rb)!.length) [ra, rb] = [rb, ra];
    const ga = members.get(ra)!;
    const gb = members.get(rb)!;
    const sum = between.get(ra)?.get(rb) ?? 0;
    // Cross-article member pairs: all pairs minus those within one article.
    const artA = perArticle.get(ra)!;
    const artB = perArticle.get(rb)!;
    let n = ga.length * gb.length;
    for (const [art, count] of artB) n -= count * (artA.get(art) ?? 0);
    if (n > 0 && sum / n < options.linkage) continue;
    for (const y of gb) root[y] = ra;
    ga.push(...gb);
    for (const [art, count] of artB) artA.set(art, (artA.get(art) ?? 0) + count);
    members.delete(rb);
    perArticle.delete(rb);
    for (const [c, w] of between.get(rb) ?? []) {
      between.get(c)!.delete(rb);
      if (c === ra) continue;
      edge(ra).set(c, (edge(ra).get(c) ?? 0) + w);
      edge(c).set(ra, (edge(c).get(ra) ?? 0) + w);
    }
    between.delete(rb);
  }
  return [...members.values()].filter((g) => new Set(g.map((i) => units[i]!.article)).size > 1);
}
