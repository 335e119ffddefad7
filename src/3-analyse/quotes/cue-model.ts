/**
 * A learnt second opinion on cues: a linear model that reads the words around a candidate
 * token and says whether it is (part of) the Cue of an attribution. The shipped file holds an
 * L2-regularised logistic regression whose log-odds are stored ×10 as the CUE weight (O: 0),
 * on the scale of the averaged perceptron (entities/perceptron.ts) it replaced, which the
 * same layout also reads. Candidates are the rule lexicon's words plus the cue words mined from PolNeAR
 * train (stance nouns and verbs the lexicon lacks: "accusations", "criticism", "insisted",
 * "urging"). Trained by bench/train-attribution.ts into models/cue-en.json.
 *
 * The model only decides cue tokens; find-frames.ts attaches Source and Content to a learnt
 * cue with the same rules as to a lexicon verb, and drops lexicon cues the model rejects.
 */
import { fileURLToPath } from 'node:url';
import { prunedWeights, staticScores, type PerceptronWeights } from '../entities/perceptron.js';
import type { ClauseToken } from './clause-tokens.js';
import { cueClass } from './cue-lexicon.js';
import { shippedModel } from './model-file.js';

export const CUE_TAGS = ['O', 'CUE'] as const;

export interface CueModel extends PerceptronWeights {
  /** Lower-cased words, besides the lexicon's, that may be a cue. */
  vocab: Set<string>;
  /** Each word's own margin (its features summed) and stem, filled as words are met. */
  wordScores: Map<string, { margin: number; stem: string }>;
}

/** The JSON layout of models/cue-en.json. */
export interface CueModelFile {
  format: 'parallax-cue-1';
  tags: string[];
  /** Weights are stored as integers: weight = value / scale. */
  scale: number;
  vocab: string[];
  weights: Record<string, number[]>;
  trainedOn: string;
}

export const DEFAULT_CUE_MODEL_PATH = fileURLToPath(
  new URL('../../../../models/cue-en.json', import.meta.url),
);

/** A token the model is asked about: a word outside quotes that is a known or mined cue word. */
export function isCandidate(model: CueModel, t: ClauseToken): boolean {
  return t.isWord && !t.quoted && (model.vocab.has(t.lower) || cueClass(t.lower) !== undefined);
}

const PRONOUN = /^(?:he|she|they|i|we|it|you|who|which)$/;
const DET = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|no|any|some)$/;
const AUX =
  /^(?:has|have|had|is|are|was|were|be|been|being|will|would|could|can|may|might|should|must|do|does|did|not|n't)$/;
const PREP = /^(?:of|in|on|at|by|for|with|from|about|against|over|to|into)$/;

/** A coarse class of a neighbouring token. */
function shape(t: ClauseToken | undefined): string {
  if (!t) return '<s>';
  if (t.quoted) return 'Q';
  if (!t.isWord) return /^["“”„«»‘’']$/.test(t.raw) ? 'mark' : t.raw;
  const w = t.lower;
  if (w === "'s") return 'POSS';
  if (w === 'that' || w === 'whether' || w === 'if') return w;
  if (PRONOUN.test(w)) return 'PRON';
  if (DET.test(w)) return 'DET';
  if (AUX.test(w)) return 'AUX';
  if (PREP.test(w)) return 'PREP';
  if (t.capital) return 'Cap';
  if (cueClass(w)) return 'cue';
  if (/ly$/.test(w)) return 'ly';
  if (/ing$/.test(w)) return 'ing';
  if (/ed$/.test(w)) return 'ed';
  if (/s$/.test(w)) return 's';
  return 'w';
}

/** A crude stem: "accused", "accuses", "accusing" → "accus". */
function stem(w: string): string {
  return w.replace(/(?:ing|ed|es|s|e)$/, '');
}

/** Features of the word alone: their summed weights are cached per word at run time. */
export function wordFeatures(w: string): string[] {
  const st = stem(w);
  return ['b', `w=${w}`, `st=${st}`, `s3=${w.slice(-3)}`, `c=${cueClass(w) ?? '-'}`];
}

/** The context templates, in the order `contextParts` writes their values. */
const TEMPLATES = [
  'p1',
  'n1',
  'p1st',
  'stn1',
  'psns',
  'p2s',
  'ns2',
  'st|ns',
  'st|ps',
  'ahead',
  'st|ahead',
  'behind',
  'p2',
  'n2',
  'p1n1',
  'n1n2',
  'p2p1',
  'subj|st',
  'pos|ns',
  'cap',
] as const;
/** Templates of one value; every other context template pairs two. */
const SINGLE_TEMPLATES = new Set<string>(['p1', 'n1', 'p2', 'n2']);

/**
 * The values of candidate token i's context features, two per template of TEMPLATES, into
 * `parts` (reused; '' as the second value of one-value templates). Training joins them into
 * strings (`st|ns=accus|that`); the run-time looks them up without building strings, and
 * without a callback whose captured sum would box a number per feature.
 */
function contextParts(
  tokens: readonly ClauseToken[],
  i: number,
  st: string,
  parts: string[],
): void {
  const t = tokens[i]!;
  const word = (k: number) => {
    const x = tokens[k];
    return !x ? '<s>' : x.quoted ? 'Q' : x.lower;
  };
  let n = 0;
  const put = (a: string, b = '') => {
    parts[n++] = a;
    parts[n++] = b;
  };
  const p1 = shape(tokens[i - 1]);
  const n1 = shape(tokens[i + 1]);
  // What follows within a few tokens: a complementiser, a colon, a quote.
  let ahead = '';
  for (let k = i + 1; k < tokens.length && k <= i + 6; k++) {
    const x = tokens[k]!;
    if (x.quoted) {
      ahead = 'Q';
      break;
    }
    if (x.raw === ':' || x.lower === 'that' || x.lower === 'whether') {
      ahead = x.lower;
      break;
    }
    if (/^[.;!?]$/.test(x.raw)) break;
  }
  // A quote just before (inverted attribution: "“…,” said Vale").
  let behind = '';
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (tokens[k]!.quoted) {
      behind = 'Q';
      break;
    }
  }
  const w1 = word(i - 1);
  const n1w = word(i + 1);
  put(w1); // p1
  put(n1w); // n1
  put(w1, st); // p1st
  put(st, n1w); // stn1
  put(p1, n1); // psns
  put(shape(tokens[i - 2]), p1); // p2s
  put(n1, shape(tokens[i + 2])); // ns2
  put(st, n1); // st|ns
  put(st, p1); // st|ps
  put(ahead, n1); // ahead
  put(st, ahead); // st|ahead
  put(behind, p1); // behind
  // Two words each side, and what stands before the candidate (a subject or not).
  const p2w = word(i - 2);
  const n2w = word(i + 2);
  put(p2w); // p2
  put(n2w); // n2
  put(w1, n1w); // p1n1
  put(n1w, n2w); // n1n2
  put(p2w, w1); // p2p1
  put(subjectBefore(tokens, i), st); // subj|st
  put(i < 2 ? '0' : i < 5 ? '1' : i < 12 ? '2' : '3', n1); // pos|ns
  put(t.capital ? 'true' : 'false', i === 0 || !tokens[i - 1]!.isWord ? 'true' : 'false'); // cap
}

/** What stands before the candidate within its clause: a pronoun, a name, a noun, or nothing. */
function subjectBefore(tokens: readonly ClauseToken[], i: number): string {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const s = shape(tokens[k]);
    if (s === 'PRON' || s === 'Cap' || s === 'POSS') return s;
    if (!tokens[k]!.isWord) return `x${s}`;
  }
  return i <= 4 ? 'start' : 'none';
}

/** Features of candidate token i in its context, as strings (for training). */
export function contextFeatures(tokens: readonly ClauseToken[], i: number): string[] {
  const parts: string[] = [];
  contextParts(tokens, i, stem(tokens[i]!.lower), parts);
  return TEMPLATES.map((tpl, k) =>
    SINGLE_TEMPLATES.has(tpl)
      ? `${tpl}=${parts[2 * k]}`
      : `${tpl}=${parts[2 * k]}|${parts[2 * k + 1]}`,
  );
}

/** All static features of candidate token i (for training). */
export function cueFeatures(tokens: readonly ClauseToken[], i: number): string[] {
  return [...wordFeatures(tokens[i]!.lower), ...contextFeatures(tokens, i)];
}

/**
 * Context weights as margins (CUE minus O) in one open-addressing table keyed by the ids of
 * (template, first value, second value). Nested maps of strings cost a cache miss per level
 * when the analysis runs between lookups (measured: 2–3 ms/article in the pipeline against
 * 0.4 in a tight loop); flat typed arrays cost about one.
 */
interface ContextTable {
  values: Map<string, number>;
  /** template × values.size + first value id; -1 marks an empty slot. */
  heads: Int32Array;
  /** Second value id + 1 (0 for one-value templates). */
  tails: Int32Array;
  margins: Float64Array;
  mask: number;
}
const tables = new WeakMap<CueModel, ContextTable>();

function slotOf(head: number, tail: number, mask: number): number {
  let h = (Math.imul(head, 0x9e3779b1) + tail) | 0;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
}

function contextTable(model: CueModel): ContextTable {
  const known = tables.get(model);
  if (known) return known;
  const templates = new Map<string, number>(TEMPLATES.map((t, k) => [t, k]));
  const values = new Map<string, number>();
  const id = (m: Map<string, number>, key: string) => {
    let v = m.get(key);
    if (v === undefined) m.set(key, (v = m.size));
    return v;
  };
  const parsed: Array<[number, number, number, number]> = [];
  for (const [f, w] of model.weights) {
    const eq = f.indexOf('=');
    if (eq < 0) continue;
    const tpl = f.slice(0, eq);
    const k = templates.get(tpl);
    if (k === undefined) continue;
    const value = f.slice(eq + 1);
    const margin = w[1]! - w[0]!;
    if (SINGLE_TEMPLATES.has(tpl)) {
      parsed.push([k, id(values, value), 0, margin]);
      continue;
    }
    const bar = value.indexOf('|');
    if (bar < 0) continue;
    const a = id(values, value.slice(0, bar));
    parsed.push([k, a, id(values, value.slice(bar + 1)) + 1, margin]);
  }
  let size = 1024;
  while (size < parsed.length * 2) size *= 2;
  const table: ContextTable = {
    values,
    heads: new Int32Array(size).fill(-1),
    tails: new Int32Array(size),
    margins: new Float64Array(size),
    mask: size - 1,
  };
  for (const [tpl, a, tail, margin] of parsed) {
    const head = tpl * values.size + a;
    let s = slotOf(head, tail, table.mask);
    while (table.heads[s] !== -1 && (table.heads[s] !== head || table.tails[s] !== tail)) {
      s = (s + 1) & table.mask;
    }
    table.heads[s] = head;
    table.tails[s] = tail;
    table.margins[s] = margin;
  }
  tables.set(model, table);
  return table;
}

function contextMargin(table: ContextTable, head: number, tail: number): number {
  const { heads, tails, mask } = table;
  for (let s = slotOf(head, tail, mask); ; s = (s + 1) & mask) {
    const h = heads[s]!;
    if (h === -1) return 0;
    if (h === head && tails[s] === tail) return table.margins[s]!;
  }
}

/** The values cueMargin reads, reused from call to call. */
const parts: string[] = [];
const SINGLE = TEMPLATES.map((t) => SINGLE_TEMPLATES.has(t));

/**
 * The model's margin for candidate token i (positive: a cue). Each candidate is scored on its
 * own (trained as a one-token sequence), so callers score only the candidates they ask about.
 */
export function cueMargin(model: CueModel, tokens: readonly ClauseToken[], i: number): number {
  const w = tokens[i]!.lower;
  let own = model.wordScores.get(w);
  if (!own) {
    // The word's own features plus the start-of-sequence history the tagger adds in training.
    const s = staticScores(model, [...wordFeatures(w), ...historyFeatures(w)]);
    own = { margin: s[1]! - s[0]!, stem: stem(w) };
    model.wordScores.set(w, own);
  }
  const table = contextTable(model);
  const { values } = table;
  const n = values.size;
  contextParts(tokens, i, own.stem, parts);
  let margin = own.margin;
  for (let k = 0; k < TEMPLATES.length; k++) {
    const a = values.get(parts[2 * k]!);
    if (a === undefined) continue;
    let tail = 0;
    if (!SINGLE[k]) {
      const b = values.get(parts[2 * k + 1]!);
      if (b === undefined) continue;
      tail = b + 1;
    }
    margin += contextMargin(table, k * n + a, tail);
  }
  return margin;
}

/** The history features entities/perceptron.ts adds to the first token of a sequence. */
function historyFeatures(w: string): string[] {
  return ['t-1=<s>', 't-2t-1=<s>|<s>', `t-1w=<s>|${w}`];
}

export function cueModelFromFile(file: CueModelFile): CueModel {
  if (file.format !== 'parallax-cue-1' || file.tags.join() !== CUE_TAGS.join()) {
    throw new Error(`cue model: unsupported format ${String(file.format)} or tag set`);
  }
  const weights = new Map<string, Float32Array>();
  for (const [f, w] of Object.entries(file.weights)) {
    weights.set(
      f,
      Float32Array.from(w, (v) => v / file.scale),
    );
  }
  return { weights, tags: CUE_TAGS, vocab: new Set(file.vocab), wordScores: new Map() };
}

/** Serialises weights, dropping features whose every weight is below `prune` in magnitude. */
export function cueModelToFile(
  model: PerceptronWeights & { vocab: Set<string> },
  trainedOn: string,
  prune = 0.05,
  scale = 100,
): CueModelFile {
  const weights = prunedWeights(model.weights, prune, scale);
  return {
    format: 'parallax-cue-1',
    tags: [...CUE_TAGS],
    scale,
    vocab: [...model.vocab].sort(),
    weights,
    trainedOn,
  };
}

/** The shipped model, read once; null (rules only) when the file is missing. */
export const defaultCueModel = shippedModel<CueModelFile, CueModel>(
  DEFAULT_CUE_MODEL_PATH,
  cueModelFromFile,
);
