import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { mulberry32 } from '../../bench/lib/prng.js';
import { createTestDatabase, type TestDatabase } from '../store/postgres-db.js';
import { generateArticles } from './workers-corpus.js';
import {
  enqueue,
  partition,
  queueCounts,
  spawnWorker,
  storeTotals,
  waitForExit,
} from './workers-helpers.js';

const ARTICLES = 2000;
const KILLS = 5;

describe('workers killed with SIGKILL at random points', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('crash');
  });
  after(async () => {
    await db?.drop();
  });

  it(`store each of ${ARTICLES} articles exactly once after restarts`, async () => {
    const articles = generateArticles(ARTICLES, 3);
    // Jobs of a killed worker come back after 3 s (the test's job timeout), retried 1 s later.
    await enqueue(
      db.url,
      articles.map((a) => ({ kind: 'text', raw: a.raw, context: { origin: a.origin } })),
      { retryLimit: 20, retryDelaySeconds: 1, expireInSeconds: 3 },
    );
    const random = mulberry32(42);
    let killedAfterWork = 0;
    for (let i = 0; i < KILLS; i++) {
      const w = spawnWorker(db.url, ['--concurrency', '2']);
      // The first kill lands during start-up (migrations, queue set-up); the others at a
      // random moment once the worker is busy with jobs.
      if (i > 0) {
        for (let waited = 0; !/^\+ a_/m.test(w.output()) && waited < 120_000; waited += 50)
          await sleep(50);
      }
      await sleep(Math.floor(random() * (i > 0 ? 2000 : 800)));
      if (/^\+ a_/m.test(w.output())) killedAfterWork++;
      w.child.kill('SIGKILL');
      await w.exited;
    }
    assert.ok(killedAfterWork >= KILLS - 1, 'workers were not killed while processing jobs');
    const last = spawnWorker(db.url, ['--concurrency', '2', '--until-empty']);
    await waitForExit(last, 300_000);

    const counts = await queueCounts(db.url);
    assert.equal(counts.completed, ARTICLES, `queue: ${JSON.stringify(counts)}`);
    assert.equal(counts.failed ?? 0, 0);
    assert.deepEqual(await storeTotals(db.url), {
      articles: ARTICLES,
      hashes: ARTICLES,
      origins: ARTICLES,
      docs: ARTICLES,
      in_stories: ARTICLES,
      empty_stories: 0,
    });
    // The interrupted assignments left no trace: each event is exactly one story.
    const stories = await partition(db.url);
    for (const s of stories) assert.equal(new Set(s.map((o) => o.split('/')[1])).size, 1);
    assert.equal(stories.length, new Set(articles.map((a) => a.event)).size);
  });
});
