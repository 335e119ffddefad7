import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { startServer } from '../unit/fetch-test-server.js';
import { CLI, FIXTURES } from '../paths.js';

const FEEDS = join(FIXTURES, 'feeds');
const DUMPS = join(FIXTURES, 'dumps');
const dir = mkdtempSync(join(tmpdir(), 'parallax-formats-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI without blocking this process (the test server must keep answering). */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const fixture = (name: string) => readFileSync(join(FEEDS, name), 'utf8');

describe('parallax ingest: formats, URLs and bad input', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    s = await startServer({
      '/robots.txt': {
        headers: { 'content-type': 'text/plain' },
        body: 'User-agent: *\nDisallow: /members/\n',
      },
      '/news/ferry-timetable': { body: fixture('page-article.html') },
      '/news/bypass-vote': { body: fixture('page-second-article.html') },
      '/news/deleted-story': { status: 410, body: 'gone' },
      '/members/story': { body: fixture('page-article.html') },
      '/broken': { status: 500, body: 'oops' },
      '/courier.xml': {
        headers: { 'content-type': 'application/atom+xml' },
        body: fixture('feed-atom-with-content.xml'),
      },
      '/front-page': { body: fixture('feed-is-html.xml') },
      '/photo.png': { headers: { 'content-type': 'image/png' }, body: 'PNG' },
    });
    s.routes['/tidewater.xml'] = {
      headers: { 'content-type': 'application/rss+xml' },
      body: fixture('feed-rss2-link-only.xml').replaceAll('{{BASE}}', s.base),
    };
  });
  after(() => s.close());

  it('ingests a folder of mixed formats chosen by content, with nothing extra on stderr under --json', async () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(mixed);
    copyFileSync(join(FEEDS, 'feed-atom-with-content.xml'), join(mixed, 'courier.xml'));
    copyFileSync(join(FEEDS, 'feed-rdf.xml'), join(mixed, 'almanac.data')); // name says nothing
    copyFileSync(join(FEEDS, 'page-article.html'), join(mixed, 'saved-page.htm'));
    writeFileSync(
      join(mixed, 'dump.ndjson.gz'),
      gzipSync(readFileSync(join(DUMPS, 'dump-mixed.jsonl'))),
    );
    writeFileSync(
      join(mixed, 'note.txt'),
      'Harbour seals return to Brindlemouth\nsource Coastline Daily\n\nA colony of harbour seals has returned to the sandbanks off Brindlemouth for the first time in a decade, wardens said.\n',
    );
    const db = join(dir, 'mixed.db');
    const r = await run(['ingest', mixed, '--db', db, '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    const report = JSON.parse(r.out);
    assert.deepEqual(report.failed, []);
    assert.equal(report.added.length, 8, JSON.stringify(report.added));
    const sources = report.added.map((a: { source: string }) => a.source);
    const count = (name: string) => sources.filter((x: string) => x === name).length;
    assert.equal(count('Brindlemouth Courier'), 2, 'two Atom entries with content');
    assert.equal(count('Valley Almanac'), 2, 'the RDF item and a dump line');
    for (const name of ['Coastline Daily', 'Harbour Wire', 'Lantern News'])
      assert.equal(count(name), 1, name);
    assert.ok(report.added.some((a: { input: string }) => /dump\.ndjson\.gz:2$/.test(a.input)));
  });

  it('refuses local URLs by default and fetches them with --allow-private-network', async () => {
    const db = join(dir, 'urls.db');
    const page = `${s.base}/news/ferry-timetable`;
    const refused = await run(['ingest', page, '--db', db]);
    assert.equal(refused.code, 1);
    assert.match(
      refused.err,
      new RegExp(`${page}: refused: loopback address.*--allow-private-network`),
    );
    const ok = await run([
      'ingest',
      page,
      `${s.base}/tidewater.xml`,
      '--db',
      db,
      '--json',
      '--allow-private-network',
    ]);
    assert.equal(ok.code, 0, ok.err);
    const report = JSON.parse(ok.out);
    // The page, then the feed's link-only items: one is the same page (duplicate), one new, one gone.
    assert.equal(report.added.length, 2, JSON.stringify(report));
    assert.equal(report.duplicates.length, 1);
    assert.equal(report.failed.length, 1);
    assert.equal(report.failed[0].input, `${s.base}/news/deleted-story`);
    assert.equal(report.failed[0].reason, 'HTTP 410 Gone');
    const fromFeed = report.added.find((a: { input: string }) =>
      a.input.endsWith('/news/bypass-vote'),
    );
    assert.equal(fromFeed.source, 'Tidewater Times');
  });

  it('imports an OPML list of feeds, reporting a missing feed and reading each listed feed once', async () => {
    const opml = join(dir, 'subscriptions.opml');
    writeFileSync(opml, fixture('subscriptions.opml').replaceAll('{{BASE}}', s.base));
    const r = await run([
      'ingest',
      opml,
      '--db',
      join(dir, 'opml.db'),
      '--json',
      '--allow-private-network',
    ]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.added.length, 4, JSON.stringify(report)); // 2 link-only pages + 2 Atom entries
    const reasons = report.failed.map(
      (f: { input: string; reason: string }) => `${f.input.replace(s.base, '')}: ${f.reason}`,
    );
    assert.deepEqual(
      reasons.sort(),
      [
        '/front-page: this is an HTML page, not a feed (it links to a feed at https://gazette.example/rss.xml)',
        '/missing.xml: HTTP 404 Not Found',
        '/news/deleted-story: HTTP 410 Gone',
      ].sort(),
    );
    assert.equal(s.requests.filter((q) => q.path === '/courier.xml').length >= 1, true);
  });

  it('reports every bad input with a reason naming it, and goes on with the rest', async () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    for (const f of [
      'feed-billion-laughs.xml',
      'feed-external-entity.xml',
      'feed-is-html.xml',
      'feed-truncated.xml',
      'page-no-article.html',
      'page-truncated.html',
    ])
      copyFileSync(join(FEEDS, f), join(bad, f));
    copyFileSync(join(DUMPS, 'dump-invalid-lines.jsonl'), join(bad, 'dump-invalid-lines.jsonl'));
    const gz = gzipSync(readFileSync(join(FEEDS, 'page-article.html')));
    writeFileSync(join(bad, 'page-truncated.html.gz'), gz.subarray(0, gz.length - 30));
    writeFileSync(
      join(bad, 'feed-wrong-charset.xml'),
      Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf'),
        Buffer.from([0xe9]),
        Buffer.from('</title></channel></rss>'),
      ]),
    );
    // 2 GB, sparse: an HTML head and then nothing written.
    const huge = join(bad, 'page-2gb.html');
    const fd = openSync(huge, 'w');
    writeSync(fd, '<!doctype html><html><body><p>');
    ftruncateSync(fd, 2 * 1024 * 1024 * 1024);
    closeSync(fd);
    const urls = [
      `${s.base}/broken`,
      `${s.base}/photo.png`,
      `${s.base}/members/story`,
      'http://127.0.0.1:9/unreachable',
    ];
    const r = await run([
      'ingest',
      bad,
      ...urls,
      '--db',
      join(dir, 'bad.db'),
      '--allow-private-network',
    ]);
    assert.equal(r.code, 0, 'some inputs were good');
    const failures = new Map(
      r.err
        .split('\n')
        .filter((l) => l.startsWith('! '))
        .map((l) => {
          const [input, ...reason] = l.slice(2).split(': ');
          return [input!.replace(bad + '/', '').replace(s.base, ''), reason.join(': ')];
        }),
    );
    const expect: Record<string, RegExp> = {
      'feed-billion-laughs.xml': /refused without expanding/,
      'feed-external-entity.xml': /refused without expanding/,
      'feed-is-html.xml': /./, // an HTML page: ingested as a page or refused for having no article
      'feed-truncated.xml': /malformed feed XML/,
      'feed-wrong-charset.xml': /not valid utf-8/,
      'page-no-article.html': /./,
      'page-truncated.html.gz': /truncated gzip/,
      'page-2gb.html': /too large \(2048 MB/,
      [`dump-invalid-lines.jsonl:2`]: /invalid JSON/,
      [`dump-invalid-lines.jsonl:4`]: /not a JSON object/,
      [`dump-invalid-lines.jsonl:5`]: /no "text" or "html" field/,
      [`dump-invalid-lines.jsonl:6`]: /must be a string/,
      '/broken': /HTTP 500 Internal Server Error/,
      '/photo.png': /unsupported content type image\/png/,
      '/members/story': /robots\.txt .* disallows/,
      'http://127.0.0.1:9/unreachable': /connection refused|unreachable/,
    };
    for (const [input, reason] of Object.entries(expect)) {
      if (input === 'feed-is-html.xml' && !failures.has(input)) continue;
      assert.ok(failures.has(input), `${input} missing from failures:\n${r.err}`);
      assert.match(failures.get(input)!, reason, input);
    }
    assert.ok(failures.has('page-no-article.html'), 'a page with no article is a failure');
    const summary = /(\d+) new, (\d+) duplicate, (\d+) failed/.exec(r.out)!;
    assert.equal(Number(summary[3]), failures.size, 'the summary counts every failure');
    assert.ok(Number(summary[1]) >= 2, 'the good dump lines were stored');
    assert.doesNotMatch(r.err, /internal error/);
  });

  it('never reads the database it writes, even inside the folder being ingested', async () => {
    const folder = join(dir, 'with-db');
    mkdirSync(folder);
    copyFileSync(join(FEEDS, 'feed-rdf.xml'), join(folder, 'almanac.xml'));
    const db = join(folder, 'parallax.db');
    assert.equal((await run(['ingest', folder, '--db', db])).code, 0);
    const again = await run(['ingest', folder, '--db', db]);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /0 new, 1 duplicate, 0 failed/);
  });

  it('exits 1 when every input fails and 2 on usage errors', async () => {
    const r = await run([
      'ingest',
      join(FEEDS, 'feed-billion-laughs.xml'),
      '--db',
      join(dir, 'x.db'),
    ]);
    assert.equal(r.code, 1);
    assert.match(r.err, /feed-billion-laughs\.xml: .*refused without expanding/);
    assert.match(r.out, /0 new, 0 duplicate, 1 failed/);
    assert.equal((await run(['watch', '--db', join(dir, 'x.db')])).code, 2);
    assert.equal(
      (await run(['watch', 'http://x.example/feed', '--every', 'often', '--db', join(dir, 'x.db')]))
        .code,
      2,
    );
  });

  it('reports a new version from the same outlet and the same text from another outlet', async () => {
    const db = join(dir, 'versions.db');
    const base =
      'Dockworkers walk out at Brindlemouth port\nsource Coastline Daily\n\nDockworkers at the port of Brindlemouth walked out on Monday after talks over night-shift pay collapsed, leaving 14 cargo ships waiting offshore.\n"We will stay out until the night rate is restored," union organiser Perrin Hale told reporters at the north gate.\nThe port authority said perishable cargo would be diverted to Grayhaven.\n';
    const files = {
      'v1.txt': base,
      'v2.txt':
        base.replace('14 cargo ships', '17 cargo ships') +
        'Talks are due to resume on Wednesday.\n',
      'wire.txt': base.replace('Coastline Daily', 'Tidewater Times'),
      'wire-edited.txt': base
        .replace('Coastline Daily', 'Lantern News')
        .replace('told reporters', 'told journalists'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const one = await run(['ingest', join(dir, 'v1.txt'), '--db', db]);
    assert.equal(one.code, 0);
    const r = await run([
      'ingest',
      ...['v2.txt', 'wire.txt', 'wire-edited.txt'].map((f) => join(dir, f)),
      '--db',
      db,
    ]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\[new version of a_\w+\]/);
    assert.match(r.out, /= a_\w+ +duplicate of stored article: .*wire\.txt/);
    assert.match(r.out, /Lantern News .*\[same text as a_\w+/);
    const [, v2, v1] = /\+ (a_\w+) .*\[new version of (a_\w+)\]/.exec(r.out)!;
    const versions = await run(['versions', v2!, '--db', db, '--json']);
    assert.equal(versions.code, 0, versions.err);
    const rel = JSON.parse(versions.out);
    assert.deepEqual(rel.links, [{ kind: 'version-of', from: v2, to: v1 }]);
    const ops = rel.diffs[0].ops.filter((o: { op: string }) => o.op !== 'equal');
    assert.ok(
      ops.some((o: { op: string; from?: string; to?: string }) => o.from === '14' && o.to === '17'),
      JSON.stringify(ops),
    );
    assert.ok(
      ops.some(
        (o: { op: string; text?: string }) => o.op === 'insert' && /Wednesday/.test(o.text ?? ''),
      ),
    );
    const text = await run(['versions', v1!, '--db', db]);
    assert.match(text.out, new RegExp(`${v2} is a new version of this`));
    assert.match(text.out, /14 → 17/);
  });
});

describe('parallax watch', () => {
  it('polls, logs one line per poll, and stops cleanly on SIGINT and SIGTERM', async () => {
    const s = await startServer({
      '/robots.txt': { status: 404 },
      '/courier.xml': {
        headers: { 'content-type': 'application/atom+xml', etag: '"c1"' },
        body: fixture('feed-atom-with-content.xml'),
      },
    });
    try {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        const child = spawn(
          process.execPath,
          [
            CLI,
            'watch',
            `${s.base}/courier.xml`,
            '--every',
            '1h',
            '--allow-private-network',
            '--db',
            join(dir, `watch-${signal}.db`),
          ],
          { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let err = '';
        const polled = new Promise<void>((resolve) =>
          child.stderr.on('data', (d) => {
            err += d;
            if (/courier\.xml: 200/.test(err)) resolve();
          }),
        );
        const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
        await Promise.race([polled, exited]);
        child.kill(signal);
        const code = await exited;
        assert.equal(code, 0, err);
        assert.match(err, /courier\.xml: 200, 2 items, 2 unseen, 2 new/);
        assert.match(err, new RegExp(`received ${signal}, stopping`));
        assert.match(err, /stopped: 1 polls, 2 new/);
      }
    } finally {
      await s.close();
    }
  });
});
