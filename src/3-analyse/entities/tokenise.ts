import type { Span } from '../../types.js';
import { nextMatch } from '../next-match.js';

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
  for (let at = nextMatch(source, TOKEN, start); at >= 0;) {
    const next = TOKEN.lastIndex;
    let s = offset + at;
    if (s >= end) break;
    let t = source.slice(at, next);
    if (s + t.length > end && source === text) {
      // The last token would cross the end: match the rest within the cut text.
      source = text.slice(s, end);
      offset = s;
      at = nextMatch(source, TOKEN, 0);
      continue;
    }
    at = nextMatch(source, TOKEN, next);
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
