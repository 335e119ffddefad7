import type { Span } from '../../types.js';
import { nextMatch } from '../next-match.js';

/** A word or a single punctuation character, with offsets into the full text. */
export interface ClauseToken extends Span {
  /** As written. */
  raw: string;
  /** Lower-cased, ’ unified to '. */
  lower: string;
  isWord: boolean;
  capital: boolean;
  /** Inside a (top-level) quoted span, marks excluded. */
  quoted: boolean;
}

// Words keep inner apostrophes, dots and hyphens (U.S., O’Malley, D-Ill); a clitic ('s, n't) is
// its own token so "Trump's" and "wouldn't" split like the annotators' tokens.
const TOKEN =
  /(?:n['’]t|['’](?:s|ve|re|ll|d|m)\b)|[\p{L}\p{N}]+(?:(?:[.\-]|['’](?![st]\b|ve\b|re\b|ll\b|d\b|m\b))[\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/iuy;

/** Tokens of text[start, end). `quoted` marks words inside the given quoted spans. */
export function clauseTokens(
  text: string,
  start: number,
  end: number,
  quoted: Span[],
): ClauseToken[] {
  const out: ClauseToken[] = [];
  const slice = text.slice(start, end);
  let q = 0;
  let at = nextMatch(slice, TOKEN, 0);
  while (at >= 0) {
    const next = TOKEN.lastIndex;
    let raw = slice.slice(at, next);
    const s = start + at;
    // A trailing dot belongs to the word only for abbreviations (Sen., Mr., U.S.), not at a sentence end.
    if (raw.length > 1 && raw.endsWith('.') && !isAbbreviation(raw, text, s + raw.length)) {
      raw = raw.slice(0, -1);
      pushToken(out, raw, s, quoted, q);
      pushToken(out, '.', s + raw.length, quoted, q);
    } else pushToken(out, raw, s, quoted, q);
    while (q < quoted.length && quoted[q]!.end <= s) q++;
    at = nextMatch(slice, TOKEN, next);
  }
  return out;
}

function pushToken(out: ClauseToken[], raw: string, s: number, quoted: Span[], q: number): void {
  const e = s + raw.length;
  let inside = false;
  for (let k = Math.max(0, q - 1); k < quoted.length && quoted[k]!.start < e; k++) {
    if (s >= quoted[k]!.start && e <= quoted[k]!.end) inside = true;
  }
  // ASCII fast paths: most tokens are plain English words or punctuation.
  const c = raw.charCodeAt(0);
  const upper = c >= 65 && c <= 90;
  const ascii = upper || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  const isWord = ascii || (raw.length > 1 || c > 127 ? /[\p{L}\p{N}]/u.test(raw) : false);
  const lower = raw.toLowerCase();
  out.push({
    start: s,
    end: e,
    raw,
    lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
    isWord,
    capital: upper || (c > 127 && /^\p{Lu}/u.test(raw)),
    quoted: inside,
  });
}

const ABBREV =
  /^(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|sgt|capt|maj|adm|st|jr|sr|prof|rev|hon|pres|sec|atty|supt|det|u\.s|u\.k|u\.n|d\.c|inc|corp|co|ltd|no|vs|jan|feb|mar|apr|aug|sept|sep|oct|nov|dec|[a-z])\.$/i;

function isAbbreviation(raw: string, text: string, after: number): boolean {
  if (ABBREV.test(raw)) return true;
  // Initialisms with inner dots (U.S., D.C.) unless the sentence clearly ends there.
  if (/^(?:\p{L}\.)+$/u.test(raw)) return !/^\s*(?:\n|$)/.test(text.slice(after, after + 3));
  return false;
}
