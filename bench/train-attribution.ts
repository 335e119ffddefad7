/**
 * Trains the cue model (src/3-analyse/quotes/cue-model.ts) on PolNeAR train and writes
 * models/cue-en.json. Never reads the dev split: bench/attribution.ts scores dev.
 *
 *   npm run train:attribution
 *
 * Labels: a candidate token is a cue when it lies inside a gold Cue span of the article's
 * annotation file (each annotator's file is one training document). Candidates: the rule
 * lexicon's words plus words mined from train that are often inside a gold cue.
 *
 * The learner (CUE_LEARNER): `logistic` (default, shipped) is an L2-regularised logistic
 * regression (lib/logistic.ts, AdaGrad) with CUE_L2, CUE_RATE, CUE_LR_EPOCHS and CUE_RESCALE
 * (log-odds × this, so that margins land on the perceptron's scale the rules' thresholds were
 * set on); `perceptron` the averaged perceptron shipped before (CUE_EPOCHS); `mix` both
 * margins averaged. CUE_MIN_COUNT drops features seen in fewer candidates (default 3 for the
 * logistic model, 1 otherwise); CUE_EVAL=1 with CUE_HOLD_OUT prints token-level cue P/R/F1 of
 * the written model on the held-out articles.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  trainPerceptron,
  type PerceptronWeights,
  type TrainingSentence,
} from '../src/3-analyse/entities/perceptron.js';
import { clauseTokens, type ClauseToken } from '../src/3-analyse/quotes/clause-tokens.js';
import {
  CUE_TAGS,
  DEFAULT_CUE_MODEL_PATH,
  cueFeatures,
  cueMargin,
  cueModelFromFile,
  cueModelToFile,
  isCandidate,
  type CueModel,
} from '../src/3-analyse/quotes/cue-model.js';
import { CUE_PREFIX, CUE_WORDS } from '../src/3-analyse/quotes/cue-lexicon.js';
import { quoteUnits } from '../src/3-analyse/quotes/extract-quotes.js';
import { splitSentences } from '../src/3-analyse/sentences.js';
import type { Span } from '../src/types.js';
import { trainLogistic } from './lib/logistic.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TRAIN = resolve(REPO_ROOT, '..', 'shared', 'data', 'polnear', 'train');

/** A mined word must be inside a gold cue this often, and this share of its occurrences. */
const MIN_CUE_COUNT = 3;
const MIN_CUE_SHARE = 0.08;
/** Function words are never candidates on their own ("to", "of", "has"). */
const STOP = new Set(
  "to of a an the on about for in is was are were has have had be been not also with as at by from out up and or but it that this his her their 's n't will would could did do does more over against".split(
    ' ',
  ),
);
const EPOCHS = Number(process.env.CUE_EPOCHS ?? 8);
/** `k/n` leaves out the articles whose index is k modulo n (bench/train-frames.ts, cross-fitting). */
const [HELD_OUT, FOLDS] = (process.env.CUE_HOLD_OUT ?? '0/0').split('/').map(Number) as [
  number,
  number,
];
const OUT = process.env.CUE_OUT ?? DEFAULT_CUE_MODEL_PATH;
/** Shuffle seeds; the weights of the runs are averaged. */
const SEEDS = (process.env.CUE_SEEDS ?? '7').split(',').map(Number);
/** Features whose weights all stay below this are dropped from the file. */
const PRUNE = Number(process.env.CUE_PRUNE ?? 0.5);
const env = (k: string, d: number) => (process.env[k] === undefined ? d : Number(process.env[k]));
const LEARNER = process.env.CUE_LEARNER ?? 'logistic';
/** Rarer features are noise to the logistic model (and a third of the file at count 1). */
const MIN_COUNT = env('CUE_MIN_COUNT', LEARNER === 'logistic' ? 3 : 1);
const LR = {
  epochs: env('CUE_LR_EPOCHS', 6),
  seed: SEEDS[0]!,
  l2: env('CUE_L2', 1e-4),
  rate: env('CUE_RATE', 0.05),
  minCount: MIN_COUNT,
};
/** Log-odds × RESCALE: the perceptron's margins run about 10× a logistic model's log-odds. */
const RESCALE = env('CUE_RESCALE', 10);
/** CUE_LEARNER=mix: the perceptron's share of the averaged margin (the rest the logistic one's). */
const MIX = env('CUE_MIX', 0.5);

interface Doc {
  units: ClauseToken[][];
  cues: Span[];
}

function cueSpans(ann: string): Span[] {
  const out: Span[] = [];
  for (const line of ann.split('\n')) {
    const m = /^T\d+\tCue ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    for (const part of m[1]!.split(';')) {
      const [a, b] = part.trim().split(/\s+/).map(Number);
      if (Number.isInteger(a) && Number.isInteger(b)) out.push({ start: a!, end: b! });
    }
  }
  return out;
}

const inCue = (t: Span, cues: Span[]) => cues.some((c) => t.start >= c.start && t.end <= c.end);

const t0 = Date.now();
const docs: Doc[] = [];
/** The held-out articles' files (CUE_EVAL only). */
const heldOut: Doc[] = [];
const annFiles = readdirSync(join(TRAIN, 'attributions')).filter((f) => f.endsWith('.ann'));
for (const [n, file] of readdirSync(join(TRAIN, 'text'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .entries()) {
  const held = FOLDS > 0 && n % FOLDS === HELD_OUT;
  if (held && !process.env.CUE_EVAL) continue;
  const base = file.replace(/\.txt$/, '');
  const anns = annFiles.filter(
    (a) => a.startsWith(`${base}_`) && /^_[0-9a-f]{4}\.ann$/.test(a.slice(base.length)),
  );
  if (anns.length === 0) continue;
  const text = readFileSync(join(TRAIN, 'text', file), 'utf8');
  const units = quoteUnits(text, splitSentences(text, [], 'en')).map(({ unit, quotes }) =>
    clauseTokens(
      text,
      unit.start,
      unit.end,
      quotes.map((q) => q.inner),
    ),
  );
  for (const a of anns)
    (held ? heldOut : docs).push({
      units,
      cues: cueSpans(readFileSync(join(TRAIN, 'attributions', a), 'utf8')),
    });
}

// Mine the candidate vocabulary.
const seen = new Map<string, number>();
const asCue = new Map<string, number>();
for (const d of docs) {
  for (const u of d.units) {
    for (const t of u) {
      if (!t.isWord || t.quoted || STOP.has(t.lower)) continue;
      seen.set(t.lower, (seen.get(t.lower) ?? 0) + 1);
      if (inCue(t, d.cues)) asCue.set(t.lower, (asCue.get(t.lower) ?? 0) + 1);
    }
  }
}
const vocab = new Set<string>();
const NEVER_HEAD =
  /ly$|^(?:aren|isn|wasn|weren|didn|don|doesn|won|couldn|wouldn|shouldn|hasn|haven|hadn|off|out|up|down|away|into|onto|upon|toward|towards|via|then|forth|aside)$/;
for (const [w, n] of asCue) {
  // Adverbs, auxiliaries and clitic halves join a cue through the rules; they never head one.
  if (w.length < 3 || NEVER_HEAD.test(w) || CUE_PREFIX.has(w)) continue;
  if (n >= MIN_CUE_COUNT && n / seen.get(w)! >= MIN_CUE_SHARE) vocab.add(w);
}

// Inflections of a mined or lexicon word seen in train join it ("understated" → "understates"):
// the model, not the mining thresholds, decides on them.
const stemOf = (w: string) => w.replace(/(?:ing|ed|es|s|e)$/, '');
const stems = new Set([...vocab, ...CUE_WORDS.keys()].map(stemOf));
for (const w of seen.keys()) {
  if (w.length < 4 || NEVER_HEAD.test(w) || CUE_PREFIX.has(w) || vocab.has(w)) continue;
  if (stems.has(stemOf(w)) && !CUE_WORDS.has(w)) vocab.add(w);
}

const model: CueModel = { weights: new Map(), tags: CUE_TAGS, vocab, wordScores: new Map() };
// Each candidate is its own one-token sequence: the run-time scores candidates independently.
const sentences: TrainingSentence[] = [];
let positives = 0;
for (const d of docs) {
  for (const u of d.units) {
    for (let i = 0; i < u.length; i++) {
      if (!isCandidate(model, u[i]!)) continue;
      const cue = inCue(u[i]!, d.cues);
      if (cue) positives++;
      sentences.push({
        feats: [cueFeatures(u, i)],
        lower: [u[i]!.lower],
        gold: [cue ? 'CUE' : 'O'],
      });
    }
  }
}
const candidates = sentences.reduce((n, s) => n + s.feats.length, 0);
console.log(
  `${docs.length} annotation files, ${vocab.size} mined words, ${candidates} candidates (${positives} cues) (${Date.now() - t0} ms)`,
);
const trained =
  LEARNER === 'logistic'
    ? logistic(sentences)
    : LEARNER === 'mix'
      ? mixed(perceptron(sentences), logistic(sentences))
      : perceptron(prune(sentences));
const file = cueModelToFile(
  { ...trained, vocab },
  LEARNER === 'logistic'
    ? `PolNeAR train (${docs.length} annotation files), logistic regression, ${LR.epochs} epochs, L2 ${LR.l2}, min count ${MIN_COUNT}, log-odds × ${RESCALE}`
    : `PolNeAR train (${docs.length} annotation files), ${EPOCHS} epochs`,
  PRUNE,
);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(file));
console.log(
  `wrote ${OUT}: ${Object.keys(file.weights).length} features, ${vocab.size} mined words (${Date.now() - t0} ms)`,
);
if (process.env.CUE_EVAL) evaluate();

/** Features seen in fewer than MIN_COUNT candidates left out (noise the model would fit). */
function prune(all: TrainingSentence[]): TrainingSentence[] {
  if (MIN_COUNT <= 1) return all;
  const counts = new Map<string, number>();
  for (const s of all) for (const f of s.feats[0]!) counts.set(f, (counts.get(f) ?? 0) + 1);
  return all.map((s) => ({
    ...s,
    feats: [s.feats[0]!.filter((f) => counts.get(f)! >= MIN_COUNT)],
  }));
}

function perceptron(all: TrainingSentence[]): PerceptronWeights {
  // Several shuffles averaged (bagging of the shuffle order) lower the variance of one run.
  const runs = SEEDS.map((seed) => trainPerceptron(all, EPOCHS, seed, false, CUE_TAGS));
  const first = runs[0]!;
  if (runs.length === 1) return first;
  const sum = new Map<string, Float32Array>();
  for (const r of runs)
    for (const [f, w] of r.weights) {
      const acc = sum.get(f) ?? new Float32Array(w.length);
      for (let k = 0; k < w.length; k++) acc[k]! += w[k]! / runs.length;
      sum.set(f, acc);
    }
  return { ...first, weights: sum };
}

/** A logistic regression's log-odds as a CUE − O margin (O weights 0), rescaled. */
function logistic(all: TrainingSentence[]): PerceptronWeights {
  const examples = all.map((s) => ({
    features: s.feats[0]!,
    label: s.gold[0] === 'CUE' ? 1 : 0,
    weight: 1,
  }));
  // CUE_SEEDS: runs over several shuffle orders averaged, as for the perceptron.
  const weights = new Map<string, Float32Array>();
  for (const seed of SEEDS)
    for (const [f, v] of trainLogistic(examples, { ...LR, seed })) {
      const acc = weights.get(f) ?? new Float32Array(2);
      acc[1]! += (v * RESCALE) / SEEDS.length;
      weights.set(f, acc);
    }
  return { weights, tags: CUE_TAGS };
}

/**
 * Both models' margins averaged: two linear models over the same features are one, so the
 * blend needs no second table at run time.
 */
function mixed(p: PerceptronWeights, l: PerceptronWeights): PerceptronWeights {
  const weights = new Map<string, Float32Array>();
  const add = (m: PerceptronWeights, share: number) => {
    for (const [f, w] of m.weights) {
      const acc = weights.get(f) ?? new Float32Array(2);
      acc[0]! += share * w[0]!;
      acc[1]! += share * w[1]!;
      weights.set(f, acc);
    }
  };
  add(p, MIX);
  add(l, 1 - MIX);
  return { weights, tags: CUE_TAGS };
}

/** Token-level cue P/R/F1 of the written model on the held-out articles' candidates. */
function evaluate(): void {
  const m = cueModelFromFile(file);
  const scored: Array<[number, boolean]> = [];
  for (const d of heldOut)
    for (const u of d.units)
      for (let i = 0; i < u.length; i++)
        if (isCandidate(m, u[i]!)) scored.push([cueMargin(m, u, i), inCue(u[i]!, d.cues)]);
  const gold = scored.filter(([, g]) => g).length;
  const at = (th: number) => {
    const pred = scored.filter(([x]) => x > th);
    const hit = pred.filter(([, g]) => g).length;
    const p = hit / (pred.length || 1);
    const r = hit / (gold || 1);
    return { p: 100 * p, r: 100 * r, f: p + r ? (200 * p * r) / (p + r) : 0 };
  };
  const z = at(0);
  let best = { th: 0, f: z.f };
  for (let th = -10; th <= 10; th += 0.5) if (at(th).f > best.f) best = { th, f: at(th).f };
  const mean = scored.reduce((s, [x]) => s + Math.abs(x), 0) / (scored.length || 1);
  // Shares above the rules' thresholds: the scale a logistic model's RESCALE should match.
  const above = [-12, -5, -2, 0, 1, 3].map(
    (th) =>
      `${th}: ${((100 * scored.filter(([x]) => x > th).length) / (scored.length || 1)).toFixed(1)}%`,
  );
  console.log(`held out: above ${above.join(', ')}`);
  console.log(
    `held out: ${scored.length} candidates, ${gold} cues; P ${z.p.toFixed(1)} R ${z.r.toFixed(1)} F1 ${z.f.toFixed(1)}; best F1 ${best.f.toFixed(1)} at ${best.th}; mean |margin| ${mean.toFixed(1)}`,
  );
}
