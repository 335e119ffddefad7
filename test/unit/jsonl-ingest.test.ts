import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { recordArticle } from '../../src/1-ingest/jsonl/jsonl-record.js';
import { readLines, type Line } from '../../src/1-ingest/jsonl/read-lines.js';
import { InputError } from '../../src/1-ingest/input-error.js';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { FIXTURES } from '../paths.js';

const DUMPS = join(FIXTURES, 'dumps');
const dir = mkdtempSync(join(tmpdir(), 'parallax-jsonl-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function lines(chunks: Array<string | Buffer>, max?: number): Promise<Line[]> {
  const out: Line[] = [];
  const stream = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  for await (const l of readLines(stream, max)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits across chunk boundaries, keeps multi-byte characters whole, strips CR', async () => {
    const euro = Buffer.from('€');
    assert.deepEqual(
      await lines(['{"a":', '1}\r\n{"b":"', euro.subarray(0, 1), euro.subarray(1), '"}\n', 'last']),
      [
        { lineNo: 1, text: '{"a":1}' },
        { lineNo: 2, text: '{"b":"€"}' },
        { lineNo: 3, text: 'last' },
      ],
    );
  });

  it('reports over-long and non-UTF-8 lines by number and goes on', async () => {
    const got = await lines(
      ['ok\n', 'x'.repeat(30), 'y'.repeat(30), '\n', Buffer.from([0xff, 0x0a]), 'fine\n'],
      40,
    );
    assert.deepEqual(got, [
      { lineNo: 1, text: 'ok' },
      { lineNo: 2, error: `line longer than ${40 / 1048576} MB` },
      { lineNo: 3, error: 'not valid UTF-8' },
      { lineNo: 4, text: 'fine' },
    ]);
  });

  it('streams a large dump in bounded memory', async () => {
    const line = JSON.stringify({ title: 't', text: 'w '.repeat(500) }) + '\n';
    const total = 120 * 1024 * 1024; // 120 MB, generated on the fly
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    let produced = 0;
    const source = Readable.from(
      (function* () {
        const chunk = Buffer.from(line.repeat(64));
        while (produced < total) {
          produced += chunk.length;
          yield chunk;
        }
      })(),
    );
    const before = process.memoryUsage().heapUsed;
    let count = 0;
    let peak = 0;
    for await (const l of readLines(source)) {
      if ('text' in l) count++;
      if (count % 50000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    assert.ok(count > 110_000, `${count} lines`);
    assert.ok(
      peak < 100 * 1024 * 1024,
      `grew by ${(peak / 1048576).toFixed(0)} MB for a 300 MB stream`,
    );
  });
});

describe('JSON Lines records', () => {
  it('maps known fields and keeps unknown ones as metadata', () => {
    const first = readFileSync(join(DUMPS, 'dump-mixed.jsonl'), 'utf8').split('\n')[0]!;
    const parsed = recordArticle('dump.jsonl:1', first, {});
    assert.equal(parsed.meta.title, 'Ferry timetable cut as Velmora pier closes');
    assert.equal(parsed.meta.titleSource, 'header');
    assert.equal(parsed.meta.source, 'Harbour Wire');
    assert.equal(parsed.meta.published.value, '2026-02-03');
    assert.equal(parsed.meta.origin, 'https://wire.example/velmora-pier');
    assert.equal(parsed.meta.headers.language, 'en');
    assert.deepEqual(parsed.meta.extra, {
      section: 'Coast',
      tags: ['ferries', 'Velmora'],
      wordCount: 58,
    });
    assert.match(parsed.text, /^VELMORA, February 3/);
  });

  it('reads html records and keeps an unreadable date as evidence', () => {
    const [, html, text] = readFileSync(join(DUMPS, 'dump-mixed.jsonl'), 'utf8').split('\n');
    const h = recordArticle('d:2', html!, {});
    assert.match(h.text, /Elm Row estate/);
    assert.doesNotMatch(h.text, /<p>/);
    assert.equal(h.meta.source, 'Lantern News');
    const t = recordArticle('d:3', text!, {});
    assert.equal(t.meta.published.value, null);
    assert.match(t.meta.published.evidence, /unreadable/);
  });

  it('refuses records that are not articles, naming the line', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"title": "x"', /invalid JSON/],
      ['[1,2]', /not a JSON object/],
      ['{"title":"No body"}', /no "text" or "html" field/],
      ['{"text":42}', /field "text" must be a string/],
    ];
    for (const [line, reason] of cases) {
      assert.throws(
        () => recordArticle('dump.jsonl:7', line, {}),
        (e: unknown) =>
          e instanceof InputError && e.input === 'dump.jsonl:7' && reason.test(e.reason),
        line,
      );
    }
  });
});

describe('ingesting dumps', () => {
  it('skips invalid lines with their numbers and stores the rest', async () => {
    const store = new SqliteStore(':memory:');
    const file = join(DUMPS, 'dump-invalid-lines.jsonl');
    const r = await ingestPaths(store, [file]);
    assert.deepEqual(
      r.added.map((a) => a.input),
      [`${file}:1`, `${file}:7`],
    );
    assert.deepEqual(
      r.failed.map((f) => [f.input.slice(file.length), f.reason.replace(/\(.*\)/, '(…)')]),
      [
        [':2', 'invalid JSON (…)'],
        [':4', 'not a JSON object'],
        [':5', 'no "text" or "html" field'],
        [':6', 'field "text" must be a string'],
      ],
    );
    await store.close();
  });

  it('reads gzip dumps, and reports a truncated one after ingesting what it could', async () => {
    const raw = readFileSync(join(DUMPS, 'dump-mixed.jsonl'));
    const gz = join(dir, 'dump-mixed.jsonl.gz');
    writeFileSync(gz, gzipSync(raw));
    const store = new SqliteStore(':memory:');
    const r = await ingestPaths(store, [gz]);
    assert.equal(r.added.length, 3, JSON.stringify(r.failed));
    assert.deepEqual(r.added[2]!.source, 'Valley Almanac');
    const cut = join(dir, 'dump-truncated.jsonl.gz');
    const whole = gzipSync(Buffer.concat([raw, raw, raw]));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.8)));
    const r2 = await ingestPaths(store, [cut]);
    assert.equal(r2.failed.length, 1);
    assert.equal(r2.failed[0]!.input, cut);
    assert.match(
      r2.failed[0]!.reason,
      /^truncated gzip \(unexpected end of file\) after line \d+$/,
    );
    assert.equal(r2.duplicates.length + r2.added.length >= 1, true);
    await store.close();
  });

  it('analyses records in worker threads with the same report and stories as inline', async () => {
    const file = join(DUMPS, 'dump-invalid-lines.jsonl');
    const raw = readFileSync(join(DUMPS, 'dump-mixed.jsonl'));
    const cut = join(dir, 'dump-truncated-threads.jsonl.gz');
    const whole = gzipSync(Buffer.concat([raw, raw, raw]));
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.8)));
    const runs = [];
    for (const threads of [1, 2]) {
      const store = new SqliteStore(':memory:');
      const r = await ingestPaths(store, [file, join(DUMPS, 'dump-mixed.jsonl'), cut], { threads });
      const stories = (await store.listStories()).map((s) => s.articles.map((a) => a.id));
      runs.push({
        added: r.added.map((a) => [a.input, a.articleId, a.storyId]),
        duplicates: r.duplicates.map((d) => d.input),
        failed: r.failed.map((f) => [f.input, f.reason]),
        stories,
      });
      await store.close();
    }
    assert.ok(runs[0]!.added.length >= 5 && runs[0]!.failed.length === 5, JSON.stringify(runs[0]));
    assert.deepEqual(runs[1], runs[0]);
  });

  it('refuses a .gz that is not gzip inside, and an empty file', async () => {
    const notGz = join(dir, 'fake.jsonl.gz');
    writeFileSync(notGz, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6]));
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const store = new SqliteStore(':memory:');
    const r = await ingestPaths(store, [notGz, empty]);
    assert.equal(r.failed.length, 2);
    assert.match(r.failed[0]!.reason, /gzip/);
    assert.equal(r.failed[1]!.reason, 'empty file');
    await store.close();
  });
});
