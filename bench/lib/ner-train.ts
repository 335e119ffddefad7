/** Training and scoring helpers shared by bench/train-ner.ts and bench/ner.ts. */
import type { TaggerResources } from '../../src/3-analyse/entities/features.js';
import {
  trainPerceptron,
  type PerceptronWeights,
} from '../../src/3-analyse/entities/perceptron.js';
import { tagDocument, trainingSentences } from '../../src/3-analyse/entities/tagger.js';
import { f1, scoreSentence, type ConllDocument, type TypeScore } from './conll.js';

export const EPOCHS = 16;

export function train(
  docs: readonly ConllDocument[],
  resources: TaggerResources,
  epochs = EPOCHS,
): PerceptronWeights {
  return trainPerceptron(
    docs.flatMap((d) => trainingSentences(resources, d)),
    epochs,
  );
}

export function evaluate(
  model: PerceptronWeights,
  resources: TaggerResources,
  docs: readonly ConllDocument[],
  into = new Map<string, TypeScore>(),
): Map<string, TypeScore> {
  for (const doc of docs) {
    const tagged = tagDocument(
      { ...model, resources },
      doc.map((s) => s.words),
    );
    doc.forEach((s, i) => scoreSentence(s.tags, tagged[i]!.tags, into));
  }
  return into;
}

export function scoreTable(
  scores: Map<string, TypeScore>,
): Record<string, { precision: number; recall: number; f1: number }> {
  const out: Record<string, { precision: number; recall: number; f1: number }> = {};
  for (const k of ['PER', 'ORG', 'LOC', 'MISC', 'ALL'])
    out[k] = f1(scores.get(k) ?? { tp: 0, fp: 0, fn: 0 });
  return out;
}

export function printTable(label: string, scores: Map<string, TypeScore>): void {
  console.log(label);
  for (const [k, s] of Object.entries(scoreTable(scores))) {
    const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
    console.log(`  ${k.padEnd(5)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  }
}
