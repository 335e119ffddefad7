/**
 * Trains the frame classifier (src/3-analyse/quotes/frame-classifier.ts) on PolNeAR train and
 * writes models/frames-en.json. Trains on train only; FRAMES_DIAG=1 (2: with examples) then
 * prints how the model does on dev, which nothing is tuned on.
 *
 *   npm run train:frames            # FRAMES_REUSE=1 keeps the fold cue models of a run before
 *
 * For experiments (printed out-of-fold scores; the written model is unaffected unless said):
 * FRAMES_DROP="tpl,…" leaves feature templates (prefixes) out, the written model too;
 * FRAMES_ABLATE="a,b;c" scores each group left out; FRAMES_VARIANTS="minCount=3;hidden=8"
 * scores other training options, `hidden` a small network (lib/mlp.ts) instead;
 * FRAMES_SECOND_CUE=dir adds a second cue model's margin (its fold models) to the features,
 * the written model's too (which the run-time does not compute: for scores only).
 *
 * The classifier reads the cue model's margin, and the shipped cue model has seen every train
 * article: its margins there are surer than anywhere else. So train is cut into FOLDS parts,
 * a cue model is trained on the other parts for each (bench/train-attribution.ts with
 * CUE_HOLD_OUT), and each article's candidate frames are found with the model that never saw
 * it. A frame is positive when its cue overlaps a gold Cue of the annotation file (each
 * annotator's file counts with weight 1 / files); a second head learns whether the frame's
 * source overlaps a gold Source. The keep threshold maximises Cue + Source overlap F1, the
 * source threshold Source F1, over out-of-fold predictions of the classifier itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cueModelFromFile,
  defaultCueModel,
  type CueModelFile,
} from '../src/3-analyse/quotes/cue-model.js';
import { extractQuotes } from '../src/3-analyse/quotes/extract-quotes.js';
import { RULE_LIMITS, type FrameLimits } from '../src/3-analyse/quotes/find-frames.js';
import {
  DEFAULT_FRAME_MODEL_PATH,
  type FrameFeatures,
  type FrameModel,
  type FrameModelFile,
} from '../src/3-analyse/quotes/frame-classifier.js';
import { splitSentences } from '../src/3-analyse/sentences.js';
import type { Span } from '../src/types.js';
import { mlpProbability, trainMlp } from './lib/mlp.js';
import { probability, trainLogistic, type Example, type LogisticOptions } from './lib/logistic.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '../..');
const TRAIN = resolve(REPO_ROOT, '..', 'shared', 'data', 'polnear', 'train');
const CACHE = join(tmpdir(), 'parallax-frame-folds');
const env = (k: string, d: number) => (process.env[k] === undefined ? d : Number(process.env[k]));
/** More folds: fold cue models closer to the full one, whose margins the classifier reads at run time. */
const FOLDS = env('FRAMES_FOLDS', 5);
/** Looser than RULE_LIMITS: the classifier, not the margins, decides on these frames. */
const LOOSE: FrameLimits = {
  doubt: env('FRAMES_DOUBT', -12),
  accept: env('FRAMES_ACCEPT', -2),
  rescue: env('FRAMES_RESCUE', 1),
  nested: true,
};
const LR: LogisticOptions = {
  epochs: env('FRAMES_EPOCHS', 12),
  seed: 17,
  l2: env('FRAMES_L2', 1e-4),
  rate: env('FRAMES_RATE', 0.1),
  minCount: env('FRAMES_MIN_COUNT', 10),
};
const SCALE = 1000;

interface Candidate {
  features: FrameFeatures;
  cue: Span;
  source: Span | null;
}
interface Article {
  fold: number;
  text: string;
  candidates: Candidate[];
  /** The frames the rules' own limits give (cross-fitted too): the baseline. */
  ruleFrames: Candidate[];
  golds: Array<{ Cue: Span[]; Source: Span[] }>;
}

function goldSpans(ann: string): { Cue: Span[]; Source: Span[] } {
  const out = { Cue: [] as Span[], Source: [] as Span[] };
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(Cue|Source) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    for (const part of m[2]!.split(';')) {
      const [a, b] = part.trim().split(/\s+/).map(Number);
      if (Number.isInteger(a) && Number.isInteger(b))
        out[m[1] as 'Cue' | 'Source'].push({ start: a!, end: b! });
    }
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function foldCueModel(k: number): string {
  mkdirSync(CACHE, { recursive: true });
  const out = join(CACHE, `cue-${k}of${FOLDS}.json`);
  if (process.env.FRAMES_REUSE && existsSync(out)) return out;
  const r = spawnSync(process.execPath, [join(HERE, 'train-attribution.js')], {
    env: { ...process.env, CUE_HOLD_OUT: `${k}/${FOLDS}`, CUE_OUT: out },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`fold ${k}: cue model training failed`);
  return out;
}

/** The candidate frames of one article with the given limits, with their features. */
function candidates(
  text: string,
  cueModel: ReturnType<typeof cueModelFromFile>,
  limits: FrameLimits,
): Candidate[] {
  const out: Candidate[] = [];
  const recorder: FrameModel = {
    weights: new Map(),
    threshold: 0,
    limits,
    record: (features, f) => out.push({ features, cue: f.cue, source: f.source }),
  };
  extractQuotes(text, splitSentences(text, [], 'en'), {
    language: 'en',
    mentions: [],
    entities: [],
    cueModel,
    frameModel: recorder,
  });
  return out;
}

function loadArticles(
  dir: string,
  modelFor: (fold: number) => ReturnType<typeof cueModelFromFile>,
): Article[] {
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann'));
  const files = readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const out: Article[] = [];
  for (const [n, file] of files.entries()) {
    const base = file.replace(/\.txt$/, '');
    const anns = annFiles.filter(
      (a) => a.startsWith(`${base}_`) && /^_[0-9a-f]{4}\.ann$/.test(a.slice(base.length)),
    );
    if (anns.length === 0) continue;
    const text = readFileSync(join(dir, 'text', file), 'utf8');
    const fold = n % FOLDS;
    const found = candidates(text, modelFor(fold), LOOSE);
    const second = SECOND[fold];
    if (second) withSecondMargin(found, candidates(text, second, LOOSE));
    out.push({
      fold,
      text,
      candidates: found,
      ruleFrames: candidates(text, modelFor(fold), RULE_LIMITS),
      golds: anns.map((a) => goldSpans(readFileSync(join(dir, 'attributions', a), 'utf8'))),
    });
  }
  return out;
}

/**
 * FRAMES_SECOND_CUE=dir (experiment): fold cue models of another learner (`cue-k of FOLDS`
 * files, e.g. a perceptron's fold cache) whose margin for the same cue joins the features.
 */
const SECOND = process.env.FRAMES_SECOND_CUE
  ? Array.from({ length: FOLDS }, (_, k) =>
      cueModelFromFile(
        JSON.parse(
          readFileSync(join(process.env.FRAMES_SECOND_CUE!, `cue-${k}of${FOLDS}.json`), 'utf8'),
        ) as CueModelFile,
      ),
    )
  : [];

/** The other model's margin (number and bin) for each candidate whose cue it also found. */
function withSecondMargin(found: Candidate[], other: Candidate[]): void {
  const byCue = new Map(other.map((c) => [`${c.cue.start}:${c.cue.end}`, c.features]));
  for (const c of found) {
    const o = byCue.get(`${c.cue.start}:${c.cue.end}`);
    const m = o?.find(([k]) => k.startsWith('m|o='));
    const mb = o?.find(([k]) => k.startsWith('mb='));
    const mine = c.features.find(([k]) => k.startsWith('mb='));
    if (!o || !m || !mb) {
      c.features.push(['m2=none', 1]);
      continue;
    }
    c.features.push(['m2', m[1]], [`m2b=${mb[0].slice(3)}`, 1]);
    if (mine) c.features.push([`m2b|mb=${mb[0].slice(3)} ${mine[0].slice(3)}`, 1]);
  }
}

/** What a classifier learns: whether a frame's cue, or its source, is annotated. */
type Target = 'Cue' | 'Source';

/** Cue: the frames the model judges; Source: every frame with a source. */
function examplesOf(articles: readonly Article[], target: Target): Example[] {
  const out: Example[] = [];
  for (const a of articles)
    for (const g of a.golds)
      for (const c of a.candidates) {
        const span = target === 'Cue' ? c.cue : c.source;
        if (!span || (target === 'Cue' && ruleFrame(c))) continue;
        out.push({
          features: [],
          numeric: c.features,
          label: g[target].some((x) => overlaps(x, span)) ? 1 : 0,
          weight: 1 / a.golds.length,
        });
      }
  return out;
}

interface Tally {
  pred: number;
  gold: number;
  hitPred: number;
  hitGold: number;
}

function dedupe(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => !seen.has(`${s.start}:${s.end}`) && !!seen.add(`${s.start}:${s.end}`));
}

/** Cue and Source overlap counts of the kept frames, as bench/attribution.ts counts them. */
function tally(articles: readonly Article[], kept: (a: Article) => Candidate[]) {
  const t = { Cue: newTally(), Source: newTally() };
  for (const a of articles) {
    const frames = kept(a);
    const pred = {
      Cue: dedupe(frames.map((c) => c.cue)),
      Source: dedupe(frames.flatMap((c) => (c.source ? [c.source] : []))),
    };
    const w = 1 / a.golds.length;
    for (const g of a.golds)
      for (const r of ['Cue', 'Source'] as const) {
        t[r].pred += w * pred[r].length;
        t[r].gold += w * g[r].length;
        t[r].hitPred += w * pred[r].filter((p) => g[r].some((x) => overlaps(p, x))).length;
        t[r].hitGold += w * g[r].filter((x) => pred[r].some((p) => overlaps(p, x))).length;
      }
  }
  return t;
}

const newTally = (): Tally => ({ pred: 0, gold: 0, hitPred: 0, hitGold: 0 });

function f1(t: Tally): number {
  const p = t.hitPred / (t.pred || 1);
  const r = t.hitGold / (t.gold || 1);
  return p + r === 0 ? 0 : (200 * p * r) / (p + r);
}

function report(label: string, t: ReturnType<typeof tally>): string {
  return `${label}: Cue ${f1(t.Cue).toFixed(1)} (${t.Cue.pred.toFixed(0)} pred) Source ${f1(t.Source).toFixed(1)}`;
}

/**
 * Each candidate's probability from a classifier trained on the other folds: the logistic
 * regression, or with `hidden` set (FRAMES_VARIANTS only) the small network of lib/mlp.ts.
 */
function outOfFold(
  articles: readonly Article[],
  target: Target,
  lr: LogisticOptions & { hidden?: number } = LR,
): Map<Candidate, number> {
  const p = new Map<Candidate, number>();
  for (let k = 0; k < FOLDS; k++) {
    const examples = examplesOf(
      articles.filter((a) => a.fold !== k),
      target,
    );
    let prob: (e: Pick<Example, 'features' | 'numeric'>) => number;
    if (lr.hidden) {
      const m = trainMlp(examples, { ...lr, hidden: lr.hidden });
      prob = (e) => mlpProbability(m, e);
    } else {
      const w = trainLogistic(examples, lr);
      prob = (e) => probability(w, e);
    }
    for (const a of articles)
      if (a.fold === k)
        for (const c of a.candidates) p.set(c, prob({ features: [], numeric: c.features }));
  }
  return p;
}

/** The articles with the features of the given templates (prefixes) left out. */
function without(articles: Article[], prefixes: string[]): Article[] {
  if (prefixes.length === 0) return articles;
  const keep = ([k]: [string, number]) => !prefixes.some((x) => k.startsWith(x));
  return articles.map((a) => ({
    ...a,
    candidates: a.candidates.map((c) => ({ ...c, features: c.features.filter(keep) })),
  }));
}

/** The out-of-fold Cue and Source F1 at the threshold best for both. */
function bestOutOfFold(
  articles: readonly Article[],
  lr: LogisticOptions & { hidden?: number } = LR,
): string {
  const p = outOfFold(articles, 'Cue', lr);
  let best = { th: 0, score: -1, text: '' };
  for (let th = 0.2; th <= 0.71; th += 0.025) {
    const t = tally(articles, (a) => a.candidates.filter((c) => kept(c, p.get(c)!, th)));
    if (f1(t.Cue) + f1(t.Source) > best.score)
      best = { th, score: f1(t.Cue) + f1(t.Source), text: report(`≥ ${th.toFixed(3)}`, t) };
  }
  return best.text;
}

/** Weights as integers / SCALE, the negligible ones left out. */
function stored(weights: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [f, w] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (Math.abs(w) * SCALE >= 5) out[f] = Math.round(w * SCALE);
  return out;
}

function main(): void {
  const t0 = Date.now();
  const models = Array.from({ length: FOLDS }, (_, k) =>
    cueModelFromFile(JSON.parse(readFileSync(foldCueModel(k), 'utf8')) as CueModelFile),
  );
  const articles = without(
    loadArticles(TRAIN, (fold) => models[fold]!),
    (process.env.FRAMES_DROP ?? '').split(',').filter(Boolean),
  );
  // FRAMES_VARIANTS="minCount=3;hidden=8,epochs=6": out-of-fold scores with other options.
  for (const v of (process.env.FRAMES_VARIANTS ?? '').split(';').filter(Boolean)) {
    const lr: Record<string, number> = { ...LR };
    for (const kv of v.split(',')) {
      const [k, x] = kv.split('=');
      lr[k!] = Number(x);
    }
    console.log(`with ${v}: ${bestOutOfFold(articles, lr as unknown as LogisticOptions)}`);
  }
  // FRAMES_ABLATE="doc;mc|": out-of-fold scores with each group of templates left out.
  for (const group of (process.env.FRAMES_ABLATE ?? '').split(';').filter(Boolean))
    console.log(`without ${group}: ${bestOutOfFold(without(articles, group.split(',')))}`);
  const n = articles.reduce((s, a) => s + a.candidates.length, 0);
  const r = articles.reduce((s, a) => s + a.ruleFrames.length, 0);
  console.log(
    `${articles.length} articles, ${n} candidates (${r} with the rules' limits) (${Date.now() - t0} ms)`,
  );
  console.log(
    report(
      'rules (cross-fitted cue models)',
      tally(articles, (a) => a.ruleFrames),
    ),
  );
  console.log(
    report(
      'all candidates',
      tally(articles, (a) => a.candidates),
    ),
  );
  const p = outOfFold(articles, 'Cue');
  let best = { threshold: 0.5, score: -1 };
  for (let th = 0.2; th <= 0.71; th += 0.025) {
    const t = tally(articles, (a) => a.candidates.filter((c) => kept(c, p.get(c)!, th)));
    console.log(report(`classifier ≥ ${th.toFixed(3)}`, t));
    const score = f1(t.Cue) + f1(t.Source);
    if (score > best.score) best = { threshold: Number(th.toFixed(3)), score };
  }
  const ps = outOfFold(articles, 'Source');
  let bestSource = { threshold: 0, score: -1 };
  for (let th = 0; th <= 0.51; th += 0.05) {
    const t = tally(articles, (a) =>
      a.candidates
        .filter((c) => kept(c, p.get(c)!, best.threshold))
        .map((c) => (c.source && ps.get(c)! < th ? { ...c, source: null } : c)),
    );
    console.log(report(`sources kept ≥ ${th.toFixed(2)}`, t));
    if (f1(t.Source) > bestSource.score)
      bestSource = { threshold: Number(th.toFixed(2)), score: f1(t.Source) };
  }
  const weights = trainLogistic(examplesOf(articles, 'Cue'), LR);
  const sourceWeights = trainLogistic(examplesOf(articles, 'Source'), LR);
  const file: FrameModelFile = {
    format: 'parallax-frames-1',
    threshold: best.threshold,
    limits: LOOSE,
    scale: SCALE,
    weights: stored(weights),
    source: { threshold: bestSource.threshold, weights: stored(sourceWeights) },
    trainedOn: `PolNeAR train (${articles.length} articles), ${FOLDS}-fold cue margins, ${LR.epochs} epochs`,
  };
  writeFileSync(DEFAULT_FRAME_MODEL_PATH, JSON.stringify(file));
  if (process.env.FRAMES_DIAG) diagnose(weights, best.threshold);
  console.log(
    `wrote ${DEFAULT_FRAME_MODEL_PATH}: ${Object.keys(file.weights).length} + ${Object.keys(file.source!.weights).length} features, source threshold ${bestSource.threshold}, threshold ${best.threshold} (${Date.now() - t0} ms)`,
  );
}

main();

/** FRAMES_DIAG=1: how the trained classifier does on dev (printed only; nothing is tuned on it). */
function diagnose(weights: Map<string, number>, threshold: number): void {
  const full = defaultCueModel()!;
  const dev = loadArticles(join(TRAIN, '..', 'dev'), () => full);
  console.log(
    report(
      'dev rules',
      tally(dev, (a) => a.ruleFrames),
    ),
  );
  console.log(
    report(
      'dev all candidates',
      tally(dev, (a) => a.candidates),
    ),
  );
  console.log(
    report(
      'dev oracle',
      tally(dev, (a) => a.candidates.filter((c) => isGold(a, c))),
    ),
  );
  for (const th of [
    threshold - 0.1,
    threshold - 0.05,
    threshold,
    threshold + 0.05,
    threshold + 0.1,
  ]) {
    const p = (c: Candidate) => probability(weights, { features: [], numeric: c.features });
    if (th === threshold && process.env.FRAMES_DIAG === '2') examples(dev, p, th);
    console.log(
      report(
        `dev classifier ≥ ${th.toFixed(3)}`,
        tally(dev, (a) => a.candidates.filter((c) => kept(c, p(c), th))),
      ),
    );
  }
}

function examples(dev: Article[], p: (c: Candidate) => number, th: number): void {
  let shown = 0;
  for (const a of dev)
    for (const c of a.candidates) {
      const gold = isGold(a, c);
      const prob = p(c);
      if (gold === prob >= th || shown++ > 80 || shown % 2) continue;
      const ctx = `${a.text.slice(Math.max(0, c.cue.start - 70), c.cue.start)}[[${a.text.slice(c.cue.start, c.cue.end)}]]${a.text.slice(c.cue.end, c.cue.end + 40)}`;
      console.log(
        `${gold ? 'MISSED' : 'SPURIOUS'} ${prob.toFixed(2)} ${c.features
          .map(([k]) => k)
          .filter((k) => /^(?:o|mb|conf|nest|sk)=/.test(k))
          .join(' ')} …${ctx.replace(/\s+/g, ' ')}`,
      );
    }
}

/** Frames no margin was read for (transcripts, according to, …) are kept, as at run time. */
function kept(c: Candidate, p: number, th: number): boolean {
  return p >= th || ruleFrame(c);
}

function ruleFrame(c: Candidate): boolean {
  return c.features.some(([k]) => k === 'o=rule');
}

function isGold(a: Article, c: Candidate): boolean {
  return a.golds.some((g) => g.Cue.some((x) => overlaps(x, c.cue)));
}
