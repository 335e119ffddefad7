import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFile, generateStream, type GeneratedArticle } from '../../bench/generate/stream.js';

const take = (options: Parameters<typeof generateStream>[0]): GeneratedArticle[] => [
  ...generateStream(options),
];

test('the same seed gives the same stream, byte for byte', () => {
  const a = take({ seed: 7, articles: 40 });
  const b = take({ seed: 7, articles: 40 });
  assert.equal(a.length, 40);
  assert.deepEqual(a.map(articleFile), b.map(articleFile));
});

test('another seed gives another stream', () => {
  const a = take({ seed: 7, articles: 20 }).map(articleFile);
  const b = take({ seed: 8, articles: 20 }).map(articleFile);
  assert.notDeepEqual(a, b);
});

test('a shorter stream is a prefix of a longer one', () => {
  const short = take({ seed: 3, articles: 25 }).map(articleFile);
  const long = take({ seed: 3, articles: 200 }).map(articleFile);
  assert.deepEqual(long.slice(0, 25), short);
});

test('articles look like news: 300+ words, quotes, numbers, datelines kept in order by date', () => {
  const stream = take({ seed: 5, articles: 150 });
  for (const a of stream) {
    const words = a.body.split(/\s+/).length;
    assert.ok(words >= 300 && words <= 1700, `${a.id}: ${words} words`);
    assert.match(a.body, /\d/);
  }
  assert.ok(
    stream.some((a) => /"[^"]+,"/.test(a.body)),
    'some direct quotes',
  );
  const dates = stream.map((a) => a.date);
  assert.deepEqual(dates, [...dates].sort(), 'arrival follows publication day');
});

test('wire copies repeat the agency text under the same event; several outlets cover one event', () => {
  const stream = take({ seed: 2, articles: 400 });
  const copies = stream.filter((a) => a.kind === 'wire-copy');
  assert.ok(copies.length > 0);
  const originals = copies.map((c) =>
    stream.find((a) => a.event === c.event && a.kind === 'report' && c.body.startsWith(a.body)),
  );
  // An original can fall just past the end of the stream; nearly all are inside it.
  assert.ok(originals.filter(Boolean).length >= 0.8 * copies.length);
  originals.forEach((o, i) => o && assert.notEqual(o.outlet, copies[i]!.outlet));
  const perEvent = new Map<string, Set<string>>();
  for (const a of stream) perEvent.set(a.event, (perEvent.get(a.event) ?? new Set()).add(a.outlet));
  assert.ok([...perEvent.values()].some((s) => s.size >= 3));
  assert.ok(stream.some((a) => a.kind === 'unrelated'));
});
