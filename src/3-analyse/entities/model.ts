/**
 * The shipped English tagger model: perceptron weights plus the resources its features
 * read (gazetteers, capitalisation statistics, word clusters), in one JSON file written by
 * bench/train-ner.ts (`node dist/bench/train-ner.js`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TaggerResources } from './features.js';
import { prunedWeights, TAGS, type PerceptronWeights } from './perceptron.js';

export interface TaggerModel extends PerceptronWeights {
  resources: TaggerResources;
}

/** The JSON layout of a model file. */
export interface ModelFile {
  format: 'parallax-ner-1';
  tags: string[];
  /** Weights are stored as integers: weight = value / scale. */
  scale: number;
  /** Feature → its weights, one per tag (TAGS order). */
  weights: Record<string, number[]>;
  gazetteer: Record<string, string[]>;
  capitalisation: Record<string, string[]>;
  clusters: Record<string, string[]>;
  trainedOn: string;
}

export const DEFAULT_MODEL_PATH = fileURLToPath(
  new URL('../../../../models/ner-en.json', import.meta.url),
);

/** Builds lookup maps from plain class → words lists. */
export function resourcesFrom(
  file: Pick<ModelFile, 'gazetteer' | 'capitalisation' | 'clusters'>,
): TaggerResources {
  const gazetteer = new Map<string, string[]>();
  let gazetteerMaxLength = 1;
  const gazetteerStarts = new Set<string>();
  for (const [cls, phrases] of Object.entries(file.gazetteer)) {
    for (const p of phrases) {
      const list = gazetteer.get(p);
      if (list) {
        if (!list.includes(cls)) list.push(cls);
      } else gazetteer.set(p, [cls]);
      const words = p.split(' ');
      gazetteerMaxLength = Math.max(gazetteerMaxLength, words.length);
      if (words.length > 1) gazetteerStarts.add(words[0]!);
    }
  }
  const invert = (rec: Record<string, string[]>) => {
    const m = new Map<string, string>();
    for (const [k, words] of Object.entries(rec)) for (const w of words) m.set(w, k);
    return m;
  };
  return {
    gazetteer,
    gazetteerMaxLength,
    gazetteerStarts,
    capitalisation: invert(file.capitalisation),
    clusters: invert(file.clusters),
  };
}

export function modelFromFile(file: ModelFile): TaggerModel {
  if (file.format !== 'parallax-ner-1' || file.tags.join() !== TAGS.join()) {
    throw new Error(`entity model: unsupported format ${String(file.format)} or tag set`);
  }
  const weights = new Map<string, Float32Array>();
  for (const [f, w] of Object.entries(file.weights)) {
    weights.set(
      f,
      Float32Array.from(w, (v) => v / file.scale),
    );
  }
  return { weights, resources: resourcesFrom(file) };
}

/** Serialises weights, dropping features whose every weight is below `prune` in magnitude. */
export function modelToFile(
  model: PerceptronWeights,
  resources: Pick<ModelFile, 'gazetteer' | 'capitalisation' | 'clusters'>,
  trainedOn: string,
  prune = 0.01,
  scale = 1000,
): ModelFile {
  const weights = prunedWeights(model.weights, prune, scale);
  return { format: 'parallax-ner-1', tags: TAGS, scale, weights, ...resources, trainedOn };
}

let cached: TaggerModel | null = null;

/** The shipped model, read once. */
export function defaultModel(): TaggerModel {
  if (!cached) {
    let file: ModelFile;
    try {
      file = JSON.parse(readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as ModelFile;
    } catch (e) {
      throw new Error(
        `entity model: cannot read ${DEFAULT_MODEL_PATH} (run node dist/bench/train-ner.js): ${(e as Error).message}`,
      );
    }
    cached = modelFromFile(file);
  }
  return cached;
}
