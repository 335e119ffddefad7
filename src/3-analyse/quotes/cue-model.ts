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
import { QUOTE_MARKS } from './quote-marks.js';

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

const PRONOUN = 'he she they i we it you who which';
const DET = 'the a an this that these those his her its their our my your no any some';
const AUX =
  "has have had is are was were be been being will would could can may might should must do does did not n't";
const PREP = 'of in on at by for with from about against over to into';
/** Function words by class; a word in two lists keeps the first ("that" never gets here). */
const FUNCTION_WORDS = new Map<string, string>();
for (const [list, cls] of [
  [PRONOUN, 'PRON'],
  [DET, 'DET'],
  [AUX, 'AUX'],
  [PREP, 'PREP'],
] as const) {
  for (const w of list.split(' ')) if (!FUNCTION_WORDS.has(w)) FUNCTION_WORDS.set(w, cls);
}

/** A coarse class of a neighbouring token (Set lookups and endings: it runs for every neighbour). */
function shape(t: ClauseToken | undefined): string {
  if (!t) return '<s>';
  if (t.quoted) return 'Q';
  if (!t.isWord) return QUOTE_MARKS.has(t.raw) ? 'mark' : t.raw;
  const w = t.lower;
  if (w === "'s") return 'POSS';
  if (w === 'that' || w === 'whether' || w === 'if') return w;
  const fn = FUNCTION_WORDS.get(w);
  if (fn !== undefined) return fn;
  if (t.capital) return 'Cap';
  if (cueClass(w)) return 'cue';
  if (w.endsWith('ly')) return 'ly';
  if (w.endsWith('ing')) return 'ing';
  if (w.endsWith('ed')) return 'ed';
  if (w.endsWith('s')) return 's';
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

/**
 * The context values of a candidate, each computed once: a template pairs one or two of them.
 * Training joins a template's values into a string (`st|ns=accus|that`); the run-time looks
 * each value up once and combines ids, without building strings.
 */
const enum Item {
  P1Word,
  N1Word,
  P2Word,
  N2Word,
  Stem,
  P1Shape,
  N1Shape,
  P2Shape,
  N2Shape,
  Ahead,
  Behind,
  Subject,
  Position,
  Capital,
  AfterNonWord,
  None,
}
const ITEMS = Item.None + 1;

/** Each context template and the values it joins (Item.None: a one-value template). */
const TEMPLATES: ReadonlyArray<readonly [string, Item, Item]> = [
  ['p1', Item.P1Word, Item.None],
  ['n1', Item.N1Word, Item.None],
  ['p1st', Item.P1Word, Item.Stem],
  ['stn1', Item.Stem, Item.N1Word],
  ['psns', Item.P1Shape, Item.N1Shape],
  ['p2s', Item.P2Shape, Item.P1Shape],
  ['ns2', Item.N1Shape, Item.N2Shape],
  ['st|ns', Item.Stem, Item.N1Shape],
  ['st|ps', Item.Stem, Item.P1Shape],
  ['ahead', Item.Ahead, Item.N1Shape],
  ['st|ahead', Item.Stem, Item.Ahead],
  ['behind', Item.Behind, Item.P1Shape],
  // Two words each side, and what stands before the candidate (a subject or not).
  ['p2', Item.P2Word, Item.None],
  ['n2', Item.N2Word, Item.None],
  ['p1n1', Item.P1Word, Item.N1Word],
  ['n1n2', Item.N1Word, Item.N2Word],
  ['p2p1', Item.P2Word, Item.P1Word],
  ['subj|st', Item.Subject, Item.Stem],
  ['pos|ns', Item.Position, Item.N1Shape],
  ['cap', Item.Capital, Item.AfterNonWord],
];

/** The context values of candidate token i into `items` (reused; indexed by Item). */
function contextItems(
  tokens: readonly ClauseToken[],
  i: number,
  st: string,
  items: string[],
): void {
  const t = tokens[i]!;
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
  items[Item.P1Word] = contextWord(tokens, i - 1);
  items[Item.N1Word] = contextWord(tokens, i + 1);
  items[Item.P2Word] = contextWord(tokens, i - 2);
  items[Item.N2Word] = contextWord(tokens, i + 2);
  items[Item.Stem] = st;
  items[Item.P1Shape] = shape(tokens[i - 1]);
  items[Item.N1Shape] = shape(tokens[i + 1]);
  items[Item.P2Shape] = shape(tokens[i - 2]);
  items[Item.N2Shape] = shape(tokens[i + 2]);
  items[Item.Ahead] = ahead;
  items[Item.Behind] = behind;
  items[Item.Subject] = subjectBefore(tokens, i);
  items[Item.Position] = i < 2 ? '0' : i < 5 ? '1' : i < 12 ? '2' : '3';
  items[Item.Capital] = t.capital ? 'true' : 'false';
  items[Item.AfterNonWord] = i === 0 || !tokens[i - 1]!.isWord ? 'true' : 'false';
  items[Item.None] = '';
}

/** The word at k as a context value: a quoted token is "Q", a missing one "<s>". */
function contextWord(tokens: readonly ClauseToken[], k: number): string {
  const x = tokens[k];
  return !x ? '<s>' : x.quoted ? 'Q' : x.lower;
}

/** "x" + a punctuation shape, built once per shape. */
const AFTER_PUNCTUATION = new Map<string, string>();

/** What stands before the candidate within its clause: a pronoun, a name, a noun, or nothing. */
function subjectBefore(tokens: readonly ClauseToken[], i: number): string {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const s = shape(tokens[k]);
    if (s === 'PRON' || s === 'Cap' || s === 'POSS') return s;
    if (!tokens[k]!.isWord) {
      let v = AFTER_PUNCTUATION.get(s);
      if (v === undefined) AFTER_PUNCTUATION.set(s, (v = `x${s}`));
      return v;
    }
  }
  return i <= 4 ? 'start' : 'none';
}

/** Features of candidate token i in its context, as strings (for training). */
export function contextFeatures(tokens: readonly ClauseToken[], i: number): string[] {
  const items: string[] = [];
  contextItems(tokens, i, stem(tokens[i]!.lower), items);
  return TEMPLATES.map(([tpl, x, y]) =>
    y === Item.None ? `${tpl}=${items[x]}` : `${tpl}=${items[x]}|${items[y]}`,
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
 * 0.4 in a tight loop); flat typed arrays cost about one, and a slot's key and margin side
 * by side share a cache line (separate arrays of heads, tails and margins cost three).
 */
interface ContextTable {
  values: Map<string, number>;
  /**
   * Slot s: [2s] the key, (template × values.size + first value id) × (values.size + 1) +
   * second value id + 1 (0 for one-value templates), -1 when empty; [2s + 1] the margin.
   */
  slots: Float64Array;
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
  const templates = new Map<string, number>(TEMPLATES.map(([t], k) => [t, k]));
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
    if (TEMPLATES[k]![2] === Item.None) {
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
    slots: new Float64Array(2 * size).fill(-1),
    mask: size - 1,
  };
  const span = values.size + 1;
  for (const [tpl, a, tail, margin] of parsed) {
    const head = tpl * values.size + a;
    const key = head * span + tail;
    let s = slotOf(head, tail, table.mask);
    while (table.slots[2 * s] !== -1 && table.slots[2 * s] !== key) s = (s + 1) & table.mask;
    table.slots[2 * s] = key;
    table.slots[2 * s + 1] = margin;
  }
  tables.set(model, table);
  return table;
}

function contextMargin(table: ContextTable, head: number, tail: number): number {
  const { slots, mask } = table;
  const key = head * (table.values.size + 1) + tail;
  for (let s = slotOf(head, tail, mask); ; s = (s + 1) & mask) {
    const k = slots[2 * s]!;
    if (k === -1) return 0;
    if (k === key) return slots[2 * s + 1]!;
  }
}

/** The values cueMargin reads and their ids, reused from call to call. */
const items: string[] = [];
const ids = new Int32Array(ITEMS);

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
  contextItems(tokens, i, own.stem, items);
  // Unknown values: -1. "" (Item.None) needs no id: it only closes one-value templates.
  for (let x = 0; x < Item.None; x++) ids[x] = values.get(items[x]!) ?? -1;
  let margin = own.margin;
  for (let k = 0; k < TEMPLATES.length; k++) {
    const [, x, y] = TEMPLATES[k]!;
    const a = ids[x]!;
    if (a < 0) continue;
    let tail = 0;
    if (y !== Item.None) {
      const b = ids[y]!;
      if (b < 0) continue;
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
