/**
 * A learnt second opinion on cues: an averaged perceptron (entities/perceptron.ts) that reads
 * the words around a candidate token and says whether it is (part of) the Cue of an
 * attribution. Candidates are the rule lexicon's words plus the cue words mined from PolNeAR
 * train (stance nouns and verbs the lexicon lacks: "accusations", "criticism", "insisted",
 * "urging"). Trained by bench/train-attribution.ts into models/cue-en.json.
 *
 * The model only decides cue tokens; find-frames.ts attaches Source and Content to a learnt
 * cue with the same rules as to a lexicon verb, and drops lexicon cues the model rejects.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { staticScores, type PerceptronWeights } from '../entities/perceptron.js';
import type { ClauseToken } from './clause-tokens.js';
import { cueClass } from './cue-lexicon.js';

export const CUE_TAGS = ['O', 'CUE'] as const;

export interface CueModel extends PerceptronWeights {
  /** Lower-cased words, besides the lexicon's, that may be a cue. */
  vocab: Set<string>;
  /** Summed weights of each word's own features, filled as words are met. */
  wordScores: Map<string, Float64Array>;
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

/** Features of candidate token i in its context. */
export function contextFeatures(tokens: readonly ClauseToken[], i: number): string[] {
  const t = tokens[i]!;
  const st = stem(t.lower);
  const word = (k: number) => {
    const x = tokens[k];
    return !x ? '<s>' : x.quoted ? 'Q' : x.lower;
  };
  const p1 = shape(tokens[i - 1]);
  const n1 = shape(tokens[i + 1]);
  const p2 = shape(tokens[i - 2]);
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
  return [
    `p1=${word(i - 1)}`,
    `n1=${word(i + 1)}`,
    `p1st=${word(i - 1)}|${st}`,
    `stn1=${st}|${word(i + 1)}`,
    `psns=${p1}|${n1}`,
    `p2s=${p2}|${p1}`,
    `ns2=${n1}|${shape(tokens[i + 2])}`,
    `st|ns=${st}|${n1}`,
    `st|ps=${st}|${p1}`,
    `ahead=${ahead}|${n1}`,
    `st|ahead=${st}|${ahead}`,
    `behind=${behind}|${p1}`,
    `cap=${t.capital}|${i === 0 || !tokens[i - 1]!.isWord}`,
  ];
}

/** All static features of candidate token i (for training). */
export function cueFeatures(tokens: readonly ClauseToken[], i: number): string[] {
  return [...wordFeatures(tokens[i]!.lower), ...contextFeatures(tokens, i)];
}

/**
 * The model's margin for candidate token i (positive: a cue). Each candidate is scored on its
 * own (trained as a one-token sequence), so callers score only the candidates they ask about.
 */
export function cueMargin(model: CueModel, tokens: readonly ClauseToken[], i: number): number {
  const w = tokens[i]!.lower;
  let own = model.wordScores.get(w);
  if (!own) {
    // The word's own features plus the start-of-sequence history the tagger adds in training.
    own = staticScores(model, [...wordFeatures(w), ...historyFeatures(w)]);
    model.wordScores.set(w, own);
  }
  const s = staticScores(model, contextFeatures(tokens, i));
  return s[1]! + own[1]! - (s[0]! + own[0]!);
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
  const weights: Record<string, number[]> = {};
  for (const [f, w] of model.weights) {
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    if (max < prune) continue;
    weights[f] = Array.from(w, (v) => Math.round(v * scale));
  }
  return {
    format: 'parallax-cue-1',
    tags: [...CUE_TAGS],
    scale,
    vocab: [...model.vocab].sort(),
    weights,
    trainedOn,
  };
}

let cached: CueModel | null | undefined;

/** The shipped model, read once; null (rules only) when the file is missing. */
export function defaultCueModel(): CueModel | null {
  if (cached === undefined) {
    try {
      cached = cueModelFromFile(
        JSON.parse(readFileSync(DEFAULT_CUE_MODEL_PATH, 'utf8')) as CueModelFile,
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      cached = null;
    }
  }
  return cached;
}
