import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HostLimiter } from '../../src/1-ingest/fetch/host-limiter.js';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { backoff, duration, parseDuration, watchFeeds } from '../../src/pipeline/watch.js';
import { FIXTURES } from '../paths.js';
import { startServer } from './fetch-test-server.js';

const FEEDS = join(FIXTURES, 'feeds');
const fixture = (name: string) => readFileSync(join(FEEDS, name), 'utf8');

describe('watch', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  let feedBody = '';
  let feedEtag = '"1"';
  let failing = false;
  before(async () => {
    s = await startServer({
      '/robots.txt': { status: 404 },
      '/news/ferry-timetable': { body: fixture('page-article.html') },
      '/news/bypass-vote': { body: fixture('page-second-article.html') },
      '/news/deleted-story': { status: 410, body: 'gone' },
      '/atom.xml': {
        headers: { 'content-type': 'application/atom+xml' },
        body: fixture('feed-atom-with-content.xml'),
      },
    });
    s.routes['/rss.xml'] = (req, res) => {
      if (failing) {
        res.writeHead(503);
        return res.end();
      }
      if (req.headers['if-none-match'] === feedEtag) {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feedEtag });
      res.end(feedBody);
    };
    feedBody = fixture('feed-rss2-link-only.xml').replaceAll('{{BASE}}', s.base);
  });
  after(() => s.close());

  const quick = { allowPrivateNetwork: true, hostIntervalMs: 0, everyMs: 30, random: () => 0.5 };

  it('ingests unseen items, polls conditionally, and remembers seen items across restarts', async () => {
    const store = new SqliteStore(':memory:');
    const lines: string[] = [];
    const feed = `${s.base}/rss.xml`;
    const first = await watchFeeds(store, [feed], {
      ...quick,
      log: (l) => lines.push(l),
      maxRounds: 2,
    });
    assert.equal(first.polls, 2);
    assert.equal(first.added, 2, lines.join('\n'));
    assert.equal(lines.length, 2, 'one line per poll');
    // The 410 item fails; the feed's validators are kept back so it is retried, not 304'd.
    assert.match(
      lines[0]!,
      /rss\.xml: 200, 3 items, 3 unseen, 2 new, 0 duplicate, 1 failed; .*deleted-story: HTTP 410/,
    );
    assert.match(lines[1]!, /rss\.xml: 200, 3 items, 1 unseen, 0 new, 0 duplicate, 1 failed/);
    assert.equal(
      (await store.seenFeedItems(feed, ['tidewater-1001', 'tidewater-1002', 'tidewater-1003']))
        .length,
      2,
    );

    // The page comes back; now every item is done and the ETag is kept.
    s.routes['/news/deleted-story'] = {
      body: fixture('page-second-article.html').replace(/Grayhaven/g, 'Velmora'),
    };
    const pagesBefore = s.requests.filter((r) => r.path.startsWith('/news/')).length;
    const restart = await watchFeeds(store, [feed], {
      ...quick,
      log: (l) => lines.push(l),
      maxRounds: 2,
    });
    assert.equal(restart.added + restart.duplicates, 1);
    assert.match(lines[3]!, /not modified \(304\)/);
    const pages = s.requests.filter((r) => r.path.startsWith('/news/')).length - pagesBefore;
    assert.equal(pages, 1, 'seen items are never fetched again');
    const feedRequests = s.requests.filter((r) => r.path === '/rss.xml');
    assert.equal(feedRequests.at(-1)!.headers['if-none-match'], '"1"');

    // A new item after a restart: only it is ingested.
    feedEtag = '"2"';
    feedBody = feedBody.replace(
      '<item>',
      `<item><title>Harbour board names new chair</title><link>${s.base}/news/new-chair</link><guid>tidewater-1004</guid><description>x</description></item><item>`,
    );
    s.routes['/news/new-chair'] = {
      body: fixture('page-article.html').replace(
        'board chair Isolde Franck',
        'new chair Tamsin Rooke',
      ),
    };
    const third = await watchFeeds(store, [feed], {
      ...quick,
      log: (l) => lines.push(l),
      maxRounds: 1,
    });
    assert.equal(third.added, 1);
    assert.match(lines.at(-1)!, /4 items, 1 unseen, 1 new/);
    await store.close();
  });

  it('backs off exponentially with jitter after failures and records them', async () => {
    const store = new SqliteStore(':memory:');
    const feed = `${s.base}/rss.xml`;
    failing = true;
    const lines: string[] = [];
    const started = Date.now();
    await watchFeeds(store, [feed], { ...quick, log: (l) => lines.push(l), maxRounds: 3 });
    failing = false;
    assert.equal(lines.length, 3);
    assert.match(
      lines[0]!,
      /failed \(HTTP 503 Service Unavailable\); failure 1 in a row, next poll in 23 ms/,
    );
    assert.match(lines[1]!, /failure 2 in a row, next poll in 45 ms/);
    assert.match(lines[2]!, /failure 3 in a row, next poll in 90 ms/);
    assert.ok(Date.now() - started >= 60);
    assert.equal((await store.getFeedState(feed))!.failures, 3);
    await store.close();
  });

  it('stops promptly when the signal aborts', async () => {
    const store = new SqliteStore(':memory:');
    const controller = new AbortController();
    const lines: string[] = [];
    const done = watchFeeds(store, [`${s.base}/atom.xml`], {
      ...quick,
      everyMs: 3600_000,
      log: (l) => {
        lines.push(l);
        controller.abort();
      },
      signal: controller.signal,
    });
    const started = Date.now();
    const summary = await done;
    assert.ok(Date.now() - started < 5000);
    assert.equal(summary.polls, 1);
    assert.equal(summary.added, 2, lines.join('\n'));
    await store.close();
  });

  it('keeps requests to one host a second apart by default', async () => {
    const limiter = new HostLimiter();
    assert.equal(limiter.intervalMs, 1000);
  });
});

describe('watch timing helpers', () => {
  it('backoff doubles per failure, is capped, and is jittered into [0.5, 1)', () => {
    assert.equal(
      backoff(1, 60_000, 3600_000, () => 0),
      30_000,
    );
    assert.equal(
      backoff(2, 60_000, 3600_000, () => 0),
      60_000,
    );
    assert.equal(
      backoff(3, 60_000, 3600_000, () => 0.999),
      239_880,
    );
    assert.equal(
      backoff(20, 60_000, 3600_000, () => 0),
      1800_000,
    );
  });

  it('parses and prints durations', () => {
    assert.equal(parseDuration('10m'), 600_000);
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('1.5h'), 5400_000);
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('45'), 45_000);
    assert.equal(parseDuration('soon'), null);
    assert.equal(duration(90_000), '1m30s');
    assert.equal(duration(7200_000), '2h');
  });
});
