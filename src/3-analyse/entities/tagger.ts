/** Runs the statistical tagger over a document given as tokenised sentences. */
import {
  documentEvidence,
  flagFeatures,
  pairLeftFeatures,
  pairRightFeatures,
  sentenceFeatures,
  sentenceParts,
  infoOf,
  WORD_GROUPS,
  wordGroupFeatures,
  type TaggerResources,
  type WordInfo,
} from './features.js';
import { addScores, decode, type PerceptronWeights, type TrainingSentence } from './perceptron.js';

export interface TaggedSentence {
  tags: string[];
  /** Score margin of each chosen tag over the runner-up (a confidence signal). */
  margins: number[];
}

type Model = PerceptronWeights & { resources: TaggerResources };

interface WordEntry {
  info: WordInfo;
  /** Summed weights of the word's features in each word group (WORD_GROUPS order). */
  groups: Float64Array[];
  /** Summed weights of the position flags' features, keyed by the flags. */
  flags: Map<string, Float64Array>;
}

/** Per model: each word's facts and summed word-group weights (the score is linear, so they cache). */
const caches = new WeakMap<Model, Map<string, WordEntry>>();
const CACHE_LIMIT = 100_000;
const NONE = '\u0000';

function entryOf(model: Model, cache: Map<string, WordEntry>, word: string | undefined): WordEntry {
  const key = word ?? NONE;
  let e = cache.get(key);
  if (!e) {
    e = {
      info: infoOf(word ?? '', model.resources),
      groups: WORD_GROUPS.map((g) => {
        const v = new Float64Array(9);
        // A missing neighbour is a sentence edge; edges are cached under their own keys.
        addScores(model, wordGroupFeatures(g, word, model.resources), v);
        return v;
      }),
      flags: new Map(),
    };
    if (cache.size > CACHE_LIMIT) cache.clear();
    cache.set(key, e);
  }
  return e;
}

/** BIO tags for every token of every sentence; the whole document informs the features. */
export function tagDocument(model: Model, sentences: readonly string[][]): TaggedSentence[] {
  let cache = caches.get(model);
  if (!cache) caches.set(model, (cache = new Map()));
  const c = cache;
  const doc = documentEvidence(sentences);
  const lookup = (w: string) => entryOf(model, c, w).info;
  return sentences.map((words) => {
    const statics = sentenceParts(words, model.resources, doc, lookup).map((p) => {
      const s = new Float64Array(9);
      for (let g = 0; g < WORD_GROUPS.length; g++) {
        const w = p.words[WORD_GROUPS[g]!];
        const v = w === undefined ? edgeScores(model, c, g) : entryOf(model, c, w).groups[g]!;
        for (let t = 0; t < 9; t++) s[t] = s[t]! + v[t]!;
      }
      // Word pairs are too many to cache: look them up directly.
      addScores(model, pairLeftFeatures(p.left, p.self), s);
      addScores(model, pairRightFeatures(p.self, p.right), s);
      const x = entryOf(model, c, p.words.self!);
      let f = x.flags.get(p.flags);
      if (!f) {
        f = new Float64Array(9);
        addScores(model, flagFeatures(p.self, p.flags), f);
        x.flags.set(p.flags, f);
      }
      for (let t = 0; t < 9; t++) s[t] = s[t]! + f[t]!;
      if (p.gazetteer.length) addScores(model, p.gazetteer, s);
      return s;
    });
    return decode(
      model,
      statics,
      words.map((w) => w.toLowerCase()),
    );
  });
}

function edgeScores(model: Model, cache: Map<string, WordEntry>, g: number): Float64Array {
  return entryOf(model, cache, undefined).groups[g]!;
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
