import type { Span } from '../../types.js';

/** A stretch of text between quotation marks. */
export interface QuotedSpan extends Span {
  /** Inside the marks. */
  inner: Span;
  /** 0 for a top-level quote, 1 for a quote inside a quote, ... */
  depth: number;
  /** False for a multi-paragraph quote whose paragraph ends without a closing mark. */
  closed: boolean;
}

type Kind = 'dq' | 'sq' | 'curly' | 'low' | 'guillemet' | 'angle' | 'curly-single' | 'swedish';

interface Open {
  kind: Kind;
  at: number;
  len: number;
}

/** The quotation marks a token may be on its own (the neighbour classes call it "mark"). */
export const QUOTE_MARKS: ReadonlySet<string> = new Set([
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  '‘',
  '’',
  "'",
]);

const LETTER = /[\p{L}\p{N}]/u;
const SPACE_OR_OPENER = /[\s([{—–\-/“„«‹‘"']/;

/** " ' « » ‹ › and the curly and low marks ‘ ’ ‚ ‛ “ ” „ (U+2018–U+201E). */
function isMarkCode(c: number): boolean {
  return (
    c === 34 ||
    c === 39 ||
    c === 0xab ||
    c === 0xbb ||
    (c >= 0x2018 && c <= 0x201e) ||
    c === 0x2039 ||
    c === 0x203a
  );
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/**
 * Finds quoted spans in text[start, end) — one paragraph. Handles “…”, "…", ''…'', «…», „…“,
 * ‘…’, '…' and nesting. Straight marks open after a space or an opener and close after a
 * non-space; apostrophes inside words are skipped. An opening mark at the paragraph start
 * that is never closed is a multi-paragraph quote (`closed: false`, running to the end);
 * other unclosed marks are dropped.
 */
export function findQuotedSpans(text: string, start = 0, end = text.length): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const stack: Open[] = [];
  let first = start;
  while (first < end && /\s/.test(text[first]!)) first++;

  const close = (kind: Kind | Kind[], at: number, len: number): boolean => {
    const kinds = Array.isArray(kind) ? kind : [kind];
    for (let k = stack.length - 1; k >= 0; k--) {
      if (!kinds.includes(stack[k]!.kind)) continue;
      const o = stack[k]!;
      stack.length = k; // marks opened inside and never closed are dropped
      out.push({
        start: o.at,
        end: at + len,
        inner: { start: o.at + o.len, end: at },
        depth: k,
        closed: true,
      });
      return true;
    }
    return false;
  };
  const top = (): Kind | undefined => stack[stack.length - 1]?.kind;

  for (let i = start; i < end; i++) {
    // Most characters are no quotation mark: skip them before reading their neighbours.
    if (!isMarkCode(text.charCodeAt(i))) continue;
    const ch = text[i]!;
    const prev = i > start ? text[i - 1] : undefined;
    const next = i + 1 < end ? text[i + 1] : undefined;
    switch (ch) {
      case '“':
        // In „…“ (German, Russian) the left double quote closes.
        if (top() === 'low') close('low', i, 1);
        else stack.push({ kind: 'curly', at: i, len: 1 });
        break;
      case '”':
        if (close(['curly', 'low', 'swedish'], i, 1)) break;
        if (prev === undefined || /\s/.test(prev)) stack.push({ kind: 'swedish', at: i, len: 1 });
        // Mismatched marks in scraped copy: "…” closes a straight opening.
        else if (top() === 'dq') close('dq', i, 1);
        break;
      case '„':
        stack.push({ kind: 'low', at: i, len: 1 });
        break;
      case '«':
        stack.push({ kind: 'guillemet', at: i, len: 1 });
        break;
      case '»':
        close('guillemet', i, 1);
        break;
      case '‹':
        stack.push({ kind: 'angle', at: i, len: 1 });
        break;
      case '›':
        close('angle', i, 1);
        break;
      case '‘':
        if (!isLetter(prev)) stack.push({ kind: 'curly-single', at: i, len: 1 });
        break;
      case '’':
        // An apostrophe (O’Malley, don’t, students’) unless a ‘ is open and this ends a word.
        if (isLetter(prev) && isLetter(next)) break;
        if (stack.some((o) => o.kind === 'curly-single')) close('curly-single', i, 1);
        break;
      case '"':
      case "'": {
        // '' (two apostrophes) is a double quote in some wire copy.
        const doubled = ch === "'" && next === "'";
        const kind: Kind = ch === '"' || doubled ? 'dq' : 'sq';
        const len = doubled ? 2 : 1;
        const after = text[i + len];
        if (kind === 'sq' && isLetter(prev) && isLetter(after)) break; // don't, O'Neill
        const opensHere =
          (prev === undefined || SPACE_OR_OPENER.test(prev)) &&
          after !== undefined &&
          !/\s/.test(after);
        const closesHere =
          prev !== undefined && !/\s/.test(prev) && (after === undefined || !isLetter(after));
        if (closesHere && stack.some((o) => o.kind === kind)) close(kind, i, len);
        // …and “…" a curly one.
        else if (closesHere && kind === 'dq' && top() === 'curly') close('curly', i, len);
        else if (opensHere) stack.push({ kind, at: i, len });
        i += len - 1;
        break;
      }
    }
  }
  // A quote opened at the paragraph start and never closed runs on into the next paragraph.
  // So does one opened after a colon that introduces it ("He said: “…").
  const outer = stack[0];
  if (
    outer &&
    (outer.at === first ||
      // …or at a sentence start: "“A,” he said. “B …¶" runs on too.
      /(?:[:.!?]|[.!?,]["”’»])\s+$/.test(text.slice(Math.max(start, outer.at - 4), outer.at)))
  ) {
    let e = end;
    while (e > outer.at + outer.len && /\s/.test(text[e - 1]!)) e--;
    out.push({
      start: outer.at,
      end: e,
      inner: { start: outer.at + outer.len, end: e },
      depth: 0,
      closed: false,
    });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The top-level quoted spans of a list (those not inside another). */
export function topLevel(spans: QuotedSpan[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start >= last.start && s.end <= last.end) continue;
    out.push(s);
  }
  return out;
}
