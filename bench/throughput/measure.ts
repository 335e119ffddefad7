/**
 * The throughput and scaling benchmark: one generated stream, prefixes of 1k/10k/100k
 * articles, each variant in a fresh process on a fresh SQLite file, a same-run baseline,
 * and a CPU profile of one run summarised by stage.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { median } from '../lib/stats.js';
import { writeStream, type StreamManifest } from '../generate/write.js';
import { summariseProfiles, type ProfileSummary } from './profile.js';
import type { RunResult, Stage } from './run-one.js';

export interface ThroughputOptions {
  /** Stream sizes (articles); every size is a prefix of the largest. */
  sizes: number[];
  threads: number[];
  /** Measured runs per size (the largest sizes run fewer times). */
  runs: (size: number) => number;
  /** Thread counts to run at a size (the largest runs only the default). */
  threadsAt: (size: number) => number[];
  profileArticles: number;
  seed: number;
  outlets: number;
  warmupArticles: number;
  outDir: string;
  log: (line: string) => void;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export interface VariantResult {
  size: number;
  threads: number;
  articlesPerSecond: Spread;
  cpuMsPerArticle: Spread;
  /** Median ms per article by stage (1 thread only). */
  stages: Partial<Record<Stage, number>>;
  peakRssMB: number;
  /** Per-article ms in arrival windows (from the median run) and their least-squares slope. */
  windows: RunResult['windows'];
  slopeMsPer10k: number;
  fractionOfBaseline: number;
  stories: number;
  added: number;
  duplicates: number;
  failed: number;
  loadAverage: number;
}

export interface ThroughputReport {
  stream: StreamManifest & { dir: string };
  warmup: string;
  baseline: Array<{ size: number; articlesPerSecond: Spread; peakRssMB: number }>;
  variants: VariantResult[];
  profile: (ProfileSummary & { articles: number; threads: number }) | null;
}

export function spread(values: number[]): Spread {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values,
  };
}

/** Least-squares slope of ms/article against articles already stored, per 10,000 articles. */
export function slopePer10k(windows: RunResult['windows']): number {
  const pts = windows.map((w) => ({ x: (w.from + w.to) / 2, y: w.msPerArticle }));
  if (pts.length < 2) return 0;
  const mx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
  const my = pts.reduce((s, p) => s + p.y, 0) / pts.length;
  const sxx = pts.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = pts.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  return sxx ? (sxy / sxx) * 10_000 : 0;
}

function runOne(script: string, args: string[]): RunResult {
  const out = execFileSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as RunResult;
}

export async function runThroughput(o: ThroughputOptions): Promise<ThroughputReport> {
  const script = new URL('./run-one.js', import.meta.url).pathname;
  const largest = Math.max(...o.sizes);
  const dir = join(o.outDir, 'streams', `s${o.seed}-m${o.outlets}-n${largest}`);
  const warmDir = join(o.outDir, 'streams', `s${o.seed + 1000}-m${o.outlets}-n${o.warmupArticles}`);
  o.log(`generating ${largest} articles (seed ${o.seed}, ${o.outlets} outlets) in ${dir}`);
  const manifest = writeStream(dir, { seed: o.seed, outlets: o.outlets, articles: largest });
  writeStream(warmDir, { seed: o.seed + 1000, outlets: o.outlets, articles: o.warmupArticles });
  const dbDir = join(o.outDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const baseline: ThroughputReport['baseline'] = [];
  const variants: VariantResult[] = [];
  for (const size of [...o.sizes].sort((a, b) => a - b)) {
    const runs = o.runs(size);
    const base = Array.from({ length: runs }, () =>
      runOne(script, ['--stream', dir, '--articles', String(size), '--baseline']),
    );
    const baseRate = spread(base.map((r) => r.articlesPerSecond));
    baseline.push({
      size,
      articlesPerSecond: baseRate,
      peakRssMB: Math.max(...base.map((r) => r.maxRssMB)),
    });
    o.log(`baseline ${size}: ${baseRate.median.toFixed(0)} articles/s (read + split into words)`);
    for (const threads of o.threadsAt(size)) {
      const results: RunResult[] = [];
      const load: number[] = [];
      for (let r = 0; r < runs; r++) {
        const db = join(dbDir, `run-${size}-t${threads}.db`);
        results.push(
          runOne(script, [
            '--stream',
            dir,
            '--articles',
            String(size),
            '--threads',
            String(threads),
            '--db',
            db,
            '--warmup',
            warmDir,
            '--warmup-articles',
            String(o.warmupArticles),
          ]),
        );
        load.push(loadavg()[0]!);
        for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
        const last = results[results.length - 1]!;
        o.log(
          `  ${size} articles, ${threads} thread(s), run ${r + 1}/${runs}: ${last.articlesPerSecond.toFixed(1)} articles/s, ${last.cpuMsPerArticle.toFixed(2)} CPU ms/article, peak RSS ${last.maxRssMB.toFixed(0)} MB`,
        );
      }
      const rate = spread(results.map((r) => r.articlesPerSecond));
      const mid = [...results].sort((a, b) => a.articlesPerSecond - b.articlesPerSecond)[
        Math.floor(results.length / 2)
      ]!;
      const stages: VariantResult['stages'] = {};
      for (const stage of Object.keys(mid.stages) as Stage[])
        stages[stage] = median(results.map((r) => r.stages[stage] ?? 0));
      variants.push({
        size,
        threads,
        articlesPerSecond: rate,
        cpuMsPerArticle: spread(results.map((r) => r.cpuMsPerArticle)),
        stages,
        peakRssMB: Math.max(...results.map((r) => r.maxRssMB)),
        windows: mid.windows,
        slopeMsPer10k: slopePer10k(mid.windows),
        fractionOfBaseline: rate.median / baseRate.median,
        stories: mid.stories,
        added: mid.added,
        duplicates: mid.duplicates,
        failed: mid.failed,
        loadAverage: median(load),
      });
    }
  }
  let profile: ThroughputReport['profile'] = null;
  if (o.profileArticles > 0) {
    const profDir = join(o.outDir, 'profile');
    rmSync(profDir, { recursive: true, force: true });
    const n = Math.min(o.profileArticles, largest);
    o.log(`profiling ${n} articles, 1 thread (V8 CPU profiler, warm-up excluded)`);
    runOne(script, [
      '--stream',
      dir,
      '--articles',
      String(n),
      '--threads',
      '1',
      '--db',
      join(dbDir, 'profile.db'),
      '--warmup',
      warmDir,
      '--warmup-articles',
      String(o.warmupArticles),
      '--profile-dir',
      profDir,
    ]);
    for (const s of ['', '-wal', '-shm']) rmSync(join(dbDir, 'profile.db') + s, { force: true });
    profile = { ...summariseProfiles(profDir), articles: n, threads: 1 };
  }
  return {
    stream: { ...manifest, dir },
    warmup: `each measured process first ingests ${o.warmupArticles} articles of another stream (seed ${o.seed + 1000}) into a separate database; not counted`,
    baseline,
    variants,
    profile,
  };
}
