/**
 * A learnt second stage over whole frames: a logistic regression that reads one candidate
 * frame (its cue model margin, cue word and class, source and content shape, nesting inside
 * other frames, position) and keeps or drops it. With it, find-frames.ts runs with looser
 * limits (FrameLimits) and proposes more frames than its hand-set thresholds would; this
 * model decides instead. Trained by bench/train-frames.ts into models/frames-en.json, on
 * PolNeAR train with cue models that never saw the article (cross-fitted margins).
 */
import { fileURLToPath } from 'node:url';
import type { Span } from '../../types.js';
import type { ClauseToken } from './clause-tokens.js';
import { cueClass } from './cue-lexicon.js';
import type { Frame, FrameLimits } from './find-frames.js';
import { QUOTE_MARKS, type QuotedSpan } from './quote-marks.js';
import { PRONOUNS, RELATIVE_SOURCES } from './source-span.js';
import { shippedModel } from './model-file.js';

export interface FrameModel {
  /** Weights by feature key (`template=a` or `template=a b`). */
  weights: Map<string, number>;
  /** A frame is kept when its probability reaches this. */
  threshold: number;
  /** The limits find-frames.ts proposes candidates with when this model judges them. */
  limits: FrameLimits;
  /** Drops a kept frame's source when its own probability (same features) is below the threshold. */
  source?: { weights: Map<string, number>; threshold: number };
  /** Training only: receives each candidate's features, and every frame is kept. */
  record?: (features: FrameFeatures, frame: Frame) => void;
}

/** Feature keys with their values (1 for an indicator). */
export type FrameFeatures = Array<[string, number]>;

/** Receives one feature: its template, one or two values, and its value (1: an indicator). */
type Visit = (template: string, a: string, b?: string, value?: number) => void;

/** The JSON layout of models/frames-en.json. */
export interface FrameModelFile {
  format: 'parallax-frames-1';
  threshold: number;
  limits: FrameLimits;
  /** Weights stored as integers: weight = value / scale. */
  scale: number;
  weights: Record<string, number>;
  source?: { threshold: number; weights: Record<string, number> };
  trainedOn: string;
}

/** What a frame's features are read from: the unit it was found in, and its sibling frames. */
export interface FrameEnv {
  text: string;
  tokens: readonly ClauseToken[];
  unit: Span;
  quotes: readonly QuotedSpan[];
  frames: readonly Frame[];
}

export const DEFAULT_FRAME_MODEL_PATH = fileURLToPath(
  new URL('../../../../models/frames-en.json', import.meta.url),
);

/**
 * The frames of one unit the model keeps (all of them without a model). Frames no margin was
 * read for (transcripts, "according to", polls, signatures) are the rules' alone: kept.
 */
export function judgeFrames(model: FrameModel | null, env: FrameEnv): Frame[] {
  if (!model) return [...env.frames];
  if (model.record) {
    for (const f of env.frames) model.record(frameFeatures(f, env), f);
    return [...env.frames];
  }
  const out: Frame[] = [];
  for (const f of env.frames) {
    if (f.margin === undefined && !(f.source && model.source)) {
      out.push(f);
      continue;
    }
    const [keep, source] = probabilities(model, f, env);
    if (f.margin !== undefined && keep < model.threshold) continue;
    // A source the model doubts costs more precision than the recall it brings.
    out.push(f.source && source < (model.source?.threshold ?? 0) ? { ...f, source: null } : f);
  }
  return out;
}

/** The key a feature is stored under. */
export function featureKey(template: string, a: string, b?: string): string {
  return b === undefined ? `${template}=${a}` : `${template}=${a} ${b}`;
}

/** All features of a frame as keys (for training). */
export function frameFeatures(f: Frame, env: FrameEnv): FrameFeatures {
  const out: FrameFeatures = [];
  visitFrame(f, env, (tpl, a, b, v = 1) => out.push([featureKey(tpl, a, b), v]));
  return out;
}

/** Weights (keep, source) by template, first value, then second value if the template has one. */
type Pair = [number, number];
type FrameIndex = Map<string, Map<string, Pair | Map<string, Pair>>>;
const indexes = new WeakMap<FrameModel, FrameIndex>();

function frameIndex(model: FrameModel): FrameIndex {
  let index = indexes.get(model);
  if (index) return index;
  index = new Map();
  const add = (weights: Map<string, number>, k: 0 | 1) => {
    for (const [key, w] of weights) {
      const eq = key.indexOf('=');
      const sp = key.indexOf(' ', eq);
      const tpl = key.slice(0, eq);
      const a = sp < 0 ? key.slice(eq + 1) : key.slice(eq + 1, sp);
      let byA = index!.get(tpl);
      if (!byA) index!.set(tpl, (byA = new Map()));
      let slot = byA.get(a);
      if (sp >= 0) {
        if (!(slot instanceof Map)) byA.set(a, (slot = new Map()));
        const b = key.slice(sp + 1);
        const pair = slot.get(b) ?? [0, 0];
        pair[k] = w;
        slot.set(b, pair);
      } else {
        if (!Array.isArray(slot)) byA.set(a, (slot = [0, 0]));
        slot[k] = w;
      }
    }
  };
  add(model.weights, 0);
  if (model.source) add(model.source.weights, 1);
  indexes.set(model, index);
  return index;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The probabilities that the frame is an annotated attribution and that its source is an
 * annotated one, from one pass over its features (no key strings built).
 */
export function probabilities(model: FrameModel, f: Frame, env: FrameEnv): [number, number] {
  const index = frameIndex(model);
  // Sums in a typed array: a number variable the callback assigns would be boxed anew per feature.
  const sums = new Float64Array(2);
  visitFrame(f, env, (tpl, a, b, v = 1) => {
    const slot = index.get(tpl)?.get(a);
    const w = b === undefined ? slot : slot instanceof Map ? slot.get(b) : undefined;
    if (Array.isArray(w)) {
      sums[0] = sums[0]! + w[0] * v;
      sums[1] = sums[1]! + w[1] * v;
    }
  });
  return [sigmoid(sums[0]!), sigmoid(sums[1]!)];
}

const PARTICLE = /^(?:about|for|against|at|of|out|up|on|to|with|:)$/;

/** The word of the cue that carries it: the last one that is no particle. */
function headWord(cue: readonly ClauseToken[]): string {
  for (let k = cue.length - 1; k >= 0; k--) {
    const t = cue[k]!;
    if (t.isWord && !PARTICLE.test(t.lower)) return t.lower;
  }
  return cue[0]?.lower ?? '';
}

// Feature values are built once: a lookup with a fresh string pays for hashing it.
const EDGES = [-15, -10, -7, -5, -3, -2, -1, 0, 1, 2, 3, 5, 8, 12];
const BINS = EDGES.map((e) => `<${e}`);
const SMALL = ['0', '1', '2', '3', '4', '5', '6'];
const CONF = new Map<number, string>();

function marginBin(m: number | undefined): string {
  if (m === undefined) return 'none';
  const k = EDGES.findIndex((e) => m < e);
  return k < 0 ? '12+' : BINS[k]!;
}

function confidenceValue(c: number): string {
  let v = CONF.get(c);
  if (v === undefined) CONF.set(c, (v = c.toFixed(2)));
  return v;
}

function lengthBin(n: number): string {
  return n <= 3 ? SMALL[n]! : n <= 6 ? '4-6' : n <= 12 ? '7-12' : n <= 25 ? '13-25' : '26+';
}

/** The source as a kind: none, a pronoun, a relative, a name, a phrase with a name, a noun phrase. */
function sourceKind(src: readonly ClauseToken[] | null): string {
  if (!src || src.length === 0) return 'none';
  const words = src.filter((t) => t.isWord);
  if (words.length === 1 && PRONOUNS.has(words[0]!.lower)) return 'pron';
  if (words.length === 1 && RELATIVE_SOURCES.has(words[0]!.lower)) return 'rel';
  if (words.length > 0 && words.every((t) => t.capital)) return 'name';
  if (words.some((t) => t.capital)) return 'np+cap';
  return 'np';
}

const KEPT_WORDS = new Set(['that', 'whether', 'if', 'to', 'by', 'of', 'and', 'but', 'as']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'his', 'her', 'its', 'their', 'our', 'my']);

/** A coarse class of the token next to the cue. */
function shape(t: ClauseToken | undefined): string {
  if (!t) return '<s>';
  if (t.quoted) return 'Q';
  if (!t.isWord) return QUOTE_MARKS.has(t.raw) ? 'mark' : t.raw;
  if (KEPT_WORDS.has(t.lower)) return t.lower;
  if (PRONOUNS.has(t.lower)) return 'PRON';
  if (DETERMINERS.has(t.lower)) return 'DET';
  if (t.capital) return 'Cap';
  if (t.lower.endsWith('ing')) return 'ing';
  return 'w';
}

const inside = (a: Span, b: Span) => b.start <= a.start && a.end <= b.end;
const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** How the frame's cue sits among its sibling frames. */
function nesting(
  f: Frame,
  frames: readonly Frame[],
): { nest: string; clash: boolean; outer: string; rival: string } {
  let nest = 'free';
  let clash = false;
  let outer = '-';
  let best = -Infinity;
  for (const o of frames) {
    if (o === f) continue;
    if (o.cue.start === f.cue.start && o.cue.end === f.cue.end) continue;
    if (o.margin !== undefined) best = Math.max(best, o.margin);
    if (inside(f.cue, o.content) && o.content.end > o.content.start) {
      const sure = o.source !== null && o.confidence >= 0.65;
      if (nest !== 'sure') nest = sure ? 'sure' : 'weak';
      // What holds it: a speech verb ("said Obama hopes"), a stance, a rule frame.
      outer = o.margin === undefined ? 'rule' : o.speech === false ? 'stance' : 'speech';
    }
    if (overlap(f.cue, o.cue) || (o.source && overlap(f.cue, o.source))) clash = true;
  }
  // Whether a surer cue stands in the same unit.
  const rival =
    best === -Infinity ? 'alone' : f.margin === undefined || best > f.margin ? 'below' : 'top';
  return { nest, clash, outer, rival };
}

/** The word class a learnt or lexicon cue word looks like, from its ending. */
function suffix(w: string): string {
  const m = /(?:ion|ment|ism|ance|ence|ity|ing|ed|es|s|er|ive|al)$/.exec(w);
  return m ? m[0] : '-';
}

const yn = (x: boolean) => (x ? 'y' : 'n');

/** The first and past-the-last token index inside a span. */
function range(tokens: readonly ClauseToken[], s: Span): [number, number] {
  let i = 0;
  while (i < tokens.length && tokens[i]!.start < s.start) i++;
  let j = i;
  while (j < tokens.length && tokens[j]!.end <= s.end) j++;
  return [i, j];
}

function countWords(tokens: readonly ClauseToken[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (tokens[k]!.isWord || tokens[k]!.quoted) n++;
  return n;
}

/** What the source looks like: its first and last words, a comma inside, its gap to the cue. */
function visitSource(
  tokens: readonly ClauseToken[],
  src: readonly ClauseToken[] | null,
  cueAt: number,
  visit: Visit,
): void {
  if (!src || src.length === 0) return;
  visit('sf', src[0]!.lower);
  visit('sh', src[src.length - 1]!.lower);
  visit('scomma', yn(src.some((t) => t.raw === ',')));
  const end = tokens.indexOf(src[src.length - 1]!);
  const gap = cueAt - end - 1;
  visit('sgap', gap < 0 ? 'after' : gap === 0 ? '0' : gap === 1 ? '1' : gap < 4 ? '2-3' : '4+');
}

/** The features of one candidate frame, handed to `visit` as parts. */
function visitFrame(f: Frame, env: FrameEnv, visit: Visit): void {
  const { tokens } = env;
  const [first, end] = range(tokens, f.cue);
  const cue = tokens.slice(first, end);
  const last = first + Math.max(cue.length, 1) - 1;
  const head = headWord(cue);
  const cls = cueClass(head) ?? '-';
  const origin = f.margin === undefined ? 'rule' : f.learnt ? 'learnt' : 'lex';
  const mb = marginBin(f.margin);
  const src = f.source ? tokens.slice(...range(tokens, f.source)) : null;
  const sk = sourceKind(src);
  const srcSide = !f.source ? '-' : f.source.start < f.cue.start ? 'before' : 'after';
  const [cs, ce] = range(tokens, f.content);
  const clen = lengthBin(countWords(tokens, cs, ce));
  const contentSide = f.dangling ? 'next' : f.content.end <= f.cue.start ? 'before' : 'after';
  const conf = confidenceValue(f.confidence);
  const { nest, clash, outer, rival } = nesting(f, env.frames);
  const prev = shape(tokens[first - 1]);
  const next = shape(tokens[last + 1]);
  // The margin, clipped, as a number: its effect is smooth, unlike a bin's.
  const m = f.margin === undefined ? 0 : Math.max(-20, Math.min(20, f.margin)) / 10;
  visit('m|o', origin, undefined, m);
  visit('m|nest', nest, undefined, m);
  visit('m|sk', sk, undefined, m);
  visit('m|conf', conf, undefined, m);
  visit('bias', '');
  visit('o', origin);
  visit('mb', mb);
  visit('mb|o', mb, origin);
  visit('conf', conf);
  visit('conf|mb', conf, mb);
  visit('cls', cls);
  visit('cls|o', cls, origin);
  visit('w', head);
  visit('kind', f.kind);
  visit('speech', yn(f.speech !== false));
  visit('sk', sk);
  visit('sk|o', sk, origin);
  visit('sk|cls', sk, cls);
  visit('side', srcSide, contentSide);
  visit('slen', lengthBin(src ? src.filter((t) => t.isWord).length : 0));
  visit('clen', clen);
  visit('clen|kind', clen, f.kind);
  visit('cw', SMALL[Math.min(cue.filter((t) => t.isWord).length, 6)]!);
  visit('nest', nest);
  visit('nest|o', nest, origin);
  visit('nest|sk', nest, sk);
  visit('nest|mb', nest, mb);
  visit('clash', yn(clash));
  visit('outer', outer, origin);
  visit('outer|mb', outer, mb);
  visit('rival', rival);
  visit('rival|o', rival, origin);
  visit('neg', yn(cue.some((t) => /^(?:not|n't|never)$/.test(t.lower))));
  visit('modal', yn(cue.some((t) => /^(?:will|would|could|may|might|should|can)$/.test(t.lower))));
  visit('suf|o', suffix(head), origin);
  visit('c0', shape(tokens[cs]), contentSide);
  visit('prev', prev);
  visit('next', next);
  visit('pn', prev, next);
  visit('pos', first <= 0 ? '0' : first < 3 ? '1-2' : first < 8 ? '3-7' : '8+');
  visit('frames', SMALL[Math.min(env.frames.length, 4)]!);
  visitSource(tokens, src, first, visit);
  visit('quotes', yn(env.quotes.some((q) => q.start < env.unit.end && q.end > env.unit.start)));
}

export function frameModelFromFile(file: FrameModelFile): FrameModel {
  if (file.format !== 'parallax-frames-1') {
    throw new Error(`frame model: unsupported format ${String(file.format)}`);
  }
  const weights = new Map<string, number>();
  for (const [f, w] of Object.entries(file.weights)) weights.set(f, w / file.scale);
  const source = file.source && {
    threshold: file.source.threshold,
    weights: new Map(Object.entries(file.source.weights).map(([f, w]) => [f, w / file.scale])),
  };
  return { weights, threshold: file.threshold, limits: file.limits, ...(source ? { source } : {}) };
}

/** The shipped model, read once; null (the rules' own thresholds) when the file is missing. */
export const defaultFrameModel = shippedModel<FrameModelFile, FrameModel>(
  DEFAULT_FRAME_MODEL_PATH,
  frameModelFromFile,
);
