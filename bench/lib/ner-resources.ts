/**
 * Builds the tagger's resources from open, unlabelled material: gazetteers from the
 * compromise lexicon (names, places, organisations, demonyms), and capitalisation
 * statistics and distributional word clusters from unlabelled news text (PolNeAR train
 * texts and BASIL articles in ../shared/data; only derived statistics are kept).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { isInitial } from '../../src/3-analyse/entities/features.js';
import type { ModelFile } from '../../src/3-analyse/entities/model.js';
import { tokeniseForNer } from '../../src/3-analyse/entities/tokenise.js';

const LEXICON_CLASSES: Record<string, string> = {
  FirstName: 'FN',
  MaleName: 'FNM',
  FemaleName: 'FNF',
  LastName: 'LN',
  Person: 'PER',
  City: 'LOC',
  Country: 'LOC',
  Region: 'LOC',
  Place: 'LOC',
  Organization: 'ORG',
  SportsTeam: 'ORG',
  Demonym: 'DEM',
  Honorific: 'HON',
  Month: 'TIME',
  WeekDay: 'TIME',
  Currency: 'CUR',
};

function quotedWords(file: string): string[] {
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(/^\s*'([^']+)',/gm)].map((m) => m[1]!);
}

export function buildGazetteer(repoRoot: string): Record<string, string[]> {
  const lexicon = (
    nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }
  ).model().one.lexicon;
  const out: Record<string, Set<string>> = {};
  const add = (cls: string, phrase: string) => (out[cls] ??= new Set()).add(phrase);
  for (const [phrase, tags] of Object.entries(lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const cls = LEXICON_CLASSES[tag];
      if (!cls) continue;
      // Re-tokenise the way the tagger does, so multi-word entries match token runs.
      add(
        cls,
        tokeniseForNer(phrase)
          .map((t) => t.text.toLowerCase())
          .join(' '),
      );
    }
  }
  const model = join(repoRoot, 'node_modules/compromise/src/2-two/preTagger/model');
  for (const w of quotedWords(join(model, 'orgWords.js'))) add('ORGW', w);
  for (const w of quotedWords(join(model, 'placeWords.js'))) add('LOCW', w);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

/** Plain texts of the unlabelled corpora, one string per article. */
export function unlabelledTexts(dataRoot: string): string[] {
  const texts: string[] = [];
  const polnear = join(dataRoot, 'polnear', 'train', 'text');
  if (existsSync(polnear)) {
    for (const f of readdirSync(polnear)) texts.push(readFileSync(join(polnear, f), 'utf8'));
  }
  const basil = join(dataRoot, 'basil', 'articles');
  if (existsSync(basil)) {
    for (const year of readdirSync(basil)) {
      for (const f of readdirSync(join(basil, year))) {
        const a = JSON.parse(readFileSync(join(basil, year, f), 'utf8')) as {
          'body-paragraphs'?: string[][];
        };
        texts.push((a['body-paragraphs'] ?? []).map((p) => p.join(' ')).join('\n'));
      }
    }
  }
  return texts;
}

/** Tokenised lines (rough sentences: lines split at sentence-final stops). */
function tokenisedSentences(texts: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const text of texts) {
    for (const line of text.split(/\n|(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u)) {
      const words = tokeniseForNer(line).map((t) => t.text);
      if (words.length) out.push(words);
    }
  }
  return out;
}

/**
 * How each word is written when not sentence-initial: "U" (≥ 90 % capitalised),
 * "M" (mixed), "L" (≤ 10 %); words seen fewer than 2 times are left out.
 */
export function buildCapitalisation(sentences: readonly string[][]): Record<string, string[]> {
  const counts = new Map<string, [number, number]>();
  for (const words of sentences) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!/^\p{L}/u.test(w) || isInitial(words, i)) continue;
      const key = w.toLowerCase();
      const c = counts.get(key) ?? [0, 0];
      c[/^\p{Lu}/u.test(w) ? 0 : 1]++;
      counts.set(key, c);
    }
  }
  const out: Record<string, string[]> = { U: [], M: [], L: [] };
  for (const [w, [up, low]] of counts) {
    if (up + low < 2) continue;
    const r = up / (up + low);
    out[r >= 0.9 ? 'U' : r <= 0.1 ? 'L' : 'M']!.push(w);
  }
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

/**
 * Distributional clusters: each frequent word is described by counts of its left and
 * right neighbours among the most frequent words; spherical k-means groups the vectors.
 */
export function buildClusters(
  sentences: readonly string[][],
  { vocabulary = 12000, contexts = 400, k = 250, iterations = 12 } = {},
): Record<string, string[]> {
  const freq = new Map<string, number>();
  const norm = (w: string) => (/\d/.test(w) ? w.replace(/\d/g, '0') : w.toLowerCase());
  for (const s of sentences) for (const w of s) freq.set(norm(w), (freq.get(norm(w)) ?? 0) + 1);
  const ranked = [...freq.entries()].filter(([, c]) => c >= 3).sort((a, b) => b[1] - a[1]);
  const ctxIndex = new Map(ranked.slice(0, contexts).map(([w], i) => [w, i]));
  const vocab = ranked.slice(0, vocabulary).map(([w]) => w);
  const vIndex = new Map(vocab.map((w, i) => [w, i]));
  const dim = contexts * 2 + 2;
  const vectors = vocab.map(() => new Map<number, number>());
  for (const s of sentences) {
    const n = s.map(norm);
    for (let i = 0; i < n.length; i++) {
      const vi = vIndex.get(n[i]!);
      if (vi === undefined) continue;
      const left = i > 0 ? (ctxIndex.get(n[i - 1]!) ?? contexts) : contexts;
      const right = i + 1 < n.length ? (ctxIndex.get(n[i + 1]!) ?? contexts) : contexts;
      const v = vectors[vi]!;
      v.set(left, (v.get(left) ?? 0) + 1);
      v.set(contexts + 1 + right, (v.get(contexts + 1 + right) ?? 0) + 1);
    }
  }
  // Square-root damped, unit-length sparse vectors.
  const sparse = vectors.map((v) => {
    const idx = [...v.keys()];
    const val = idx.map((i) => Math.sqrt(v.get(i)!));
    const len = Math.hypot(...val) || 1;
    return { idx, val: val.map((x) => x / len) };
  });
  const centroids: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    const cen = new Float64Array(dim);
    const s = sparse[Math.floor((c * sparse.length) / k)]!;
    s.idx.forEach((d, j) => (cen[d] = s.val[j]!));
    centroids.push(cen);
  }
  const assign = new Int32Array(sparse.length);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < sparse.length; i++) {
      const s = sparse[i]!;
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        const cen = centroids[c]!;
        let sim = 0;
        for (let j = 0; j < s.idx.length; j++) sim += cen[s.idx[j]!]! * s.val[j]!;
        if (sim > bestSim) {
          bestSim = sim;
          best = c;
        }
      }
      assign[i] = best;
    }
    for (const cen of centroids) cen.fill(0);
    for (let i = 0; i < sparse.length; i++) {
      const s = sparse[i]!;
      const cen = centroids[assign[i]!]!;
      s.idx.forEach((d, j) => (cen[d]! += s.val[j]!));
    }
    for (const cen of centroids) {
      let len = 0;
      for (const x of cen) len += x * x;
      len = Math.sqrt(len) || 1;
      for (let d = 0; d < dim; d++) cen[d]! /= len;
    }
  }
  const out: Record<string, string[]> = {};
  vocab.forEach((w, i) => (out[`c${assign[i]}`] ??= []).push(w));
  return out;
}

/** Words written after an honorific in unlabelled text ("Mr. Lavrov", "President Trump"): family names. */
export function honorificNames(sentences: readonly string[][], minCount = 2): string[] {
  const honorific =
    /^(?:mr|mrs|ms|dr|sen|rep|gov|president|senator|governor|minister|secretary|chancellor|judge|mayor)\.?$/i;
  const counts = new Map<string, number>();
  for (const words of sentences) {
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (!/^\p{Lu}\p{Ll}+$/u.test(w) || !honorific.test(words[i - 1]!)) continue;
      // "President Donald Trump": skip a given name to reach the family name.
      const next = words[i + 1];
      const family = next && /^\p{Lu}\p{Ll}+$/u.test(next) ? next : w;
      counts.set(family.toLowerCase(), (counts.get(family.toLowerCase()) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .filter(([, c]) => c >= minCount)
    .map(([w]) => w)
    .sort();
}

/** All resources at once (the gazetteer, capitalisation and clusters of a model file). */
export function buildResources(
  repoRoot: string,
  dataRoot: string,
): Pick<ModelFile, 'gazetteer' | 'capitalisation' | 'clusters'> {
  const sentences = tokenisedSentences(unlabelledTexts(dataRoot));
  const gazetteer = buildGazetteer(repoRoot);
  gazetteer.LNX = honorificNames(sentences);
  return {
    gazetteer,
    capitalisation: buildCapitalisation(sentences),
    clusters: buildClusters(sentences),
  };
}
