import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PostgresStore } from '../../src/6-store/postgres/postgres-store.js';
import type { ArticleJob } from '../../src/queue/jobs.js';
import { analyseText, readTextInput, storeArticle } from '../../src/pipeline/ingest.js';
import { DEMO_CORPUS } from '../paths.js';
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

const GENERATED = 2000;

async function corpus(): Promise<ArticleJob[]> {
  const demo: ArticleJob[] = [];
  for (const name of readdirSync(DEMO_CORPUS).sort()) {
    const { raw, context } = await readTextInput(join(DEMO_CORPUS, name));
    demo.push({ kind: 'text', raw, context: { ...context, origin: `demo/${name}` } });
  }
  const generated: ArticleJob[] = generateArticles(GENERATED, 11).map((a) => ({
    kind: 'text',
    raw: a.raw,
    context: { origin: a.origin },
  }));
  return [...demo, ...generated];
}

describe('workers on PostgreSQL: 4 concurrent workers give the stories of 1', () => {
  const dbs: TestDatabase[] = [];
  const runs = new Map<number, Promise<string[][]>>();

  /** One complete run on its own database; resolves to the partition into stories. */
  async function runWith(workers: number, jobs: ArticleJob[]): Promise<string[][]> {
    const db = await createTestDatabase(`workers${workers}`);
    dbs.push(db);
    await enqueue(db.url, jobs);
    const procs = Array.from({ length: workers }, () =>
      spawnWorker(db.url, ['--concurrency', '1', '--until-empty']),
    );
    for (const p of procs) await waitForExit(p, 600_000);
    if (workers > 1) {
      // Every process took part, so assignments really did run side by side.
      for (const p of procs) assert.match(p.output(), /^\+ a_/m, 'a worker processed nothing');
    }
    const counts = await queueCounts(db.url);
    assert.equal(counts.completed, jobs.length, `queue: ${JSON.stringify(counts)}`);
    assert.equal(counts.failed ?? 0, 0);
    const totals = await storeTotals(db.url);
    assert.deepEqual(totals, {
      articles: jobs.length,
      hashes: jobs.length,
      origins: jobs.length,
      docs: jobs.length,
      in_stories: jobs.length,
      empty_stories: 0,
    });
    return partition(db.url);
  }

  before(async () => {
    const jobs = await corpus();
    // Both runs at once, each on its own database: the 1-worker run mostly waits on round
    // trips, so overlapping them keeps the suite's time down.
    for (const workers of [1, 4]) {
      const run = runWith(workers, jobs);
      run.catch(() => {}); // reported by the test that awaits it
      runs.set(workers, run);
    }
  });
  after(async () => {
    await Promise.allSettled(runs.values());
    for (const db of dbs) await db.drop();
  });

  for (const workers of [1, 4]) {
    it(`processes the demo corpus + ${GENERATED} generated articles with ${workers} worker process(es)`, async () => {
      await runs.get(workers);
    });
  }

  it('ends with the same partition of articles into stories with 4 workers as with 1', async () => {
    const one = await runs.get(1)!;
    const four = await runs.get(4)!;
    assert.deepEqual(four, one);
    // And that partition is the right one: the demo's four bridge reports together,
    // each generated event in exactly one story.
    const bridge = one.find((s) => s.some((o) => o.includes('kestrel-bridge')));
    assert.equal(bridge?.length, 4);
    const generated = one.filter((s) => s[0]!.startsWith('gen/'));
    for (const story of generated) {
      assert.equal(new Set(story.map((o) => o.split('/')[1])).size, 1, `mixed: ${story}`);
    }
    const events = new Set(generated.flat().map((o) => o.split('/')[1]));
    assert.equal(generated.length, events.size, 'an event was split over several stories');
  });
});

describe('concurrent story assignment (PostgreSQL)', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('race');
  });
  after(async () => {
    await db?.drop();
  });

  it('two reports of one event stored at the same moment by two connections end in one story', async () => {
    // Two stores = two connection pools, like two worker processes.
    const a = await PostgresStore.open({ url: db.url, poolSize: 10 });
    const b = await PostgresStore.open({ url: db.url, poolSize: 10 });
    try {
      const pairs = generateArticles(60, 5, 2).filter((x, i, all) =>
        all.some((y, j) => j !== i && y.event === x.event),
      );
      const analysed = pairs.map((p) => ({
        event: p.event,
        raw: p.raw,
        article: analyseText(p.raw, { origin: p.origin }),
      }));
      // All at once, the two reports of each event through different connections.
      const results = await Promise.all(
        analysed.map((x, i) => storeArticle(i % 2 ? a : b, x.article, x.raw)),
      );
      const storiesPerEvent = new Map<number, Set<string>>();
      results.forEach((r, i) => {
        const set = storiesPerEvent.get(analysed[i]!.event) ?? new Set();
        storiesPerEvent.set(analysed[i]!.event, set.add(r.storyId));
      });
      assert.ok(storiesPerEvent.size >= 10, `only ${storiesPerEvent.size} events with two reports`);
      for (const [event, stories] of storiesPerEvent) {
        assert.equal(stories.size, 1, `event ${event} was split into ${[...stories]}`);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
