import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import { extractTimes } from '../../src/3-analyse/time/extract-times.js';
import type { TimeExpression } from '../../src/types.js';

/** Extracts with a publication date; returns [text, value] pairs for readable assertions. */
function times(
  text: string,
  published: string | null = '2025-11-13',
  language = 'en',
): TimeExpression[] {
  return extractTimes(text, splitSentences(text, [], language), { published, language });
}

function find(list: TimeExpression[], text: string): TimeExpression {
  const t = list.find((x) => x.text === text);
  assert.ok(t, `no expression "${text}" in ${JSON.stringify(list.map((x) => x.text))}`);
  return t;
}

test('full dates in several spellings resolve as written', () => {
  const list = times(
    'The Velmora accord was signed on November 3, 2024, ratified on 15 August 2025 and filed 2025-10-02.',
  );
  assert.equal(find(list, 'November 3, 2024').value, '2024-11-03');
  assert.equal(find(list, '15 August 2025').value, '2025-08-15');
  assert.equal(find(list, '2025-10-02').value, '2025-10-02');
  assert.equal(find(list, 'November 3, 2024').granularity, 'day');
  assert.equal(find(list, 'November 3, 2024').relative, false);
});

test('month and year: "June 2024" is a month, "in 1998" a year', () => {
  const list = times('Mayor Quill proposed the terms in June 2024, a plan first drafted in 1998.');
  const june = find(list, 'June 2024');
  assert.equal(june.value, '2024-06');
  assert.equal(june.granularity, 'month');
  assert.equal(find(list, '1998').value, '1998');
});

test('tense rule: a past-tense month is the one before publication, a future-tense month the next one', () => {
  const past = times('The ministers met in Kestral in September.');
  assert.equal(find(past, 'September').value, '2025-09');
  const future = times('The ministers will meet in Kestral in September.');
  assert.equal(find(future, 'September').value, '2026-09');
  const pastDecember = times('The ferry line closed in December.');
  assert.equal(find(pastDecember, 'December').value, '2024-12');
});

test('deictic days and weekdays resolve against the publication date (a Thursday)', () => {
  const list = times(
    'The envoy arrived yesterday, spoke today and leaves tomorrow. The talks began on Monday.',
  );
  assert.equal(find(list, 'yesterday').value, '2025-11-12');
  assert.equal(find(list, 'today').value, '2025-11-13');
  assert.equal(find(list, 'tomorrow').value, '2025-11-14');
  assert.equal(find(list, 'Monday').value, '2025-11-10');
  const next = times('The delegation will travel on Monday.');
  assert.equal(find(next, 'Monday').value, '2025-11-17');
});

test('relative units: last week, this year, next month, three years ago', () => {
  const list = times(
    'Sales fell last week. This year was hard, next month looks better, and three years ago it was worse.',
  );
  assert.equal(find(list, 'last week').value, '2025-W45');
  assert.equal(find(list, 'last week').granularity, 'week');
  assert.equal(find(list, 'This year').value, '2025');
  assert.equal(find(list, 'next month').value, '2025-12');
  assert.equal(find(list, 'three years ago').value, '2022');
  assert.ok(list.every((t) => t.relative));
});

test('durations and sets get TimeML durations', () => {
  const list = times(
    'The strike lasted two weeks and the port now opens daily, every Monday and for 24 hours at a time.',
  );
  const d = find(list, 'two weeks');
  assert.equal(d.type, 'DURATION');
  assert.equal(d.value, 'P2W');
  assert.equal(find(list, 'daily').type, 'SET');
  assert.equal(find(list, 'daily').value, 'P1D');
  assert.equal(find(list, 'every Monday').value, 'XXXX-WXX-1');
  assert.equal(find(list, '24 hours').value, 'PT24H');
});

test('"now" is PRESENT_REF, "recently" PAST_REF, "the future" FUTURE_REF', () => {
  const list = times(
    'The bridge is now open; it was recently repaired and will carry trams in the future.',
  );
  assert.equal(find(list, 'now').value, 'PRESENT_REF');
  assert.equal(find(list, 'now').granularity, 'ref');
  assert.equal(find(list, 'recently').value, 'PAST_REF');
  assert.equal(find(list, 'the future').value, 'FUTURE_REF');
});

test('narrative phrases follow the previous date: "the next day", "a couple of days later", "a year earlier"', () => {
  const list = times(
    'The Velmora council voted on March 4, 2025. The next day the mayor resigned. A couple of days later the council met again.',
  );
  assert.equal(find(list, 'The next day').value, '2025-03-05');
  const later = find(list, 'A couple of days later');
  assert.equal(later.relative, true);
  assert.ok(later.value.startsWith('2025-03'), later.value);
  const q = times('Profit rose in the third quarter from a year earlier.', '1989-10-27');
  assert.equal(find(q, 'the third quarter').value, '1989-Q3');
  assert.equal(find(q, 'a year earlier').value, '1988-Q3');
});

test('event-anchored phrases keep the event, the offset and the direction', () => {
  const list = times(
    'The envoy flew to Kestral a week before the Quillmark summit and briefed reporters after the Quillmark summit.',
  );
  const before = find(list, 'a week before the Quillmark summit');
  assert.deepEqual(before.anchor, {
    event: 'Quillmark summit',
    offset: 'P1W',
    direction: 'before',
  });
  assert.equal(before.resolved, false);
  const after = find(list, 'after the Quillmark summit');
  assert.equal(after.anchor?.direction, 'after');
});

test('an event dated in the same article resolves its anchored phrases', () => {
  const list = times(
    'The Quillmark summit on August 15 ended early. A week before the Quillmark summit, envoys met.',
  );
  const before = find(list, 'A week before the Quillmark summit');
  assert.equal(before.resolved, true);
  assert.equal(before.value, '2025-08-08');
});

test('"the next day" after an event named by its place is anchored to that event', () => {
  const list = times(
    'Envoys prepared the Quillmark summit for months. The presidents spoke in Quillmark for three hours. The next day in Velmora, the allies met.',
  );
  const next = find(list, 'The next day');
  assert.deepEqual(next.anchor, { event: 'Quillmark summit', offset: 'P1D', direction: 'after' });
});

test('without a publication date relative expressions stay unresolved, stated ones still resolve', () => {
  const list = times(
    'The dam opened on 2 May 2021 and closed last year for repairs in September.',
    null,
  );
  assert.equal(find(list, '2 May 2021').value, '2021-05-02');
  const last = find(list, 'last year');
  assert.equal(last.resolved, false);
  assert.match(last.value, /^X/);
  assert.equal(find(list, 'September').value, 'XXXX-09');
});

test('lower-case "may" and "march" are not months, numbers are not years', () => {
  const list = times(
    'Protesters may march on the square, and 2000 people signed; the fund holds $1999 and 2025.5 units.',
  );
  assert.deepEqual(
    list.map((t) => t.text),
    [],
  );
});

test('ages are not durations', () => {
  assert.deepEqual(
    times('The 52-year-old mayor of Velmora resigned.').map((t) => t.text),
    [],
  );
});

test('Russian dates: "13 ноября", "в сентябре" (past tense), "в июне 2024 года", "в прошлом году"', () => {
  const text =
    'Министр Квиллов заявил 13 ноября, что встреча в Кестрале прошла в сентябре. Условия были выдвинуты в июне 2024 года, а в прошлом году переговоры шли вчера и сейчас.';
  const list = times(text, '2025-11-13', 'ru');
  assert.equal(find(list, '13 ноября').value, '2025-11-13');
  assert.equal(find(list, 'сентябре').value, '2025-09');
  assert.equal(find(list, 'июне 2024 года').value, '2024-06');
  assert.equal(find(list, 'прошлом году').value, '2024');
  assert.equal(find(list, 'вчера').value, '2025-11-12');
  assert.equal(find(list, 'сейчас').value, 'PRESENT_REF');
});

test('Russian future tense moves a month forward; "три дня назад" counts back', () => {
  const list = times(
    'Делегация будет в Кестрале в марте. Три дня назад мэр уехал.',
    '2025-11-13',
    'ru',
  );
  assert.equal(find(list, 'марте').value, '2026-03');
  assert.equal(find(list, 'Три дня назад').value, '2025-11-10');
});

test('other languages do not fail: numeric dates everywhere, chrono locales where it has one', () => {
  const de = times(
    'Der Vertrag von Velmora wurde am 13. November 2025 unterzeichnet, Frist 2026-01-31.',
    '2025-11-13',
    'de',
  );
  assert.ok(
    de.some((t) => t.value === '2025-11-13'),
    JSON.stringify(de),
  );
  assert.ok(de.some((t) => t.value === '2026-01-31'));
  const tr = times('Velmora anlaşması 2025-11-13 tarihinde imzalandı.', '2025-11-13', 'tr');
  assert.deepEqual(
    tr.map((t) => t.value),
    ['2025-11-13'],
  );
  assert.doesNotThrow(() =>
    times('ヴェルモラ協定は2025年11月13日に署名された。', '2025-11-13', 'ja'),
  );
  assert.doesNotThrow(() => times('', null, 'xx'));
});

test('a cue before a date without a year beats the reporting verb: "payable Dec. 7", "since March"', () => {
  const list = times(
    'Velmora Mills declared a dividend payable Dec. 7 and said sales had grown since March.',
    '2025-10-27',
  );
  assert.equal(find(list, 'Dec. 7').value, '2025-12-07');
  assert.equal(find(list, 'March').value, '2025-03');
  const past = times('Velmora Mills declared a dividend on Dec. 7.', '2025-10-27');
  assert.equal(find(past, 'Dec. 7').value, '2024-12-07');
});
