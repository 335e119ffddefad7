import type { Span } from '../../types.js';
import type { ClauseToken } from './clause-tokens.js';
import { ADDRESSEE_VERBS } from './cue-lexicon.js';
import type { QuotedSpan } from './quote-marks.js';

/**
 * Finding the Content span of a cue. Conventions (as in PolNeAR): indirect content starts at
 * the complementiser ("that …") and ends before the sentence's final stop; a direct quote is
 * the text inside its marks.
 */

const DAYS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later|recently|last|this|on|in|at|during|after|before|while|when|via|through|from|over|again|privately|publicly|repeatedly|once|then|also|too|however|late|early|separately|previously|flatly|bluntly|simply|only)$/;
/** Tokens a content without a complementiser needs after an adjunct. */
const MIN_BARE_CONTENT = 6;
const COMPLEMENTISERS = /^(?:that|if|whether|что|чтобы|ли)$/;

/** "that" followed by a verb is a relative pronoun ("the newspaper that refused …"), not a complementiser. */
export function isComplementiser(tokens: ClauseToken[], k: number): boolean {
  const t = tokens[k];
  if (!t || !COMPLEMENTISERS.test(t.lower)) return false;
  const n = tokens[k + 1];
  if (
    t.lower === 'that' &&
    n &&
    /^(?:is|was|are|were|has|have|had|will|would|can|could|refused|\w+ed)$/.test(n.lower) &&
    !n.capital
  )
    return false;
  return true;
}

/** A span with leading spaces and the sentence's final punctuation removed (a closing quote mark stays). */
export function trimContent(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s.;:!?,—–-]/.test(text[end - 1]!)) {
    // "U.S." keeps its dot.
    if (
      text[end - 1] === '.' &&
      /\b(?:\p{L}\.){2,}$/u.test(text.slice(Math.max(start, end - 8), end))
    )
      break;
    end--;
  }
  return end > start ? { start, end } : null;
}

/** The top-level quoted span that starts at (or just after) offset `at`, if any. */
export function quoteStartingAt(
  quotes: QuotedSpan[],
  at: number,
  text: string,
): QuotedSpan | undefined {
  let i = at;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return quotes.find((q) => q.depth === 0 && q.start === i);
}

/** The top-level quoted span that ends at (or just before, past commas and dashes) offset `at`. */
export function quoteEndingAt(
  quotes: QuotedSpan[],
  at: number,
  text: string,
): QuotedSpan | undefined {
  let i = at;
  while (i > 0 && /[\s,—–-]/.test(text[i - 1]!)) i--;
  return quotes.find(
    (q) => q.depth === 0 && (q.end === i || (q.end > i && q.inner.end <= i + 1 && q.start < i)),
  );
}

/**
 * Content after a pre-posed cue ending at token `after` (exclusive): skips the addressee of
 * "told"/"asked", adjuncts ("on Tuesday", "in a statement") and a colon; runs to the sentence end.
 */
export function contentAfter(
  text: string,
  tokens: ClauseToken[],
  verb: ClauseToken,
  after: number,
  sentenceEnd: number,
): Span | null {
  let k = after;
  const at = (i: number) => tokens[i];
  if (k >= tokens.length) return null;
  // Russian ", что …" and English ", that …".
  if (at(k)!.raw === ',' && isComplementiser(tokens, k + 1)) k++;
  if (ADDRESSEE_VERBS.has(verb.lower)) {
    const that = findWithin(
      tokens,
      k,
      7,
      (t, j) => isComplementiser(tokens, j) || t.raw === ':' || t.quoted,
    );
    if (that >= 0) k = that;
    else k = skipObject(tokens, k);
  } else if (at(k) && DAYS.test(at(k)!.lower)) {
    const stop = findWithin(
      tokens,
      k,
      14,
      (t, j) => isComplementiser(tokens, j) || t.raw === ':' || t.raw === ',' || t.quoted,
    );
    // No complementiser: "says too much is made of …", "announced on Friday the arrest of …" —
    // the content runs from the adjunct when a clause's worth of words follows.
    if (stop >= 0) k = stop;
    else if (tokens.length - k < MIN_BARE_CONTENT) return null;
  }
  while (at(k) && (at(k)!.raw === ':' || at(k)!.raw === ',' || at(k)!.raw === '—')) k++;
  const first = at(k);
  if (!first) return null;
  // The opening mark of a quote belongs to the content.
  let start = first.start;
  if (first.quoted && start > 0 && /["“„«‘'‹”]/.test(text[start - 1]!)) start--;
  return trimContent(text, { start, end: sentenceEnd });
}

/** Skips the addressee noun phrase after "told": "reporters", "the newspaper", "CNN", "him". */
export function skipObject(tokens: ClauseToken[], k: number): number {
  const t = tokens[k];
  if (!t) return k;
  if (
    /^(?:him|her|them|me|us|you|reporters|journalists|supporters|voters|listeners|viewers|readers|lawmakers|officials|friends|members|him\.|it)$/.test(
      t.lower,
    )
  )
    return k + 1;
  if (/^(?:the|a|an|his|her|their|its)$/.test(t.lower) || t.capital) {
    let j = k + 1;
    while (
      j < tokens.length &&
      j - k < 6 &&
      tokens[j]!.isWord &&
      (tokens[j]!.capital ||
        /^(?:newspaper|radio|station|magazine|agency|news|paper|press|broadcaster|channel|network|website|outlet|daily|times|post|of|and|reporters|correspondent|interviewer|audience|crowd|host|committee|'s)$/.test(
          tokens[j]!.lower,
        ))
    )
      j++;
    return j;
  }
  return k;
}

function findWithin(
  tokens: ClauseToken[],
  from: number,
  n: number,
  ok: (t: ClauseToken, j: number) => boolean,
): number {
  for (let j = from; j < tokens.length && j < from + n; j++) {
    const t = tokens[j]!;
    if (ok(t, j)) return j;
    if (t.raw === '.' || t.raw === ';') return -1;
  }
  return -1;
}
