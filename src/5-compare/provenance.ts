import type { StoredArticle } from '../types.js';
import type { ProvenanceKind, ProvenanceRelation, StatementGroup } from './comparison.js';
import type { TranslationSignals } from './translation-signals.js';
import type { Unit } from './units.js';

const VERBATIM = new Set(['identical', 'near-identical']);

/**
 * For each pair of articles, whether one looks derived from the other, from
 * how much of each the other carries, how close the shared statements are,
 * whether they come in the same order, and translation artifacts.
 */
export function provenance(
  articles: StoredArticle[],
  units: Unit[],
  groups: StatementGroup[],
  signals: TranslationSignals[],
): ProvenanceRelation[] {
  const unitCount = articles.map(() => 0);
  for (const u of units) unitCount[u.article]!++;
  const index = groups.map(groupIndex);
  const out: ProvenanceRelation[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      out.push(pairProvenance(i, j, articles, unitCount, index, signals));
    }
  }
  return out;
}

/** Per group: each article's member starts, and which article pairs are (nearly) verbatim. */
interface GroupIndex {
  starts: Map<string, number[]>;
  verbatim: Set<string>;
}

function groupIndex(g: StatementGroup): GroupIndex {
  const starts = new Map<string, number[]>();
  for (const m of g.members)
    (starts.get(m.articleId) ?? starts.set(m.articleId, []).get(m.articleId)!).push(m.start);
  const verbatim = new Set<string>();
  for (const p of g.pairs) {
    if (!VERBATIM.has(p.relation)) continue;
    const x = g.members[p.a]!.articleId;
    const y = g.members[p.b]!.articleId;
    verbatim.add(`${x}|${y}`).add(`${y}|${x}`);
  }
  return { starts, verbatim };
}

function pairProvenance(
  i: number,
  j: number,
  articles: StoredArticle[],
  unitCount: number[],
  groups: GroupIndex[],
  signals: TranslationSignals[],
): ProvenanceRelation {
  const a = articles[i]!;
  const b = articles[j]!;
  const shared: Array<{ posA: number; posB: number; verbatim: boolean }> = [];
  const inA = new Set<number>();
  const inB = new Set<number>();
  for (const g of groups) {
    const ma = g.starts.get(a.id);
    const mb = g.starts.get(b.id);
    if (!ma || !mb) continue;
    for (const m of ma) inA.add(m);
    for (const m of mb) inB.add(m);
    shared.push({ posA: ma[0]!, posB: mb[0]!, verbatim: g.verbatim.has(`${a.id}|${b.id}`) });
  }
  const shareA = ratio(inA.size, unitCount[i]!);
  const shareB = ratio(inB.size, unitCount[j]!);
  const verbatimShare = ratio(shared.filter((s) => s.verbatim).length, shared.length);
  const order = orderAgreement(shared);
  const evidence = [
    `${Math.round(shareA * 100)}% of ${a.meta.source}'s statements are in ${b.meta.source}; ${Math.round(shareB * 100)}% of ${b.meta.source}'s are in ${a.meta.source}`,
  ];
  if (shared.length > 0)
    evidence.push(
      `${Math.round(verbatimShare * 100)}% of the ${shared.length} shared statements are worded (nearly) the same`,
    );
  if (shared.length >= 3)
    evidence.push(`shared statements in the same order: ${Math.round(order * 100)}%`);
  const later = laterOf(a, b);
  if (later) evidence.push(`${later === a.id ? a.meta.source : b.meta.source} was published later`);
  for (const [k, art] of [
    [i, a],
    [j, b],
  ] as const) {
    const s = signals[k]!;
    if (s.probableMachineTranslation)
      evidence.push(
        `${art.meta.source} reads as a machine translation (${s.evidence.map((e) => e.rule).join(', ')})`,
      );
  }

  let kind: ProvenanceKind = 'independent';
  let derived: string | null = null;
  let confidence: number;
  const both = Math.min(shareA, shareB);
  const oneWay = Math.max(shareA, shareB);
  if (both >= 0.7 && verbatimShare >= 0.8) {
    kind = 'same-text';
    derived = later;
    confidence = 0.6 + 0.4 * Math.min(1, verbatimShare * both);
  } else if (oneWay >= 0.6 && both < 0.45 && order >= 0.6) {
    // The shorter article is mostly inside the longer one: a summary of it.
    kind = 'summary';
    derived = shareA > shareB ? a.id : b.id;
    confidence = 0.4 + 0.4 * oneWay * order;
  } else if (both >= 0.5 && order >= 0.7) {
    const mt = [signals[i]!, signals[j]!].map((s) => s.probableMachineTranslation);
    const langs = a.language.code !== b.language.code;
    if (langs || mt[0] !== mt[1]) {
      kind = 'translation';
      derived = langs ? later : mt[0] ? a.id : b.id;
    } else {
      kind = 'rewrite';
      derived = later;
    }
    confidence = 0.3 + 0.5 * both * order;
  } else {
    // Little shared, or shared in a different order: independent reports of
    // one event (two renderings of one interview look like this).
    confidence = Math.max(0.3, 1 - oneWay);
    if (shared.length > 0 && verbatimShare < 0.5)
      evidence.push(
        'shared statements are worded differently: independent renderings of a common source',
      );
  }
  return {
    a: a.id,
    b: b.id,
    kind,
    derived,
    confidence: Math.round(confidence * 100) / 100,
    shared: { a: round(shareA), b: round(shareB) },
    evidence,
  };
}

/** Share of shared-statement pairs that appear in the same relative order in both articles. */
function orderAgreement(shared: Array<{ posA: number; posB: number }>): number {
  let agree = 0;
  let total = 0;
  for (let x = 0; x < shared.length; x++) {
    for (let y = x + 1; y < shared.length; y++) {
      total++;
      const da = shared[x]!.posA - shared[y]!.posA;
      const db = shared[x]!.posB - shared[y]!.posB;
      if (da * db > 0) agree++;
    }
  }
  return total === 0 ? 0 : agree / total;
}

function laterOf(a: StoredArticle, b: StoredArticle): string | null {
  const da = a.meta.published.value;
  const db = b.meta.published.value;
  if (!da || !db || da === db) return null;
  return da > db ? a.id : b.id;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 0 : n / d;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
