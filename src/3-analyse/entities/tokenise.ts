import type { Span } from '../../types.js';
import { isSpace, nextMatch } from '../next-match.js';

/** A token for the entity tagger: CoNLL-style (punctuation and possessive 's split off). */
export interface NerToken extends Span {
  /** The token as written. */
  text: string;
}

// Initialisms ("U.S."), numbers with separators, words with inner hyphens, apostrophes,
// dots or ampersands ("e-mail", "O'Neill", "AT&T"), and any other single non-space character.
const TOKEN =
  /(?:\p{L}\.){2,}|\d+(?:[.,:/-]\d+)*|[\p{L}\p{M}\p{N}]+(?:[-'’&.][\p{L}\p{M}\p{N}]+)*|\S/uy;

/** Short forms that keep their full stop, as CoNLL writes them ("Mr.", "St.", "Corp."). */
const KEEP_DOT = new Set(
  'mr mrs ms dr st gen sen rep gov lt col sgt jr sr prof capt adm maj inc corp ltd co no vs mt ft'.split(
    ' ',
  ),
);

const POSSESSIVE = /^(.*\p{L})(['’]s)$/u;

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiWord = (c: number) => isAsciiLetter(c) || isDigit(c);

/** The UTF-16 unit at k, a space past the end (a function, not a closure: one per token was garbage). */
const at = (s: string, k: number) => (k < s.length ? s.charCodeAt(k) : 32);

/**
 * TOKEN's match at `i` in plain ASCII, decided without the regex: the end of the match, or -1
 * when a character the decision needs is not ASCII (the caller then asks the regex, so the
 * tokens are the same). The regex's alternatives are tried in its order.
 */
function asciiTokenEnd(s: string, i: number): number {
  const c = at(s, i);
  if (c >= 128) return -1;
  // (?:\p{L}\.){2,}: initialisms.
  if (isAsciiLetter(c)) {
    let k = i;
    let pairs = 0;
    for (;;) {
      const x = at(s, k);
      if (x >= 128) return -1;
      if (!isAsciiLetter(x)) break;
      const dot = at(s, k + 1);
      if (dot !== 46) break;
      pairs++;
      k += 2;
    }
    if (pairs >= 2) return k;
  }
  // \d+(?:[.,:/-]\d+)*: numbers with separators.
  if (isDigit(c)) {
    let k = i + 1;
    for (;;) {
      while (isDigit(at(s, k))) k++;
      const sep = at(s, k);
      if (
        (sep === 46 || sep === 44 || sep === 58 || sep === 47 || sep === 45) &&
        isDigit(at(s, k + 1))
      )
        k += 2;
      else return k;
    }
  }
  // [\p{L}\p{M}\p{N}]+(?:[-'’&.][\p{L}\p{M}\p{N}]+)*: words.
  if (isAsciiWord(c)) {
    let k = i + 1;
    for (;;) {
      let x = at(s, k);
      while (isAsciiWord(x)) x = at(s, ++k);
      if (x >= 128) return -1;
      if (x === 45 || x === 39 || x === 38 || x === 46) {
        const y = at(s, k + 1);
        if (y >= 128) return -1;
        if (isAsciiWord(y)) {
          k += 2;
          continue;
        }
      }
      return k;
    }
  }
  // \S: any other single character.
  return i + 1;
}

/** The next TOKEN match at or after `from`: its start (or -1), with TOKEN.lastIndex at its end. */
function nextToken(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) continue;
    const end = c < 128 ? asciiTokenEnd(s, i) : -1;
    if (end >= 0) {
      TOKEN.lastIndex = end;
      return i;
    }
    return nextMatch(s, TOKEN, i);
  }
  return -1;
}

/** Tokens of text[start, end) with offsets into the full text. */
export function tokeniseForNer(text: string, start = 0, end = text.length): NerToken[] {
  return tokensOf(text, start, end, (s, e, t) => ({ start: s, end: e, text: t }));
}

/**
 * The tokeniser proper: `make` builds each token (so callers can add fields without
 * reshaping the objects). Matches run on the full text from `start`; a match running past
 * `end` is redone on the cut text, so tokens never cross `end`.
 */
export function tokensOf<T extends NerToken>(
  text: string,
  start: number,
  end: number,
  make: (start: number, end: number, text: string) => T,
): T[] {
  const out: T[] = [];
  let source = text;
  let offset = 0;
  for (let at = nextToken(source, start); at >= 0;) {
    const next = TOKEN.lastIndex;
    let s = offset + at;
    if (s >= end) break;
    let t = source.slice(at, next);
    if (s + t.length > end && source === text) {
      // The last token would cross the end: match the rest within the cut text.
      source = text.slice(s, end);
      offset = s;
      at = nextToken(source, 0);
      continue;
    }
    at = nextToken(source, next);
    const prev = out[out.length - 1];
    if (t === '.' && prev && prev.end === s && KEEP_DOT.has(prev.text.toLowerCase())) {
      prev.end++;
      prev.text += '.';
      continue;
    }
    // "Russia's": the possessive is a token of its own.
    const poss = t.length > 2 && t.endsWith('s') ? POSSESSIVE.exec(t) : null;
    if (poss) {
      out.push(make(s, s + poss[1]!.length, poss[1]!));
      s += poss[1]!.length;
      t = poss[2]!;
    }
    out.push(make(s, s + t.length, t));
  }
  return out;
}
