import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultModel } from '../src/3-analyse/entities/model.js';
import { readConll, type TypeScore } from './lib/conll.js';
import { evaluate, printTable, train } from './lib/ner-train.js';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(REPO_ROOT, '..', 'shared', 'data');
const docs = readConll(join(DATA, 'conll2003', 'eng.testa'));
const res = defaultModel().resources;
const cv = new Map<string, TypeScore>();
const folds = Number(process.argv[2] ?? 5), use = Number(process.argv[3] ?? folds), epochs = Number(process.argv[4] ?? 12);
for (let k = 0; k < use; k++) {
  const t0 = Date.now();
  evaluate(train(docs.filter((_, i) => i % folds !== k), res, epochs), res, docs.filter((_, i) => i % folds === k), cv);
  console.log('fold', k, Date.now() - t0);
}
printTable('cv', cv);
