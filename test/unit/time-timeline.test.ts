import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import { extractTimes } from '../../src/3-analyse/time/extract-times.js';
import { buildTimeline, type TimelineArticle } from '../../src/5-compare/timeline.js';
import { analyse } from '../../src/index.js';
import type { EntityMention } from '../../src/types.js';
import { SEEDS } from '../paths.js';

function invented(
  id: string,
  source: string,
  text: string,
  published: string | null,
  mentions?: EntityMention[],
): TimelineArticle {
  const sentences = splitSentences(text);
  const times = extractTimes(text, sentences, { published, language: 'en' });
  return { id, source, text, sentences, times, published, ...(mentions ? { mentions } : {}) };
}

function mention(text: string, name: string, entityId: string): EntityMention {
  const start = text.indexOf(name);
  return {
    start,
    end: start + name.length,
    text: name,
    type: 'person',
    entityId,
    kind: 'name',
    confidence: 0.9,
  };
}

const A_TEXT =
  'Mayor Quill opened the Velmora bridge on March 4, 2025, the Velmora Herald reported. The Quillmark summit on August 15 ended without a deal.';
const B_TEXT =
  'The Velmora bridge was opened by Mayor Quill on March 4, 2025. Envoys met in Kestral a week before the Quillmark summit.';
const C_TEXT = 'Mayor Quill opened the new Velmora bridge on March 5, 2025, officials said.';

test('the same dated event in two articles is one entry with two reports, ordered in time', () => {
  const a = invented('a', 'Velmora Herald', A_TEXT, '2025-09-01');
  const b = invented('b', 'Kestral Times', B_TEXT, '2025-09-02');
  const timeline = buildTimeline([a, b]);
  const bridge = timeline.find((e) => e.value === '2025-03-04')!;
  assert.ok(bridge, JSON.stringify(timeline.map((e) => e.value)));
  assert.deepEqual(bridge.reports.map((r) => r.articleId).sort(), ['a', 'b']);
  for (const r of bridge.reports) assert.equal(r.time.text, 'March 4, 2025');
  const values = timeline.filter((e) => e.resolved).map((e) => e.value);
  assert.deepEqual(values, [...values].sort(), 'resolved entries in time order');
});

test('an anchored phrase is resolved from the event date another article gives', () => {
  const a = invented('a', 'Velmora Herald', A_TEXT, '2025-09-01');
  const b = invented('b', 'Kestral Times', B_TEXT, '2025-09-02');
  const timeline = buildTimeline([a, b]);
  const week = timeline.find((e) => e.anchor?.offset === 'P1W')!;
  assert.equal(week.value, '2025-08-08');
  assert.equal(week.resolved, true);
  assert.equal(week.relative, true);
  assert.deepEqual(week.anchor, { event: 'Quillmark summit', offset: 'P1W', direction: 'before' });
  const summit = timeline.find((e) => e.value === '2025-08-15')!;
  assert.equal(summit.label, 'Quillmark summit');
});

test('publication dates are entries of their own', () => {
  const a = invented('a', 'Velmora Herald', A_TEXT, '2025-09-01');
  const b = invented('b', 'Kestral Times', B_TEXT, '2025-09-01');
  const pub = buildTimeline([a, b]).filter((e) => e.label.startsWith('Published'));
  assert.equal(pub.length, 1);
  assert.equal(pub[0]!.value, '2025-09-01');
  assert.equal(pub[0]!.reports.length, 2);
  assert.equal(pub[0]!.relative, false);
});

test('the same event with a different date in another article is flagged as a conflict', () => {
  const a = invented('a', 'Velmora Herald', A_TEXT, '2025-09-01');
  const c = invented('c', 'Quillmark Post', C_TEXT, '2025-09-01');
  const timeline = buildTimeline([a, c]);
  const bridge = timeline.find((e) => e.value === '2025-03-04')!;
  assert.deepEqual(
    bridge.conflicts.map((x) => [x.articleId, x.value]),
    [['c', '2025-03-05']],
  );
});

test('participants come from the entity mentions of the dated sentence', () => {
  const a = invented('a', 'Velmora Herald', A_TEXT, '2025-09-01', [mention(A_TEXT, 'Quill', 'e1')]);
  a.entityName = (_article, entity) => (entity === 'e1' ? 'Oren Quill' : null);
  const bridge = buildTimeline([a]).find((e) => e.value === '2025-03-04')!;
  assert.deepEqual(bridge.participants, ['Oren Quill']);
});

test('unresolved anchored phrases are kept, marked unresolved, and name their event', () => {
  const b = invented(
    'b',
    'Kestral Times',
    'Envoys met in Kestral a week before the Quillmark summit.',
    '2025-09-02',
  );
  const timeline = buildTimeline([b]);
  const week = timeline.find((e) => e.anchor?.offset === 'P1W')!;
  assert.equal(week.resolved, false);
  assert.equal(week.anchor?.event, 'Quillmark summit');
  assert.ok(
    timeline.some((e) => e.label === 'Quillmark summit' && !e.resolved),
    'the event itself is an entry',
  );
});

test('seeds: June 2024, the Anchorage summit, September in New York and 2025-11-13 are on the timeline', () => {
  const articles: TimelineArticle[] = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const a = analyse(readFileSync(join(SEEDS, f), 'utf8'), { origin: f });
      // The first seed carries no date; both report one interview published on 2025-11-13.
      const published = a.meta.published.value ?? '2025-11-13';
      const times = extractTimes(a.text, a.sentences, { published, language: a.language.code });
      return {
        id: f,
        source: a.meta.source,
        text: a.text,
        sentences: a.sentences,
        times,
        published,
      };
    });
  const timeline = buildTimeline(articles);

  const june = timeline.find((e) => e.value === '2024-06');
  assert.ok(june, 'June 2024 entry');
  assert.equal(june.relative, false);

  const summit = timeline.find((e) => e.label === 'Anchorage summit');
  assert.ok(summit, 'an entry for the Anchorage summit itself');
  assert.equal(summit.anchor?.event, 'Anchorage summit');

  const weekBefore = timeline.find((e) =>
    e.reports.some((r) => r.time.text === 'a week before the Anchorage summit'),
  );
  assert.ok(weekBefore);
  assert.deepEqual(weekBefore.anchor, {
    event: 'Anchorage summit',
    offset: 'P1W',
    direction: 'before',
  });
  assert.equal(weekBefore.relative, true);

  const nextDay = timeline.find((e) => e.reports.some((r) => r.time.text === 'the next day'));
  assert.ok(nextDay);
  assert.equal(nextDay.relative, true);
  assert.ok(
    nextDay.resolved || nextDay.anchor?.event === 'Anchorage summit',
    JSON.stringify(nextDay),
  );

  const september = timeline.find(
    (e) => e.value === '2025-09' && e.reports.some((r) => r.sentence.text.includes('New York')),
  );
  assert.ok(september, 'September (New York), the September before the November interview');

  const published = timeline.find((e) => e.value === '2025-11-13');
  assert.ok(published);
  assert.equal(
    new Set(published.reports.map((r) => r.articleId)).size,
    2,
    'both articles report the 2025-11-13 publication',
  );
  assert.ok(
    published.reports.some((r) => r.time.text === 'November 13'),
    'the TASS dateline is its evidence',
  );

  for (const e of timeline)
    for (const r of e.reports) {
      const a = articles.find((x) => x.id === r.articleId)!;
      assert.equal(a.text.slice(r.sentence.start, r.sentence.end), r.sentence.text);
      assert.equal(a.text.slice(r.time.start, r.time.end), r.time.text);
    }
});
