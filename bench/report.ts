/**
 * The benchmark report: throughput and scaling on a generated stream, plus every task's
 * quality bench that exists, in one Markdown and one JSON file.
 *
 *   npm run bench               # 1k, 10k, 100k articles (long: run it rarely)
 *   npm run bench -- --quick    # a small stream, a couple of minutes at most on an idle machine
 *
 * Writes bench/out/report.md and bench/out/report.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectQuality } from './report/quality.js';
import { renderMarkdown, verdict, type BenchReport } from './report/markdown.js';
import { OUT_DIR, REPO_ROOT, throughputOptions } from './throughput.js';
import { runThroughput } from './throughput/measure.js';

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const log = (s: string) => console.log(s);
  const start = loadavg();
  const date = new Date().toISOString();
  const commit = gitCommit(); // before the long runs: what was built is what is measured
  const throughput = argv.includes('--no-throughput')
    ? null
    : await runThroughput(throughputOptions(argv, log));
  const quality = argv.includes('--no-quality')
    ? []
    : collectQuality(dirname(fileURLToPath(import.meta.url)), {
        timeoutMs: (quick ? 3 : 15) * 60_000,
        log,
      });
  const report: BenchReport = {
    schemaVersion: 1,
    mode: quick ? 'quick' : 'full',
    machine: {
      date,
      commit,
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown CPU',
      cores: availableParallelism(),
      memoryGB: totalmem() / 1024 ** 3,
      os: `${type()} ${release()}`,
      loadAverage: { start, end: loadavg() },
    },
    throughput,
    quality,
    target: throughput ? verdict(throughput) : null,
  };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  const md = renderMarkdown(report);
  writeFileSync(join(OUT_DIR, 'report.md'), md);
  console.log('');
  console.log(md);
  console.log(`wrote ${join('bench', 'out', 'report.md')} and report.json`);
}

await main();
