import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import { resolveEventAnchors } from '../../src/3-analyse/time/event-anchors.js';
import { extractTimes } from '../../src/3-analyse/time/extract-times.js';

function article(
  text: string,
  published = '2025-11-13',
): { text: string; times: ReturnType<typeof extractTimes> } {
  return { text, times: extractTimes(text, splitSentences(text), { published, language: 'en' }) };
}

test('an event date stated in one article resolves anchored phrases in another', () => {
  const dated = article(
    'The Quillmark summit on August 15 ended without a deal, officials in Velmora said.',
  );
  const anchored = article(
    'The envoy brought the plan to Kestral a week before the Quillmark summit. After the Quillmark summit, talks stalled.',
  );
  assert.equal(anchored.times.find((t) => t.anchor)?.resolved, false);
  const { times, events } = resolveEventAnchors([dated, anchored]);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.event, 'Quillmark summit');
  assert.equal(events[0]!.value, '2025-08-15');
  const week = times[1]!.find((t) => t.text === 'a week before the Quillmark summit')!;
  assert.equal(week.resolved, true);
  assert.equal(week.value, '2025-08-08');
  assert.equal(week.relative, true);
  assert.deepEqual(week.anchor, { event: 'Quillmark summit', offset: 'P1W', direction: 'before' });
  const after = times[1]!.find((t) => t.text === 'After the Quillmark summit')!;
  assert.equal(after.value, '2025-08-15');
  assert.ok(
    after.confidence < week.confidence,
    'an open "after" is less certain than an exact offset',
  );
});

test('"the summit in Quillmark on 15 August" and "the August 15 Quillmark summit" both teach the date', () => {
  for (const text of [
    'Leaders gathered for the summit in Quillmark on 15 August, the ministry said.',
    'Ahead of the August 15 Quillmark summit, the ministry said little.',
  ]) {
    const { events } = resolveEventAnchors([article(text)]);
    assert.equal(events[0]?.value, '2025-08-15', text);
    assert.equal(events[0]?.key, 'quillmark summit', text);
  }
});

test('an event nobody dates leaves anchored phrases unresolved with the anchor named', () => {
  const a = article('Two days after the Velmora talks the envoy left.');
  const { times, events } = resolveEventAnchors([a]);
  assert.equal(events.length, 0);
  const t = times[0]!.find((x) => x.anchor)!;
  assert.equal(t.resolved, false);
  assert.deepEqual(t.anchor, { event: 'Velmora talks', offset: 'P2D', direction: 'after' });
});

test('a date merely near an event name is not learned as its date', () => {
  const { events } = resolveEventAnchors([
    article(
      'The Quillmark summit was criticised. On August 15 the markets in Velmora fell sharply.',
    ),
  ]);
  assert.deepEqual(events, []);
});
