/**
 * Named-entity quality and speed.
 *
 *   npm run bench:ner                 English: CoNLL-2003 eng.testa
 *   npm run bench:ner -- --lang ru    Russian: factRuEval-2016 devset
 *
 * English headline: document-level k-fold cross-validation on eng.testa (each fold is
 * scored by a model trained only on the other folds' documents, with the same recipe as
 * bench/train-ner.ts). The shipped model (models/ner-en.json) was trained on all of
 * eng.testa, so its score on it is printed separately, labelled as trained-on-this-set.
 * Exact-span F1 per type (PER/ORG/LOC/MISC) and overall. Speed: extractEntities on real
 * articles (PolNeAR dev texts), ms per article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../src/3-analyse/sentences.js';
import { extractEntities } from '../src/3-analyse/entities/extract-entities.js';
import { defaultModel } from '../src/3-analyse/entities/model.js';
import { readConll, type TypeScore } from './lib/conll.js';
import { evaluate, printTable, scoreTable, train } from './lib/ner-train.js';
import { benchRussian } from './lib/ner-russian.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(REPO_ROOT, '..', 'shared', 'data');
const FOLDS = 5;

/** A fixed CPU workload (ms): tells a busy machine from a slow tagger when reading the speed numbers. */
function calibration(): number {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 50_000_000; i++) x = (x + i * 7) % 1_000_003;
  if (x < 0) console.log(x);
  return performance.now() - t0;
}

/**
 * extractEntities over real articles. Wall time suffers on a shared machine, so CPU time
 * of this process (user + system) is reported beside it.
 */
function speed(): {
  msPerArticle: number;
  msPer4kB: number;
  cpuMsPerArticle: number;
  cpuMsPer4kB: number;
  articles: number;
} {
  const dir = join(DATA, 'polnear', 'dev', 'text');
  const texts = readdirSync(dir)
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const inputs = texts.map((text) => ({ text, sentences: splitSentences(text) }));
  extractEntities(inputs[0]!.text, inputs[0]!.sentences, { language: 'en' }); // load the model
  const rounds = 2;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let chars = 0;
  for (let r = 0; r < rounds; r++) {
    for (const { text, sentences } of inputs) {
      extractEntities(text, sentences, { language: 'en' });
      chars += text.length;
    }
  }
  const ms = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  const cpuMs = (c.user + c.system) / 1000;
  const n = inputs.length * rounds;
  return {
    msPerArticle: ms / n,
    msPer4kB: (ms / chars) * 4096,
    cpuMsPerArticle: cpuMs / n,
    cpuMsPer4kB: (cpuMs / chars) * 4096,
    articles: inputs.length,
  };
}

function english(): void {
  const docs = readConll(join(DATA, 'conll2003', 'eng.testa'));
  const shipped = defaultModel();
  const cv = new Map<string, TypeScore>();
  const t0 = performance.now();
  for (let k = 0; k < FOLDS; k++) {
    const test = docs.filter((_, i) => i % FOLDS === k);
    const rest = docs.filter((_, i) => i % FOLDS !== k);
    evaluate(train(rest, shipped.resources), shipped.resources, test, cv);
  }
  const cvMs = performance.now() - t0;
  printTable(
    `CoNLL-2003 eng.testa, ${docs.length} documents, ${FOLDS}-fold document-level cross-validation (HEADLINE):`,
    cv,
  );
  const self = evaluate(shipped, shipped.resources, docs);
  printTable(
    'Shipped model (models/ner-en.json) — TRAINED ON THIS SET, not an honest score:',
    self,
  );
  const s = speed();
  console.log(
    `speed: extractEntities ${s.msPerArticle.toFixed(2)} ms/article wall, ${s.msPer4kB.toFixed(2)} ms per 4 KB; CPU ${s.cpuMsPerArticle.toFixed(2)} ms/article, ${s.cpuMsPer4kB.toFixed(2)} ms per 4 KB (${s.articles} PolNeAR dev articles, twice); cross-validation ${(cvMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `calibration: a fixed 5e7-step loop took ${calibration().toFixed(0)} ms (compare runs by this: the times above scale with machine load)`,
  );
  const t = scoreTable(cv);
  const r = (x: number) => Math.round(x * 1000) / 10;
  console.log(
    'RESULT ' +
      JSON.stringify({
        f1: r(t.ALL!.f1),
        per: r(t.PER!.f1),
        org: r(t.ORG!.f1),
        loc: r(t.LOC!.f1),
        misc: r(t.MISC!.f1),
        trainedOnSetF1: r(scoreTable(self).ALL!.f1),
        msPerArticle: Math.round(s.msPerArticle * 100) / 100,
        cpuMsPer4kB: Math.round(s.cpuMsPer4kB * 100) / 100,
      }),
  );
}

const lang = process.argv.includes('--lang')
  ? process.argv[process.argv.indexOf('--lang') + 1]
  : 'en';
if (lang === 'ru') benchRussian(join(DATA, 'factruEval', 'devset'));
else english();
