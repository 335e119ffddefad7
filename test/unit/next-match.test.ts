import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextMatch } from '../../src/3-analyse/next-match.js';

/** Every match of `source` as [start, end] pairs, found with a global regex. */
function globalMatches(text: string, source: string, flags: string): Array<[number, number]> {
  const re = new RegExp(source, flags + 'g');
  return [...text.matchAll(re)].map((m) => [m.index!, m.index! + m[0].length]);
}

function stickyMatches(text: string, source: string, flags: string): Array<[number, number]> {
  const re = new RegExp(source, flags + 'y');
  const out: Array<[number, number]> = [];
  for (let at = nextMatch(text, re, 0); at >= 0; at = nextMatch(text, re, re.lastIndex)) {
    out.push([at, re.lastIndex]);
  }
  return out;
}

const TEXTS = [
  '',
  '   ',
  'Harbour officials said\u00a0the ferry (route 7) won’t sail — "not before 2031," said Vell.',
  '\ufeffTabs\tand\u2003em\u2009spaces,\u3000ideographic too.',
  'Emoji 🚢 and 𝐛𝐨𝐥𝐝 letters, O’Neill’s U.S. trip; 3,000 people.',
  '«Кабинет» заявил: „Нет“ — 13 ноября.',
];

test('nextMatch finds what a global regex finds, at the same positions', () => {
  const patterns: Array<[string, string]> = [
    ['\\p{L}+', 'u'],
    ['[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]', 'u'],
    ['\\p{L}+', 'iu'],
    ['[a-z]+', ''],
  ];
  for (const text of TEXTS) {
    for (const [source, flags] of patterns) {
      assert.deepEqual(
        stickyMatches(text, source, flags),
        globalMatches(text, source, flags),
        `${source} on ${JSON.stringify(text)}`,
      );
    }
  }
});

test('nextMatch returns -1 past the last match and leaves the end in lastIndex', () => {
  const re = /\p{L}+/uy;
  assert.equal(nextMatch('  ferry  ', re, 0), 2);
  assert.equal(re.lastIndex, 7);
  assert.equal(nextMatch('  ferry  ', re, 7), -1);
  assert.equal(nextMatch('', re, 0), -1);
});
