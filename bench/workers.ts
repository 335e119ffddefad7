/**
 * Throughput of the scale-out path: articles/second with 1, 2 and 4 worker processes against
 * local PostgreSQL, next to the embedded SQLite store doing the same work in one process,
 * and where the workers' time goes.
 *
 *   npm run bench:workers                   # demo corpus + 1,000 generated articles
 *   npm run bench:workers -- --articles 3000 --workers 1,2,4,8
 *
 * PostgreSQL: PARALLAX_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres, the
 * admin database; the bench creates and drops its own databases). The corpus is invented
 * (test/e2e/workers-corpus.ts), so the numbers do not depend on any data set being present.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SqliteStore } from '../src/6-store/sqlite/sqlite-store.js';
import { analyseText, readTextInput, storeArticle } from '../src/pipeline/ingest.js';
import type { ArticleJob } from '../src/queue/jobs.js';
import { QUEUE_SCHEMA } from '../src/queue/queue.js';
import { generateArticles } from '../test/e2e/workers-corpus.js';
import { enqueue } from '../test/e2e/workers-helpers.js';
import { createTestDatabase } from '../test/store/postgres-db.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(REPO_ROOT, 'bin', 'parallax.js');

interface Summary {
  done: number;
  failed: number;
  fetchMs: number;
  idleMs: number;
  analyseMs: number;
  storeMs: number;
  completeMs: number;
  transactions: number;
  lockWaitMs: number;
  lockedMs: number;
}

async function corpus(count: number): Promise<ArticleJob[]> {
  const dir = join(REPO_ROOT, 'demo', 'corpus');
  const jobs: ArticleJob[] = [];
  for (const name of readdirSync(dir).sort()) {
    const { raw, context } = await readTextInput(join(dir, name));
    jobs.push({ kind: 'text', raw, context });
  }
  for (const a of generateArticles(count, 23))
    jobs.push({ kind: 'text', raw: a.raw, context: { origin: a.origin } });
  return jobs;
}

async function sqliteRun(jobs: ArticleJob[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  try {
    const t0 = performance.now();
    for (const j of jobs) await storeArticle(store, analyseText(j.raw, j.context), j.raw);
    return jobs.length / ((performance.now() - t0) / 1000);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function runWorker(url: string): Promise<Summary> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, 'worker', '--database-url', url, '--concurrency', '1', '--until-empty', '--json'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, PARALLAX_WORKER_POLL_MS: '100' },
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.includes('"summary"'));
      if (code !== 0 || !line) reject(new Error(`worker exited with ${code}`));
      else resolveRun(JSON.parse(line).summary as Summary);
    });
  });
}

async function pgRun(jobs: ArticleJob[], workers: number) {
  const db = await createTestDatabase(`bench${workers}`);
  try {
    await enqueue(db.url, jobs);
    const t0 = performance.now();
    const summaries = await Promise.all(Array.from({ length: workers }, () => runWorker(db.url)));
    const wallS = (performance.now() - t0) / 1000;
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    // Processing time from the queue's own clock: first job started to last job completed.
    const span = (
      await c.query(
        `SELECT EXTRACT(EPOCH FROM MAX(completed_on) - MIN(started_on))::float AS s, COUNT(*)::int AS n
           FROM ${QUEUE_SCHEMA}.job WHERE state = 'completed'`,
      )
    ).rows[0] as { s: number; n: number };
    const stored = Number((await c.query('SELECT COUNT(*) AS n FROM articles')).rows[0].n);
    await c.end();
    if (span.n !== jobs.length || stored !== jobs.length)
      throw new Error(
        `${workers} workers: ${span.n} jobs completed, ${stored} stored, of ${jobs.length}`,
      );
    const total = sum(summaries);
    return { workers, perSecond: jobs.length / span.s, wallS, total };
  } finally {
    await db.drop();
  }
}

function sum(summaries: Summary[]): Summary {
  const out = { ...summaries[0]! };
  for (const s of summaries.slice(1))
    for (const k of Object.keys(out) as Array<keyof Summary>) out[k] += s[k];
  return out;
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)}%`.padStart(4);
}

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      workers: { type: 'string', default: '1,2,4' },
    },
  });
  const jobs = await corpus(Number(values.articles));
  const counts = values.workers!.split(',').map(Number);
  console.log(`corpus: ${jobs.length} articles (demo corpus + ${values.articles} generated)`);
  const sqlite = await sqliteRun(jobs);
  console.log(`SQLite, one process:        ${sqlite.toFixed(0).padStart(5)} articles/s`);
  const runs = [];
  for (const n of counts) {
    const r = await pgRun(jobs, n);
    runs.push(r);
    const t = r.total;
    const busy = t.fetchMs + t.analyseMs + t.storeMs + t.completeMs;
    const storeOther = t.storeMs - t.lockWaitMs - t.lockedMs;
    console.log(
      `PostgreSQL, ${n} worker${n > 1 ? 's' : ' '}:       ${r.perSecond.toFixed(0).padStart(5)} articles/s` +
        `  (wall ${r.wallS.toFixed(1)} s incl. process start)`,
    );
    console.log(
      `  worker time: analyse ${pct(t.analyseMs, busy)} · BEGIN + waiting for the lock ${pct(t.lockWaitMs, busy)}` +
        ` · assignment under the lock ${pct(t.lockedMs, busy)} · features+connect ${pct(storeOther, busy)}` +
        ` · queue fetch ${pct(t.fetchMs, busy)} · queue complete ${pct(t.completeMs, busy)}` +
        `  | per article: lock held ${(t.lockedMs / t.transactions).toFixed(1)} ms, analyse ${(t.analyseMs / t.done).toFixed(1)} ms`,
    );
  }
  const result: Record<string, number> = {
    articles: jobs.length,
    sqliteArticlesPerSecond: round(sqlite),
  };
  for (const r of runs) {
    result[`pg${r.workers}ArticlesPerSecond`] = round(r.perSecond);
    result[`pg${r.workers}LockWaitShare`] = round(
      r.total.lockWaitMs /
        (r.total.fetchMs + r.total.analyseMs + r.total.storeMs + r.total.completeMs),
      3,
    );
  }
  console.log(`RESULT ${JSON.stringify(result)}`);
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
