import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import { runRules } from '../../src/3-analyse/time/candidates.js';
import { extractTimes } from '../../src/3-analyse/time/extract-times.js';
import type { Candidate } from '../../src/3-analyse/time/meaning.js';
import { RULES_EN } from '../../src/3-analyse/time/rules-en.js';
import type { TimeExpression } from '../../src/types.js';
import { SEEDS } from '../paths.js';

const TIMEML_VALUE =
  /^(?:\d{4}(?:-\d{2}(?:-\d{2}(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?)?|-W\d{2}(?:-WE)?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?|\d{2,3}|XXXX(?:-[X\d]{2}(?:-[X\d]{2}(?:T\d{2}:\d{2})?)?|-WXX(?:-\d|-WE)?|-QX)?|PRESENT_REF|PAST_REF|FUTURE_REF|P(?:T?[\dX.]+(?:Y|M|W|D|H|S|DE|CE|Q))+|XXXX-WXX-\d|TXX(?:MO|AF|EV|NI))$/;

/** Every invariant a consumer of time expressions relies on. */
function assertInvariants(text: string, list: TimeExpression[], label: string): void {
  let previousEnd = -1;
  for (const t of list) {
    const where = `${label}: ${JSON.stringify(t)}`;
    assert.ok(t.start < t.end, `empty span ${where}`);
    assert.ok(t.start >= 0 && t.end <= text.length, `out of bounds ${where}`);
    assert.ok(t.start >= previousEnd, `overlapping or out of order ${where}`);
    assert.equal(t.text, text.slice(t.start, t.end), `text differs from its slice ${where}`);
    assert.equal(t.text.trim(), t.text, `span has outer whitespace ${where}`);
    assert.match(t.value, TIMEML_VALUE, `not a TimeML value ${where}`);
    assert.ok(t.confidence > 0 && t.confidence <= 1, `confidence ${where}`);
    previousEnd = t.end;
  }
}

function run(text: string, published: string | null, language: string): TimeExpression[] {
  return extractTimes(text, splitSentences(text, [], language), { published, language });
}

const NASTY = [
  '',
  ' ',
  '\n\n\n',
  '2025',
  'May',
  'the the the year year year ago ago',
  'On 31 February 2025 and 2025-13-45 and 99/99/2099 nothing is a date.',
  'Friday Friday, Friday. last Friday next Friday this Friday',
  '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 days',
  'a week before the a week before the Quillmark summit summit after the',
  '🙂 13 ноября 🙂 2025 года 🙂 в сентябре 🙂',
  'x'.repeat(5000) + ' yesterday ' + '9'.repeat(3000),
  'Emoji 👩‍👩‍👧 on June 3, 2024\u0000and\u200bJuly 4',
  'The next day. The next day. The next day.',
];

test('span invariants hold on nasty input in every grammar', () => {
  for (const text of NASTY)
    for (const lang of ['en', 'ru', 'de', 'und', 'zz'])
      for (const published of ['2025-11-13', null, 'not a date'])
        assertInvariants(
          text,
          run(text, published, lang),
          `${lang} ${JSON.stringify(text.slice(0, 40))}`,
        );
});

test('span invariants hold on the seed articles', () => {
  for (const f of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(SEEDS, f), 'utf8');
    assertInvariants(text, run(text, '2025-11-13', 'en'), f);
  }
});

test('a February 29 only exists in leap years; invalid publication dates are ignored, not fatal', () => {
  const list = run('The vote was on 29 February 2024.', '2025-13-99', 'en');
  assert.equal(list[0]?.value, '2024-02-29');
  const rel = run('It rained yesterday.', '2025-13-99', 'en');
  assert.equal(rel[0]?.resolved, false);
});

test('matching in windows around trigger words finds exactly what a full pass finds', () => {
  const rules = RULES_EN;
  const texts = [
    ...readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(SEEDS, f), 'utf8')),
    'Long before the Quillmark summit, over the past twenty-four hours and 2 1/2 years ago, the Velmora Eastern fund (est. 1998) paid $5 a year every Monday until 10:30 a.m. Friday, Christmas 2024.',
  ];
  for (const text of texts) {
    const key = (c: Candidate): string => `${c.rule} ${c.start} ${c.end}`;
    const windowed = runRules(text, rules).map(key).sort();
    const full: string[] = [];
    for (const rule of rules) {
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
        const r = rule.build(m);
        if (!r) continue;
        let start = m.index + (r.start ?? 0);
        let end = m.index + (r.end ?? m[0].length);
        while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
        while (start < end && /\s/.test(text[start]!)) start++;
        full.push(`${rule.id} ${start} ${end}`);
      }
    }
    assert.deepEqual(windowed, full.sort());
  }
});
