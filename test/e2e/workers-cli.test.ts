import { PG_MIGRATIONS } from '../../src/6-store/postgres/migrations.js';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { CLI, DEMO_CORPUS } from '../paths.js';
import { createTestDatabase, type TestDatabase } from '../store/postgres-db.js';
import { generateArticles } from './workers-corpus.js';
import { enqueue, queueCounts, spawnWorker, waitForExit } from './workers-helpers.js';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PARALLAX_QUEUE_MAINTENANCE_SECONDS: '1',
      PARALLAX_WORKER_POLL_MS: '200',
      ...env,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('parallax migrate / ingest / worker / jobs on PostgreSQL', () => {
  let db: TestDatabase;
  let dir: string;
  before(async () => {
    db = await createTestDatabase('cli');
    dir = mkdtempSync(join(tmpdir(), 'parallax-cli-pg-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('migrates once, then reports the schema up to date', () => {
    const first = cli(['migrate', '--database-url', db.url]);
    assert.equal(first.code, 0, first.err);
    const latest = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;
    const all = PG_MIGRATIONS.map((m) => m.version).join(', ');
    assert.ok(first.out.includes(`version ${latest} (applied ${all})`), first.out);
    const again = cli(['migrate'], { PARALLAX_DATABASE_URL: db.url });
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /up to date/);
  });

  it('queues files, a worker processes them, and bad input ends in the failed list at once', () => {
    const bad = join(dir, 'only-headers.txt');
    writeFileSync(bad, 'date 2026-02-03\nsource Nowhere Gazette\n');
    const queued = cli(['ingest', DEMO_CORPUS, bad, '--database-url', db.url]);
    assert.equal(queued.code, 0, queued.err);
    assert.match(queued.out, /6 queued/);
    const work = cli(['worker', '--until-empty', '--database-url', db.url]);
    assert.equal(work.code, 0, work.err);
    assert.match(work.err, /5 done, 1 failed/);
    const stories = cli(['stories', '--json', '--database-url', db.url]);
    assert.equal(stories.code, 0, stories.err);
    const list = JSON.parse(stories.out).stories as Array<{ articles: unknown[] }>;
    assert.deepEqual(
      list.map((s) => s.articles.length),
      [4, 1],
    );
    const failed = cli(['jobs', '--failed', '--json', '--database-url', db.url]);
    assert.equal(failed.code, 0, failed.err);
    const jobs = JSON.parse(failed.out).failed as Array<{
      origin: string;
      reason: string;
      retries: number;
    }>;
    assert.equal(jobs.length, 1);
    assert.equal(jobs[0]!.origin, bad);
    assert.match(jobs[0]!.reason, /no article text/);
    assert.equal(jobs[0]!.retries, 0);
  });

  it('ingest --wait reports what the workers did; the same files again are duplicates', async () => {
    const w = spawnWorker(db.url, ['--concurrency', '2']);
    try {
      const r = cli(['ingest', DEMO_CORPUS, '--wait', '--database-url', db.url]);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /0 new, 5 duplicate, 0 failed/);
    } finally {
      w.child.kill('SIGTERM');
      await waitForExit(w, 30_000);
    }
  });

  it('SIGTERM stops a busy worker gracefully: in-flight jobs finish or go back to the queue', async () => {
    await enqueue(
      db.url,
      generateArticles(300, 9).map((a) => ({
        kind: 'text',
        raw: a.raw,
        context: { origin: a.origin },
      })),
    );
    const w = spawnWorker(db.url, ['--concurrency', '2']);
    for (let waited = 0; !/^\+ a_/m.test(w.output()) && waited < 60_000; waited += 50)
      await sleep(50);
    w.child.kill('SIGTERM');
    await waitForExit(w, 30_000);
    assert.match(w.output(), /stopped; \d+ done/);
    const counts = await queueCounts(db.url);
    assert.equal(counts.active ?? 0, 0, `jobs left active: ${JSON.stringify(counts)}`);
    assert.ok(
      (counts.created ?? 0) + (counts.retry ?? 0) > 0,
      'the worker should have stopped early',
    );
  });

  it('fails with a clear message when PostgreSQL cannot be reached', () => {
    const r = cli(['stories', '--database-url', 'postgres://postgres@127.0.0.1:1/none']);
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      /cannot open database postgres:\/\/postgres@127\.0\.0\.1:1\/none: .*ECONNREFUSED/,
    );
  });
});
