import type { Span } from '../../types.js';

/** A token for the entity tagger: CoNLL-style (punctuation and possessive 's split off). */
export interface NerToken extends Span {
  /** The token as written. */
  text: string;
}

// Initialisms ("U.S."), numbers with separators, words with inner hyphens, apostrophes,
// dots or ampersands ("e-mail", "O'Neill", "AT&T"), and any other single non-space character.
const TOKEN =
  /(?:\p{L}\.){2,}|\d+(?:[.,:/-]\d+)*|[\p{L}\p{M}\p{N}]+(?:[-'’&.][\p{L}\p{M}\p{N}]+)*|\S/gu;

/** Short forms that keep their full stop, as CoNLL writes them ("Mr.", "St.", "Corp."). */
const KEEP_DOT = new Set(
  'mr mrs ms dr st gen sen rep gov lt col sgt jr sr prof capt adm maj inc corp ltd co no vs mt ft'.split(
    ' ',
  ),
);

const POSSESSIVE = /^(.*\p{L})(['’]s)$/u;

/** Tokens of text[start, end) with offsets into the full text. */
export function tokeniseForNer(text: string, start = 0, end = text.length): NerToken[] {
  const out: NerToken[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN)) {
    let t = m[0];
    let s = start + m.index!;
    const prev = out[out.length - 1];
    if (t === '.' && prev && prev.end === s && KEEP_DOT.has(prev.text.toLowerCase())) {
      prev.end++;
      prev.text += '.';
      continue;
    }
    // "Russia's": the possessive is a token of its own.
    const poss = t.length > 2 && t.endsWith('s') ? POSSESSIVE.exec(t) : null;
    if (poss) {
      out.push({ start: s, end: s + poss[1]!.length, text: poss[1]! });
      s += poss[1]!.length;
      t = poss[2]!;
    }
    out.push({ start: s, end: s + t.length, text: t });
  }
  return out;
}
