/**
 * Trains the shipped English entity tagger and writes models/ner-en.json.
 *
 *   npm run build && node dist/bench/train-ner.js
 *
 * Labelled data: ../shared/data/conll2003/eng.testa (the only CoNLL split we have; only
 * the learnt weights are written, never its text). Resources (gazetteers, capitalisation
 * statistics, word clusters) come from the compromise lexicon and unlabelled news text.
 * bench/ner.ts reports the honest (cross-validated) score of this recipe.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_PATH, modelToFile, resourcesFrom } from '../src/3-analyse/entities/model.js';
import { readConll } from './lib/conll.js';
import { buildResources } from './lib/ner-resources.js';
import { train } from './lib/ner-train.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(REPO_ROOT, '..', 'shared', 'data');

const t0 = Date.now();
const files = buildResources(REPO_ROOT, DATA);
const resources = resourcesFrom(files);
console.log(
  `resources: ${resources.gazetteer.size} gazetteer phrases, ${resources.capitalisation.size} capitalisation entries, ${resources.clusters.size} clustered words (${Date.now() - t0} ms)`,
);
const docs = readConll(join(DATA, 'conll2003', 'eng.testa'));
const model = train(docs, resources);
const file = modelToFile(model, files, 'conll2003 eng.testa (all 216 documents)');
mkdirSync(dirname(DEFAULT_MODEL_PATH), { recursive: true });
writeFileSync(DEFAULT_MODEL_PATH, JSON.stringify(file));
console.log(
  `wrote ${DEFAULT_MODEL_PATH}: ${Object.keys(file.weights).length} features (${Date.now() - t0} ms)`,
);
