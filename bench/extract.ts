/**
 * Main-text extraction quality and speed on the Zyte article-extraction benchmark
 * (dev part): ../shared/data/zyte-dev/html/<id>.html.gz + ground-truth.json.
 *
 *   npm run bench:extract
 *   npm run bench:extract -- --worst 15 --data DIR
 *
 * Score (../shared/data/README.md): word 4-shingle precision and recall per page,
 * averaged over pages; F1 from the averages. Speed covers decoding, parsing and
 * extraction, not reading the files from disk.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeHtmlBytes } from '../src/1-ingest/html/charset.js';
import { htmlToArticle } from '../src/1-ingest/html/html-article.js';
import { InputError } from '../src/1-ingest/input-error.js';
import { scorePage, words } from './lib/shingles.js';
import { mean } from './lib/stats.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DATA = resolve(REPO_ROOT, '..', 'shared', 'data', 'zyte-dev');

interface PageResult {
  id: string;
  url: string;
  precision: number;
  recall: number;
  method: string;
  truthWords: number;
  predictedWords: number;
  error: string | null;
}

function parseArgs(argv: string[]): { data: string; worst: number } {
  const o = { data: DEFAULT_DATA, worst: 12 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data') o.data = resolve(argv[++i] ?? '');
    else if (a === '--worst') o.worst = Number(argv[++i]);
    else
      throw new Error(
        `unknown option ${a}\nusage: node dist/bench/extract.js [--data DIR] [--worst N]`,
      );
  }
  return o;
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const truth = JSON.parse(readFileSync(join(options.data, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const ids = Object.keys(truth).sort();
  const pages = ids.map((id) => ({
    id,
    bytes: gunzipSync(readFileSync(join(options.data, 'html', `${id}.html.gz`))),
  }));

  const results: PageResult[] = [];
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const { id, bytes } of pages) {
    const gold = truth[id]!;
    let predicted = '';
    let method = '-';
    let error: string | null = null;
    try {
      const { text } = decodeHtmlBytes(bytes);
      const article = htmlToArticle(text, { origin: id, url: gold.url });
      predicted = article.parsed.text;
      method = article.method;
    } catch (e) {
      error = e instanceof InputError ? e.reason : `internal error: ${(e as Error).message}`;
    }
    const s = scorePage(gold.articleBody, predicted);
    results.push({
      id,
      url: gold.url,
      ...s,
      method,
      truthWords: words(gold.articleBody).length,
      predictedWords: words(predicted).length,
      error,
    });
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU seconds as well as wall time: on a shared machine the wall-clock rate says little.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const precision = mean(results.map((r) => r.precision));
  const recall = mean(results.map((r) => r.recall));
  const f1 = (2 * precision * recall) / (precision + recall);
  const pagesPerSecond = results.length / seconds;
  const methods: Record<string, number> = {};
  for (const r of results) methods[r.method] = (methods[r.method] ?? 0) + 1;

  console.log(`Extraction on ${options.data} (${results.length} pages)`);
  console.log(
    `  precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}`,
  );
  console.log(
    `  ${pagesPerSecond.toFixed(1)} pages/s wall (${seconds.toFixed(2)} s), ${(results.length / cpuSeconds).toFixed(1)} pages per CPU second (${cpuSeconds.toFixed(2)} s)`,
  );
  console.log(
    `  methods: ${Object.entries(methods)
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}`,
  );
  console.log('  anchors (full set): trafilatura 0.958, Readability.js 0.947, best tool 0.970\n');
  console.log(
    `Worst ${options.worst} pages by F1 (why: low precision = extra text kept, low recall = text missed):`,
  );
  const f1Of = (r: PageResult): number =>
    r.precision + r.recall === 0 ? 0 : (2 * r.precision * r.recall) / (r.precision + r.recall);
  for (const r of [...results].sort((a, b) => f1Of(a) - f1Of(b)).slice(0, options.worst)) {
    const why = r.error ?? (r.precision < r.recall ? 'extra text kept' : 'text missed');
    console.log(
      `  ${f1Of(r).toFixed(3)}  P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}  ${String(r.predictedWords).padStart(5)}/${String(r.truthWords).padEnd(5)} words  ${r.method.padEnd(13)} ${why.padEnd(16)} ${r.id.slice(0, 10)} ${r.url}`,
    );
  }
  console.log(
    `RESULT ${JSON.stringify({ f1: round(f1), precision: round(precision), recall: round(recall), pages: results.length, pagesPerSecond: round(pagesPerSecond, 1), pagesPerCpuSecond: round(results.length / cpuSeconds, 1), failed: results.filter((r) => r.error).length })}`,
  );
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

main();
