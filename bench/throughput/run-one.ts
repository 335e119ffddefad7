/**
 * One measured ingest run, in a fresh process so its peak RSS is its own:
 *
 *   node dist/bench/throughput/run-one.js --stream DIR --articles N --threads T --db FILE
 *       [--warmup DIR] [--windows K]
 *
 * Threads 1 runs the stages inline and times each one; more threads runs the product's
 * ingestPaths with its worker pool. Either way the store is SQLite on disk, freshly created.
 * A warm-up ingest (another stream, another database) runs first and is not counted; with
 * threads it also starts the worker pool, which the measured ingest reuses (steady state).
 * Both ingests group commits as `parallax ingest` does.
 * Prints one JSON line.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseTextArticle } from '../../src/1-ingest/text-metadata.js';
import { analyseArticle } from '../../src/3-analyse/analyse.js';
import { assignStory } from '../../src/4-cluster/assign.js';
import { clusterFeatures } from '../../src/4-cluster/features.js';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { contentHash } from '../../src/pipeline/content-hash.js';
import { withBulkWrites } from '../../src/pipeline/bulk-writes.js';
import { ingestPaths, readTextInput } from '../../src/pipeline/ingest.js';
import { relationsFor } from '../../src/pipeline/relations.js';
import { textPath } from '../generate/write.js';

export const STAGES = [
  'read',
  'parse',
  'clean+analyse',
  'features',
  'relations',
  'assign',
  'store',
] as const;
export type Stage = (typeof STAGES)[number];

export interface RunResult {
  articles: number;
  threads: number;
  seconds: number;
  articlesPerSecond: number;
  /** CPU time (user + system, all threads) per article: steadier than wall time on a shared machine. */
  cpuMsPerArticle: number;
  /** ms per article by stage (threads 1 only; empty otherwise). */
  stages: Partial<Record<Stage, number>>;
  /** Mean ms per article in consecutive windows of arrival: how cost grows with the store. */
  windows: Array<{ from: number; to: number; msPerArticle: number }>;
  added: number;
  duplicates: number;
  failed: number;
  stories: number;
  maxRssMB: number;
  warmupArticles: number;
}

function files(dir: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => textPath(dir, i));
}

function freshStore(path: string): SqliteStore {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return new SqliteStore(path);
}

/**
 * The inline pipeline, stage by stage: the same calls ingestPaths makes with one thread
 * (storeArticle's near-duplicate relations included).
 */
async function staged(store: SqliteStore, paths: string[], stamp: (i: number) => void) {
  const ms: Record<Stage, number> = {
    read: 0,
    parse: 0,
    'clean+analyse': 0,
    features: 0,
    relations: 0,
    assign: 0,
    store: 0,
  };
  let added = 0;
  let duplicates = 0;
  let failed = 0;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    let t = performance.now();
    const lap = (stage: Stage) => {
      const now = performance.now();
      ms[stage] += now - t;
      t = now;
    };
    try {
      const { raw, context } = await readTextInput(path);
      lap('read');
      const parsed = parseTextArticle(raw, context);
      lap('parse');
      const article = analyseArticle(parsed);
      lap('clean+analyse');
      if (article.sentences.length === 0) throw new Error('no sentences');
      const features = clusterFeatures(article);
      const hash = contentHash(article.text);
      lap('features');
      const links = relationsFor(article, await store.similarArticles(features.bands), hash);
      lap('relations');
      let assignMs = 0;
      const result = await store.addArticle(
        { article, contentHash: hash, raw, features, links },
        (candidates, stats) => {
          const a = performance.now();
          const decision = assignStory(features, candidates, stats);
          assignMs += performance.now() - a;
          return decision;
        },
      );
      lap('store');
      ms.store -= assignMs;
      ms.assign += assignMs;
      if (result.status === 'added') added++;
      else duplicates++;
    } catch {
      failed++;
    }
    stamp(i);
  }
  const stages: Partial<Record<Stage, number>> = {};
  for (const s of STAGES) stages[s] = ms[s] / paths.length;
  return { added, duplicates, failed, stages };
}

/** The baseline: read the same files and split them into words, nothing else. */
async function baseline(paths: string[]): Promise<number> {
  let words = 0;
  for (const path of paths) {
    await stat(path);
    words += new TextDecoder().decode(await readFile(path)).split(/\s+/).length;
  }
  return words;
}

async function main() {
  const { values } = parseArgs({
    options: {
      stream: { type: 'string' },
      articles: { type: 'string' },
      threads: { type: 'string', default: '1' },
      db: { type: 'string' },
      warmup: { type: 'string' },
      'warmup-articles': { type: 'string', default: '200' },
      windows: { type: 'string', default: '10' },
      baseline: { type: 'boolean', default: false },
      'profile-dir': { type: 'string' },
    },
  });
  if (!values.stream || !values.articles || (!values.db && !values.baseline)) {
    console.error(
      'usage: run-one.js --stream DIR --articles N --db FILE [--threads T] [--warmup DIR]',
    );
    process.exit(2);
  }
  const n = Number(values.articles);
  const threads = Number(values.threads);
  const windowCount = Number(values.windows);
  const warmupArticles = values.warmup ? Number(values['warmup-articles']) : 0;
  if (values.warmup && !values.baseline) {
    const warm = freshStore(`${values.db!}.warmup`);
    const paths = files(values.warmup, warmupArticles);
    await withBulkWrites(warm, async () => {
      if (threads <= 1) await staged(warm, paths, () => {});
      else await ingestPaths(warm, paths, { threads });
    });
    await warm.close();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(`${values.db}.warmup${suffix}`, { force: true });
  }
  const paths = files(values.stream, n);
  if (values.baseline) {
    await baseline(paths.slice(0, Math.min(n, 200))); // warm-up, not counted
    const t = performance.now();
    const cpu = process.cpuUsage();
    const words = await baseline(paths);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    console.log(
      JSON.stringify({
        articles: n,
        seconds,
        articlesPerSecond: n / seconds,
        cpuMsPerArticle: (used.user + used.system) / 1000 / n,
        words,
        maxRssMB: process.resourceUsage().maxRSS / 1024,
      }),
    );
    return;
  }
  const store = freshStore(values.db!);
  const done = new Float64Array(n);
  // The V8 CPU profiler (what node --cpu-prof uses), started after the warm-up so
  // start-up and JIT warm-up do not show as pipeline cost.
  const session = values['profile-dir'] ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const stamp = (i: number) => (done[i] = performance.now());
  let counts: { added: number; duplicates: number; failed: number; stages: RunResult['stages'] };
  // Grouped commits, as `parallax ingest` runs.
  if (threads <= 1) counts = await withBulkWrites(store, () => staged(store, paths, stamp));
  else {
    const r = await withBulkWrites(store, () =>
      ingestPaths(store, paths, { threads, onProgress: (p) => stamp(p.done - 1) }),
    );
    counts = {
      added: r.added.length,
      duplicates: r.duplicates.length,
      failed: r.failed.length,
      stages: {},
    };
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(values['profile-dir']!, { recursive: true });
    writeFileSync(join(values['profile-dir']!, 'main.cpuprofile'), JSON.stringify(profile));
    session.disconnect();
  }
  const windows: RunResult['windows'] = [];
  const size = Math.max(1, Math.floor(n / windowCount));
  for (let from = 0; from < n; from += size) {
    const to = Math.min(n, from + size);
    const start = from === 0 ? t0 : done[from - 1]!;
    windows.push({ from, to, msPerArticle: (done[to - 1]! - start) / (to - from) });
  }
  const stories = store.db
    .prepare('SELECT COUNT(*) FROM stories WHERE merged_into IS NULL')
    .pluck()
    .get() as number;
  await store.close();
  const result: RunResult = {
    articles: n,
    threads,
    seconds,
    articlesPerSecond: n / seconds,
    cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / n,
    stages: counts.stages,
    windows,
    added: counts.added,
    duplicates: counts.duplicates,
    failed: counts.failed,
    stories,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    warmupArticles,
  };
  console.log(JSON.stringify(result));
}

await main();
