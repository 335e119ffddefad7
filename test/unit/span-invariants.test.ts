import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseText } from '../../src/1-ingest/decode-text.js';
import { clean } from '../../src/2-clean/clean.js';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import type { Span } from '../../src/types.js';

/** Nasty inputs; every one is passed through normaliseText as decodeText would. */
const INPUTS: Array<[string, string]> = [
  ['empty', ''],
  ['only newlines', '\n\n\n'],
  ['empty-ish lines', '   \n\n \t \n\u00a0\n\u200b\n'],
  ['only punctuation', '...\n!!! ??? ...\n— – -\n«» “” ""'],
  ['only emoji', '😀😀😀. 🎉!'],
  ['emoji in prose', 'Ona waved 👋🏽 at the crowd. The crowd 🇳🇴 cheered! Then 🎉🎉🎉.'],
  ['astral letters', 'The sign read 𝐕𝐞𝐥𝐦𝐨𝐫𝐚. 𝔉𝔢𝔯𝔯𝔶 left.'],
  [
    'RTL Hebrew and Arabic',
    'שלום עולם. זה משפט שני.\nمرحبا بالعالم. هذه جملة ثانية.\nThe ferry ‏left‎ Velmora.',
  ],
  ['CRLF', 'Line one.\r\nLine two. Line three.\r\n\r\nLine four.\r\n'],
  ['bare CR', 'Line one.\rLine two.\rline three.'],
  ['Unicode line separators', 'Part a\u2028part b. Part c\u2029part d.'],
  ['very long line', 'The ferry left Velmora again and again. '.repeat(3000)],
  ['very long sentence', `The ${'very '.repeat(5000)}long ferry left.`],
  [
    'unmatched quotes',
    'He said "we will never. And then "maybe.\n“Unclosed quote and more. Next one.\n» Stray guillemet. «',
  ],
  [
    'abbreviations',
    'The U.S. envoy met Mr. Quill. Mrs. Dray and Dr. Holm left at 5 p.m. on Jan. 3.\nMr.\nU.S.\nJ. K. Brindle, i.e. the author, spoke.',
  ],
  [
    'Cyrillic',
    'Паром вышел в 5 ч. утра. Т.е. рано. Капитан им. Орлова ждал.\nПолная версия на сайте',
  ],
  ['CJK', '東京の港で船が出た。乗客は三十人だった！次の便は明日。\n今天下雨了。明天会晴天。'],
  ['Hangul', '대한 항구에서 배가 떠났다. 승객이 많았다.'],
  ['mixed scripts on one line', 'The ferry 東京の港 left. 대한 항구 and Паром вышел too.'],
  [
    'artifacts everywhere',
    'VELMORA, March 14 (Harbour Wire) - The ferry left.\nPhoto: Orrin Press\nRead more: Ferry news\nhttps://example.org/x\nThe crew waved. полная версия на сайте\n[Gazette](https://example.org/g)',
  ],
  [
    'combining marks',
    'Cafe\u0301 opened. Nai\u0308ve plan. Z\u0335\u0336a\u0337l\u0338g\u0334o text.',
  ],
  ['single characters', 'x\n.\ny.\n5'],
  ['tabs and padding', '\t\tIndented sentence one.   Indented two.\t\n    \n  Last.  '],
  ['lower-case continuations', 'talks ended. the crew left. and then. nothing.'],
  ['surrogate-heavy mix', '🇳🇴🇳🇴 Flag day in Velmora. 👩‍👩‍👧 Families came. 🤷‍♀️'],
];

function assertSpan(text: string, s: Span, what: string) {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: non-integer offsets`);
  assert.ok(
    0 <= s.start && s.start < s.end && s.end <= text.length,
    `${what}: bad span [${s.start}, ${s.end}) in ${text.length}`,
  );
}

for (const [name, raw] of INPUTS) {
  test(`span invariants: ${name}`, () => {
    const text = normaliseText(raw);
    assert.ok(!text.includes('\r'), 'normaliseText left a \\r');
    const artifacts = clean(text);
    const sentences = splitSentences(text, artifacts);

    artifacts.forEach((a, i) => assertSpan(text, a, `artifact ${i} (${a.kind})`));
    for (let i = 1; i < artifacts.length; i++) {
      assert.ok(artifacts[i - 1]!.start <= artifacts[i]!.start, `artifacts not sorted at ${i}`);
    }

    sentences.forEach((s, i) => {
      assertSpan(text, s, `sentence ${i}`);
      const body = text.slice(s.start, s.end);
      assert.ok(
        !/[\n\r\u2028\u2029]/.test(body),
        `sentence ${i} holds a line break: ${JSON.stringify(body)}`,
      );
      assert.equal(body, body.trim(), `sentence ${i} is not trimmed`);
      assert.match(body, /[\p{L}\p{N}]/u, `sentence ${i} has no letter or digit`);
      assert.ok(
        !/^[\uDC00-\uDFFF]/.test(body) && !/[\uD800-\uDBFF]$/.test(body),
        `sentence ${i} splits a surrogate pair`,
      );
      for (const a of artifacts) {
        assert.ok(
          s.end <= a.start || a.end <= s.start,
          `sentence ${i} overlaps artifact ${a.kind}`,
        );
      }
    });
    for (let i = 1; i < sentences.length; i++) {
      const prev = sentences[i - 1]!;
      const cur = sentences[i]!;
      assert.ok(prev.end <= cur.start, `sentences ${i - 1} and ${i} overlap or are unsorted`);
      assert.ok(prev.paragraph <= cur.paragraph, `paragraphs go backwards at ${i}`);
      // Paragraph changes exactly when a line break lies between two sentences.
      assert.equal(
        cur.paragraph !== prev.paragraph,
        text.slice(prev.end, cur.start).includes('\n'),
        `paragraph ${i}`,
      );
    }
  });
}

test('span invariants: the inputs yield sentences where they should', () => {
  const counts = Object.fromEntries(
    INPUTS.map(([name, raw]) => {
      const text = normaliseText(raw);
      return [name, splitSentences(text, clean(text)).length];
    }),
  );
  assert.equal(counts['empty'], 0);
  assert.equal(counts['only punctuation'], 0);
  assert.equal(counts['only emoji'], 0);
  assert.equal(counts['CRLF'], 4);
  assert.equal(counts['bare CR'], 3);
  assert.equal(counts['very long line'], 3000);
  assert.equal(counts['very long sentence'], 1);
  // "The ferry left." and "The crew waved."; the Russian leftover is flagged apart.
  assert.equal(counts['artifacts everywhere'], 2);
  assert.equal(counts['CJK'], 5);
  assert.equal(counts['Hangul'], 2);
});
