import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokeniseForNer } from '../../src/3-analyse/entities/tokenise.js';

// The tokeniser's pattern, matched the slow way (a global regex), as the reference the ASCII
// scanner must agree with. Kept in step with TOKEN in tokenise.ts.
const REFERENCE =
  /(?:\p{L}\.){2,}|\d+(?:[.,:/-]\d+)*|[\p{L}\p{M}\p{N}]+(?:[-'’&.][\p{L}\p{M}\p{N}]+)*|\S/gu;

const POSSESSIVE_OR_KEPT_DOT =
  /['’]s|(?<![a-z])(?:mrs?|ms|dr|st|gen|sen|rep|gov|lt|col|sgt|[js]r|prof|capt|adm|maj|inc|corp|ltd|co|no|vs|mt|ft)\./i;

function regexTokens(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => m[0]);
}

test('the ASCII scanner cuts tokens where the pattern does', () => {
  const alphabet = "aZ9.,:/-'’&é\u0301Ж\t\n“”—_()0$ U.S. e.g. 1,000.5 3rd O'Neill AT&T 12:30 a.b";
  let seed = 11;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  for (let i = 0; i < 5000; i++) {
    let s = '';
    const n = 1 + Math.floor(random() * 30);
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(random() * alphabet.length)];
    // Possessives and kept full stops ("Mr.") are the tokeniser's own steps on top of the
    // pattern: compare texts without them.
    if (POSSESSIVE_OR_KEPT_DOT.test(s)) continue;
    const got = tokeniseForNer(s).map((t) => s.slice(t.start, t.end));
    assert.deepEqual(got, regexTokens(s), JSON.stringify(s));
  }
});

test('initialisms, numbers and inner punctuation stay whole', () => {
  const text = 'The U.S. paid 1,250.75 on 12/03 to AT&T and O’Neill-Smith at 3rd St. today.';
  assert.deepEqual(
    tokeniseForNer(text).map((t) => t.text),
    [
      'The',
      'U.S.',
      'paid',
      '1,250.75',
      'on',
      '12/03',
      'to',
      'AT&T',
      'and',
      'O’Neill-Smith',
      'at',
      '3',
      'rd',
      'St.',
      'today',
      '.',
    ],
  );
});
