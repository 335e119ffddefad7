import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { enqueueArticles } from '../../src/queue/enqueue.js';
import type { ArticleJob } from '../../src/queue/jobs.js';
import { ensureQueues, startBoss, type QueuePolicy } from '../../src/queue/queue.js';
import { jobCounts } from '../../src/queue/failed-jobs.js';
import { CLI } from '../paths.js';

/** Puts jobs on a fresh queue with the given policy; returns their ids. */
export async function enqueue(
  url: string,
  jobs: ArticleJob[],
  policy?: QueuePolicy,
): Promise<string[]> {
  const boss = await startBoss({ url, poolSize: 2 }, (e) => {
    throw e;
  });
  try {
    await ensureQueues(boss, policy);
    return await enqueueArticles(boss, jobs);
  } finally {
    await boss.stop({ graceful: false });
  }
}

export async function queueCounts(url: string): Promise<Record<string, number>> {
  const boss = await startBoss({ url, poolSize: 1 }, () => {});
  try {
    return await jobCounts(boss);
  } finally {
    await boss.stop({ graceful: false });
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Lines the worker printed for finished jobs. */
  output: () => string;
}

/** Starts `parallax worker` as its own process, as it runs in production. */
export function spawnWorker(
  url: string,
  args: string[],
  env: Record<string, string> = {},
): WorkerProcess {
  const child = spawn(process.execPath, [CLI, 'worker', '--database-url', url, ...args], {
    env: {
      ...process.env,
      PARALLAX_QUEUE_MAINTENANCE_SECONDS: '1',
      PARALLAX_WORKER_POLL_MS: '200',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out + err };
}

/** Waits for a worker to exit by itself (with --until-empty), failing the test after `ms`. */
export async function waitForExit(w: WorkerProcess, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const result = await Promise.race([w.exited, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    w.child.kill('SIGKILL');
    assert.fail(`worker did not finish within ${ms} ms; its output:\n${w.output().slice(-2000)}`);
  }
  assert.equal(result, 0, `worker exited with ${result}:\n${w.output().slice(-2000)}`);
}

/** The stories as sets of article origins, in a canonical order: the partition to compare. */
export async function partition(url: string): Promise<string[][]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT story_id, origin FROM articles');
    const byStory = new Map<string, string[]>();
    for (const r of rows) {
      const list = byStory.get(r.story_id) ?? [];
      list.push(r.origin);
      byStory.set(r.story_id, list);
    }
    return [...byStory.values()].map((o) => o.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  } finally {
    await c.end();
  }
}

/**
 * Bookkeeping that only holds if every article was stored exactly once, atomically:
 * rows, distinct hashes, the document counter and the stories' counts all agree.
 */
export async function storeTotals(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT
        (SELECT COUNT(*)::int FROM articles) AS articles,
        (SELECT COUNT(DISTINCT content_hash)::int FROM articles) AS hashes,
        (SELECT COUNT(DISTINCT origin)::int FROM articles) AS origins,
        (SELECT value::int FROM counters WHERE name = 'docs') AS docs,
        (SELECT COALESCE(SUM(article_count), 0)::int FROM stories) AS in_stories,
        (SELECT COUNT(*)::int FROM stories WHERE article_count = 0) AS empty_stories`);
    return rows[0] as {
      articles: number;
      hashes: number;
      origins: number;
      docs: number;
      in_stories: number;
      empty_stories: number;
    };
  } finally {
    await c.end();
  }
}
