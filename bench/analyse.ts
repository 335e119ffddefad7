/**
 * CPU cost of the analysis stage alone, per sub-stage: clean, language, sentences,
 * NER tokens, entities (tagging and resolution), quotes, time. Runs over generated
 * articles (bench/generate, seeded) and the seeds; the first run warms up and is not counted.
 *
 *   node dist/bench/analyse.js [--articles 300] [--runs 5] [--seed 1]
 *
 * Measures process CPU time (user + system), not wall time: the machine may be shared.
 * Prints the median ms/article of each sub-stage over the runs with min–max, and a
 * `RESULT {json}` line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseTextArticle } from '../src/1-ingest/text-metadata.js';
import { clean } from '../src/2-clean/clean.js';
import { analyseArticle, contentText } from '../src/3-analyse/analyse.js';
import { extractEntities } from '../src/3-analyse/entities/extract-entities.js';
import { documentTokens } from '../src/3-analyse/entities/names.js';
import { detectLanguage } from '../src/3-analyse/language.js';
import { extractQuotes } from '../src/3-analyse/quotes/extract-quotes.js';
import { splitSentences } from '../src/3-analyse/sentences.js';
import { extractTimes } from '../src/3-analyse/time/extract-times.js';
import type { ParsedArticle } from '../src/types.js';
import { SEEDS } from '../test/paths.js';
import { articleFile, generateStream } from './generate/stream.js';

const STAGES = ['clean', 'language', 'sentences', 'tokens', 'entities', 'quotes', 'time'] as const;
type Stage = (typeof STAGES)[number];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function corpus(articles: number, seed: number): ParsedArticle[] {
  const out: ParsedArticle[] = [];
  for (const a of generateStream({ articles, seed })) {
    out.push(parseTextArticle(articleFile(a), { origin: a.id, fileYear: 2024 }));
  }
  try {
    for (const f of readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const raw = readFileSync(join(SEEDS, f), 'utf8');
      out.push(parseTextArticle(raw, { origin: f, fileYear: 2025 }));
    }
  } catch {
    // No seeds next to the repository: generated articles only.
  }
  return out;
}

/** One pass over the corpus, timing each sub-stage as analyseArticle runs them. */
function stagedRun(docs: readonly ParsedArticle[]): Record<Stage, number> & { total: number } {
  const sums = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const p of docs) {
    let t = cpuMs();
    const lap = (s: Stage) => {
      const now = cpuMs();
      sums[s] += now - t;
      t = now;
    };
    const artifacts = clean(p.text);
    lap('clean');
    const hinted = p.meta.headers.language;
    const detected = detectLanguage(contentText(p.text, artifacts));
    const language = hinted ? hinted.toLowerCase().slice(0, 2) : detected.code;
    lap('language');
    const sentences = splitSentences(p.text, artifacts, language);
    lap('sentences');
    documentTokens(p.text, sentences);
    lap('tokens');
    const { entities, mentions } = extractEntities(p.text, sentences, { language });
    lap('entities');
    extractQuotes(p.text, sentences, { language, mentions, entities });
    lap('quotes');
    extractTimes(p.text, sentences, { published: p.meta.published.value, language });
    lap('time');
  }
  const per = Object.fromEntries(STAGES.map((s) => [s, sums[s] / docs.length])) as Record<
    Stage,
    number
  >;
  // Entities tokenise again inside; report tagging + resolution without the tokens pass.
  per.entities = Math.max(0, per.entities - per.tokens);
  return { ...per, total: STAGES.reduce((a, s) => a + per[s], 0) };
}

/** analyseArticle as the pipeline calls it. */
function wholeRun(docs: readonly ParsedArticle[]): number {
  const t = cpuMs();
  for (const p of docs) analyseArticle(p);
  return (cpuMs() - t) / docs.length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '300' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
const docs = corpus(Number(values.articles), Number(values.seed));
const runs = Number(values.runs);
wholeRun(docs); // warm-up: JIT, model load, caches
const staged: Array<Record<string, number>> = [];
const whole: number[] = [];
for (let r = 0; r < runs; r++) {
  staged.push(stagedRun(docs));
  whole.push(wholeRun(docs));
}
const result: Record<string, { median: number; min: number; max: number }> = {};
for (const s of [...STAGES, 'total']) {
  const xs = staged.map((x) => x[s]!);
  result[s] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}
result.analyseArticle = { median: median(whole), min: Math.min(...whole), max: Math.max(...whole) };
const f = (x: number) => x.toFixed(3).padStart(7);
console.log(`${docs.length} articles, ${runs} runs after a warm-up; CPU ms/article`);
console.log(`${'stage'.padEnd(15)} median     min     max`);
for (const [s, v] of Object.entries(result)) {
  console.log(`${s.padEnd(15)}${f(v.median)} ${f(v.min)} ${f(v.max)}`);
}
console.log(
  `RESULT ${JSON.stringify({
    articles: docs.length,
    runs,
    msPerArticle: Object.fromEntries(
      Object.entries(result).map(([k, v]) => [k, Number(v.median.toFixed(4))]),
    ),
    articlesPerSecond: Number((1000 / result.analyseArticle.median).toFixed(1)),
  })}`,
);
