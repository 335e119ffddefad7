/** Runs the statistical tagger over a document given as tokenised sentences. */
import { documentEvidence, sentenceFeatures, type TaggerResources } from './features.js';
import { tagSentence, type PerceptronWeights, type TrainingSentence } from './perceptron.js';

export interface TaggedSentence {
  tags: string[];
  /** Score margin of each chosen tag over the runner-up (a confidence signal). */
  margins: number[];
}

/** BIO tags for every token of every sentence; the whole document informs the features. */
export function tagDocument(
  model: PerceptronWeights & { resources: TaggerResources },
  sentences: readonly string[][],
): TaggedSentence[] {
  const doc = documentEvidence(sentences);
  return sentences.map((words) =>
    tagSentence(
      model,
      sentenceFeatures(words, model.resources, doc),
      words.map((w) => w.toLowerCase()),
    ),
  );
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
