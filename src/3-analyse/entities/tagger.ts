/**
 * Runs the statistical tagger over a document given as tokenised sentences.
 *
 * Inference never builds a feature string per token. The score is linear, so every part
 * that depends on one word (its own features, its features as a neighbour, its flags in a
 * position) is summed once per word and cached; the features that join two words (word
 * pairs, shape pairs, previous tag + word) are looked up through per-model indexes keyed
 * by the words themselves. Scores equal the string features' (sentenceFeatures, which
 * training uses) up to the order of float additions; tokens that can only be O are not
 * scored at all (decode).
 */
import {
  flagFeatures,
  infoOf,
  sentenceFeatures,
  documentEvidence,
  WORD_GROUPS,
  wordGroupFeatures,
  type DocumentEvidence,
  type TaggerResources,
  type WordInfo,
} from './features.js';
import { addScores, TAGS, type PerceptronWeights, type TrainingSentence } from './perceptron.js';

export interface TaggedSentence {
  tags: string[];
  /** Score margin of each chosen tag over the runner-up (a confidence signal). */
  margins: number[];
}

type Model = PerceptronWeights & { resources: TaggerResources };

const T = TAGS.length;
const G = WORD_GROUPS.length;
/** Index of the "<s>" history (before the sentence start). */
const START = T;

interface WordEntry {
  info: WordInfo;
  /** Summed weights of the word's features in each word group (WORD_GROUPS order), G×T flat. */
  groups: Float64Array;
  /** Summed weights of the position flags' features, by the 4-bit flags (see flagBits). */
  flags: Array<Float64Array | undefined>;
  /** Pair features where this word is the left one ("w-1w=" this|next), by the next word. */
  pairAsLeft: Map<string, Vec> | undefined;
  /** "ww+1=" this|next, by the next word. */
  pairWithRight: Map<string, Vec> | undefined;
  /** "ss-1ss=" this|next and "ssss+1=" this|next, by the next word's short shape. */
  shapeAsLeft: Map<string, Vec> | undefined;
  shapeWithRight: Map<string, Vec> | undefined;
  /** "t-1w=" tag|this, by the previous tag's index (START for "<s>"). */
  history: Array<Vec | undefined> | undefined;
  /** Gazetteer classes of the word alone, and whether it starts a multi-word phrase. */
  gazetteer: string[] | undefined;
  gazetteerStart: boolean;
  /** For the document evidence and all-caps test. */
  startsLetter: boolean;
  startsUpper: boolean;
  hasLetter: boolean;
  isUpper: boolean;
  /** Opens a quoted or parenthesised stretch (the next word counts as initial). */
  opener: boolean;
  /** No capital letter and no digit (lower-case words, punctuation). */
  plain: boolean;
  /** The document evidence bits (seen capitalised: 2, seen lower case: 1) for document `stamp`. */
  stamp: number;
  evidence: number;
}

/** Weights widened to doubles once, so every score addition reads one array type. */
type Vec = Float64Array;
type PairIndex = Map<string, Map<string, Vec>>;

interface ModelIndex {
  resources: TaggerResources;
  words: Map<string, WordEntry>;
  /** The edge pseudo-word's groups (a missing neighbour). */
  edge: Float64Array;
  wordPairsLeft: PairIndex;
  wordPairsRight: PairIndex;
  shapePairsLeft: PairIndex;
  shapePairsRight: PairIndex;
  history: Map<string, Array<Vec | undefined>>;
  /** Word sequences that begin some multi-word gazetteer phrase (2 words or more). */
  gazetteerPrefixes: Set<string>;
  /** Summed "t-1" and "t-2t-1" weights, [(prev2 * (T+1) + prev) * T + tag]. */
  transitions: Float64Array;
  /** Gazetteer mark → weights of the mark on this token, the previous one, the next one. */
  marks: Map<string, Array<Vec | undefined>>;
}

const indexes = new WeakMap<Map<string, Float32Array>, ModelIndex>();
const CACHE_LIMIT = 100_000;
const OPENERS = new Set(['"', '“', '«', '„', "'", '‘', '(', '[', ':', '-', '—', '–']);
const LETTER = /\p{L}/u;
const DIGIT = /\d/;
const STARTS_LETTER = /^\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** "a|b" features by a, then b. A body with several bars is entered under every split: each matches exactly the pairs whose joined string is that body. */
function pairIndex(weights: Map<string, Float32Array>, prefix: string): PairIndex {
  const out: PairIndex = new Map();
  for (const [f, w] of weights) {
    if (!f.startsWith(prefix)) continue;
    const body = f.slice(prefix.length);
    for (let j = body.indexOf('|'); j >= 0; j = body.indexOf('|', j + 1)) {
      const a = body.slice(0, j);
      let m = out.get(a);
      if (!m) out.set(a, (m = new Map()));
      m.set(body.slice(j + 1), Float64Array.from(w));
    }
  }
  return out;
}

function indexOf(model: Model): ModelIndex {
  let ix = indexes.get(model.weights);
  if (ix && ix.resources === model.resources) return ix;
  const { weights } = model;
  const history = new Map<string, Array<Vec | undefined>>();
  const tagIndex = new Map<string, number>(TAGS.map((t, i) => [t, i]));
  tagIndex.set('<s>', START);
  for (const [f, w] of weights) {
    if (!f.startsWith('t-1w=')) continue;
    const bar = f.indexOf('|');
    const prev = tagIndex.get(f.slice(5, bar));
    if (prev === undefined) continue;
    const word = f.slice(bar + 1);
    let h = history.get(word);
    if (!h) history.set(word, (h = new Array<Vec | undefined>(T + 1).fill(undefined)));
    h[prev] = Float64Array.from(w);
  }
  const names = [...TAGS, '<s>'];
  const transitions = new Float64Array((T + 1) * (T + 1) * T);
  for (let p2 = 0; p2 <= T; p2++) {
    for (let p = 0; p <= T; p++) {
      const v = new Float64Array(T);
      addScores(model, [`t-1=${names[p]}`, `t-2t-1=${names[p2]}|${names[p]}`], v);
      transitions.set(v, (p2 * (T + 1) + p) * T);
    }
  }
  const edge = new Float64Array(G * T);
  for (let g = 0; g < G; g++) {
    const v = new Float64Array(T);
    addScores(model, wordGroupFeatures(WORD_GROUPS[g]!, undefined, model.resources), v);
    edge.set(v, g * T);
  }
  const gazetteerPrefixes = new Set<string>();
  for (const phrase of model.resources.gazetteer.keys()) {
    const words = phrase.split(' ');
    for (let k = 2; k <= words.length; k++) gazetteerPrefixes.add(words.slice(0, k).join(' '));
  }
  ix = {
    resources: model.resources,
    gazetteerPrefixes,
    words: new Map(),
    edge,
    wordPairsLeft: pairIndex(weights, 'w-1w='),
    wordPairsRight: pairIndex(weights, 'ww+1='),
    shapePairsLeft: pairIndex(weights, 'ss-1ss='),
    shapePairsRight: pairIndex(weights, 'ssss+1='),
    history,
    transitions,
    marks: new Map(),
  };
  indexes.set(model.weights, ix);
  return ix;
}

function entryOf(model: Model, ix: ModelIndex, word: string): WordEntry {
  let e = ix.words.get(word);
  if (e) return e;
  const res = model.resources;
  const info = infoOf(word, res);
  const groups = new Float64Array(G * T);
  const v = new Float64Array(T);
  for (let g = 0; g < G; g++) {
    v.fill(0);
    addScores(model, wordGroupFeatures(WORD_GROUPS[g]!, word, res), v);
    groups.set(v, g * T);
  }
  e = {
    info,
    groups,
    flags: new Array<Float64Array | undefined>(16).fill(undefined),
    pairAsLeft: ix.wordPairsLeft.get(info.lower),
    pairWithRight: ix.wordPairsRight.get(info.lower),
    shapeAsLeft: ix.shapePairsLeft.get(info.short),
    shapeWithRight: ix.shapePairsRight.get(info.short),
    history: ix.history.get(info.lower),
    gazetteer: res.gazetteer.get(info.lower),
    gazetteerStart: res.gazetteerStarts.has(info.lower),
    startsLetter: STARTS_LETTER.test(word),
    startsUpper: STARTS_UPPER.test(word),
    hasLetter: LETTER.test(word),
    isUpper: word === word.toUpperCase(),
    opener: OPENERS.has(word),
    plain: word === word.toLowerCase() && !DIGIT.test(word),
    stamp: -1,
    evidence: 0,
  };
  if (ix.words.size > CACHE_LIMIT) ix.words.clear();
  ix.words.set(word, e);
  return e;
}

function markWeights(model: Model, ix: ModelIndex, mark: string): Array<Vec | undefined> {
  let m = ix.marks.get(mark);
  if (!m) {
    const get = (f: string) => {
      const w = model.weights.get(f);
      return w && Float64Array.from(w);
    };
    m = [get(mark), get(`-1${mark}`), get(`+1${mark}`)];
    ix.marks.set(mark, m);
  }
  return m;
}

/** Gazetteer marks per token, as gazetteerMarks (features.ts) makes them; null where none. */
function marksOf(entries: readonly WordEntry[], ix: ModelIndex): Array<string[] | null> | null {
  const res = ix.resources;
  const n = entries.length;
  let marks: Array<string[] | null> | null = null;
  const add = (i: number, m: string) => {
    if (!marks) marks = new Array<string[] | null>(n).fill(null);
    (marks[i] ??= []).push(m);
  };
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    if (e.gazetteerStart) {
      // The longest phrase starting here: extend while the words still begin some phrase.
      const longest = Math.min(res.gazetteerMaxLength, n - i);
      let phrase = e.info.lower;
      let found: string[] | undefined;
      let k = 0;
      for (let m = 2; m <= longest; m++) {
        phrase += ' ' + entries[i + m - 1]!.info.lower;
        if (!ix.gazetteerPrefixes.has(phrase)) break;
        const classes = res.gazetteer.get(phrase);
        if (classes) [found, k] = [classes, m];
      }
      if (found) {
        for (const c of found) {
          add(i, `gB=${c}`);
          for (let j = 1; j < k; j++) add(i + j, `gI=${c}`);
        }
        continue;
      }
    }
    if (e.gazetteer) for (const c of e.gazetteer) add(i, `g=${c}`);
  }
  return marks;
}

function addInto(s: Float64Array, w: Float64Array): void {
  for (let t = 0; t < T; t++) s[t] = s[t]! + w[t]!;
}

/** What every token of one sentence shares when it is scored. */
interface SentenceContext {
  entries: readonly WordEntry[];
  /** The sentence is set in capitals (case then says nothing). */
  caps: boolean;
  marks: Array<string[] | null> | null;
  doc: DocumentEvidence;
}

function sentenceContext(
  ix: ModelIndex,
  entries: readonly WordEntry[],
  doc: DocumentEvidence,
): SentenceContext {
  let upper = 0;
  let lower = 0;
  for (const e of entries) {
    if (!e.hasLetter) continue;
    if (e.isUpper) upper++;
    else lower++;
  }
  return { entries, caps: upper >= 2 && upper > lower * 3, marks: marksOf(entries, ix), doc };
}

/** The static (tag-independent) scores of token i, into s[0, T). */
function tokenScores(model: Model, ix: ModelIndex, c: SentenceContext, i: number, s: Vec): void {
  const { entries, marks } = c;
  const n = entries.length;
  const x = entries[i]!;
  const l = i > 0 ? entries[i - 1]! : null;
  const r = i + 1 < n ? entries[i + 1]! : null;
  const gl = l ? l.groups : ix.edge;
  const gr = r ? r.groups : ix.edge;
  const gl2 = i > 1 ? entries[i - 2]!.groups : ix.edge;
  const gr2 = i + 2 < n ? entries[i + 2]!.groups : ix.edge;
  const first = i === 0 || l!.opener;
  if (x.stamp !== stamp) {
    x.stamp = stamp;
    x.evidence =
      (c.doc.capitalised.has(x.info.lower) ? 2 : 0) | (c.doc.lower.has(x.info.lower) ? 1 : 0);
  }
  const bits = (c.caps ? 8 : 0) | (first ? 4 : 0) | x.evidence;
  let f = x.flags[bits];
  if (!f) {
    f = new Float64Array(T);
    const flags = `${bits >> 3}${(bits >> 2) & 1}${(bits >> 1) & 1}${bits & 1}`;
    addScores(model, flagFeatures(x.info, flags), f);
    x.flags[bits] = f;
  }
  // The word groups of the token and its neighbours, and its flags, in one pass.
  const xg = x.groups;
  for (let t = 0; t < T; t++) {
    s[t] = xg[t]! + gl[T + t]! + gr[2 * T + t]! + gl2[3 * T + t]! + gr2[4 * T + t]! + f[t]!;
  }
  // Pairs with the neighbours; "<" and ">" stand for the sentence edges.
  const pl = l ? l.pairAsLeft : ix.wordPairsLeft.get('<');
  let w = pl?.get(x.info.lower);
  if (w) addInto(s, w);
  w = (l ? l.shapeAsLeft : ix.shapePairsLeft.get('<'))?.get(x.info.short);
  if (w) addInto(s, w);
  w = x.pairWithRight?.get(r ? r.info.lower : '>');
  if (w) addInto(s, w);
  w = x.shapeWithRight?.get(r ? r.info.short : '>');
  if (w) addInto(s, w);
  if (marks) {
    for (let d = -1; d <= 1; d++) {
      const ms = marks[i + d];
      if (!ms) continue;
      for (const m of ms) {
        const mw = markWeights(model, ix, m)[d === 0 ? 0 : d < 0 ? 1 : 2];
        if (mw) addInto(s, mw);
      }
    }
  }
}

/** allowed[prev * T + tag]: I-X only after B-X or I-X. */
const ALLOWED = (() => {
  const a = new Uint8Array((T + 1) * T);
  const names = [...TAGS, '<s>'];
  for (let p = 0; p <= T; p++)
    for (let t = 0; t < T; t++)
      a[p * T + t] = !TAGS[t]!.startsWith('I-') || names[p]!.slice(2) === TAGS[t]!.slice(2) ? 1 : 0;
  return a;
})();

/** O, the first tag. */
const OUTSIDE = 0;

/**
 * Greedy decoding, as perceptron.ts decode does, scoring each token as it is reached. A
 * token with no capital letter and no digit right after an O is tagged O unscored: on
 * CoNLL testa 19 of 28,821 lower-case tokens open a name after an O ("al-Aqsa", "division"),
 * most of which have a capital inside. Most tokens of running text are then never scored
 * (entities 27% cheaper; on PolNeAR dev two mentions changed, both stray punctuation the
 * tagger had opened a name with: "@AppleMusic", "” Matthews").
 */
function decode(model: Model, ix: ModelIndex, c: SentenceContext): TaggedSentence {
  const { entries } = c;
  const n = entries.length;
  const tags: string[] = new Array<string>(n);
  const margins: number[] = new Array<number>(n);
  const scores = new Float64Array(T);
  let prev = START;
  let prev2 = START;
  for (let i = 0; i < n; i++) {
    if (prev === OUTSIDE && entries[i]!.plain && !c.marks?.[i]) {
      tags[i] = TAGS[OUTSIDE]!;
      margins[i] = 0;
      prev2 = prev;
      continue;
    }
    tokenScores(model, ix, c, i, scores);
    const hAt = (prev2 * (T + 1) + prev) * T;
    for (let t = 0; t < T; t++) scores[t] = scores[t]! + ix.transitions[hAt + t]!;
    const w = entries[i]!.history?.[prev];
    if (w) for (let t = 0; t < T; t++) scores[t] = scores[t]! + w[t]!;
    let bi = 0;
    let bs = -Infinity;
    for (let t = 0; t < T; t++) {
      if (ALLOWED[prev * T + t] && scores[t]! > bs) {
        bs = scores[t]!;
        bi = t;
      }
    }
    let second = -Infinity;
    for (let t = 0; t < T; t++) {
      if (t !== bi && ALLOWED[prev * T + t] && scores[t]! > second) second = scores[t]!;
    }
    tags[i] = TAGS[bi]!;
    margins[i] = bs - second;
    prev2 = prev;
    prev = bi;
  }
  return { tags, margins };
}

/** Numbers each tagDocument call, for the per-document facts cached on word entries. */
let stamp = 0;

/** BIO tags for every token of every sentence; the whole document informs the features. */
export function tagDocument(model: Model, sentences: readonly string[][]): TaggedSentence[] {
  stamp++;
  const ix = indexOf(model);
  // A document repeats its words: a small map of its own stays in cache, the model's does not.
  const local = new Map<string, WordEntry>();
  const entries = sentences.map((words) =>
    words.map((w) => {
      let e = local.get(w);
      if (!e) local.set(w, (e = entryOf(model, ix, w)));
      return e;
    }),
  );
  const doc = evidenceOf(sentences, entries);
  return entries.map((es) => decode(model, ix, sentenceContext(ix, es, doc)));
}

/** documentEvidence (features.ts) from the cached word facts. */
function evidenceOf(
  sentences: readonly string[][],
  entries: readonly WordEntry[][],
): DocumentEvidence {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (let si = 0; si < sentences.length; si++) {
    const words = sentences[si]!;
    const es = entries[si]!;
    let up = 0;
    let low = 0;
    for (const e of es) {
      if (!e.hasLetter) continue;
      if (e.isUpper) up++;
      else low++;
    }
    if (up >= 2 && up > low * 3) continue;
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      if (!e.startsLetter) continue;
      if (e.startsUpper) {
        if (!(i === 0 || es[i - 1]!.opener)) capitalised.add(e.info.lower);
      } else lower.add(words[i]!);
    }
  }
  return { capitalised, lower };
}

/** Training examples for one labelled document. */
export function trainingSentences(
  resources: TaggerResources,
  doc: ReadonlyArray<{ words: string[]; tags: string[] }>,
): TrainingSentence[] {
  const evidence = documentEvidence(doc.map((s) => s.words));
  return doc.map((s) => ({
    feats: sentenceFeatures(s.words, resources, evidence),
    lower: s.words.map((w) => w.toLowerCase()),
    gold: s.tags,
  }));
}
