import { foldSpelling } from '../3-analyse/tokens.js';
import type { Span } from '../types.js';

export interface DiffWord extends Span {
  word: string;
}

export type DiffOp =
  | { op: 'equal'; a: Span; b: Span; text: string }
  | { op: 'variant'; a: Span; b: Span; from: string; to: string }
  | { op: 'substitute'; a: Span; b: Span; from: string; to: string }
  | { op: 'delete'; a: Span; text: string }
  | { op: 'insert'; b: Span; text: string };

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export function diffWords(text: string, start: number, end: number): DiffWord[] {
  const out: DiffWord[] = [];
  for (const m of text.slice(start, end).matchAll(WORD)) {
    const s = start + m.index!;
    out.push({ start: s, end: s + m[0].length, word: m[0] });
  }
  return out;
}

/** Spelling-insensitive form: canceled/cancelled, Sergey/Sergei, organise/organize compare equal. */
export function spellingKey(word: string): string {
  return foldSpelling(word.toLowerCase().replace(/’/g, "'"));
}

/**
 * Word-level diff of two spans (LCS on spelling keys). Runs of deletions and
 * insertions between the same anchors become substitutions; a word pair equal
 * up to spelling is a "variant" (canceled -> cancelled).
 */
export function diffSpans(textA: string, a: Span, textB: string, b: Span): DiffOp[] {
  return diffPrepared(prepareSpan(textA, a), prepareSpan(textB, b));
}

/** A span's words and their comparison keys, computed once per span when it is diffed many times. */
export interface PreparedSpan {
  text: string;
  words: DiffWord[];
  plain: string[];
  keys: string[];
}

export function prepareSpan(text: string, span: Span): PreparedSpan {
  const words = diffWords(text, span.start, span.end);
  return {
    text,
    words,
    plain: words.map((w) => w.word.toLowerCase().replace(/’/g, "'")),
    keys: words.map((w) => spellingKey(w.word)),
  };
}

let table = new Uint16Array(4096);

export function diffPrepared(pa: PreparedSpan, pb: PreparedSpan): DiffOp[] {
  const { text: textA, words: wa, plain: ka, keys: sa } = pa;
  const { text: textB, words: wb, plain: kb, keys: sb } = pb;
  const n = wa.length;
  const m = wb.length;
  // LCS table on spelling keys; statements are short so O(n*m) is fine.
  // One flat table reused across calls: big stories diff thousands of pairs.
  const w = m + 1;
  if (table.length < (n + 1) * w) table = new Uint16Array((n + 1) * w * 2);
  const dp = table;
  dp.fill(0, n * w, (n + 1) * w);
  for (let i = 0; i < n; i++) dp[i * w + m] = 0;
  // The walk below takes a shared opening run diagonally without consulting the
  // table, so only cells past the common prefix are needed.
  let p = 0;
  while (p < n && p < m && sa[p] === sb[p]) p++;
  for (let i = n - 1; i >= p; i--) {
    for (let j = m - 1; j >= p; j--) {
      dp[i * w + j] =
        sa[i] === sb[j]
          ? dp[(i + 1) * w + j + 1]! + 1
          : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  let dels: DiffWord[] = [];
  let ins: DiffWord[] = [];
  const flush = () => {
    if (dels.length && ins.length) {
      ops.push({
        op: 'substitute',
        a: spanOf(dels),
        b: spanOf(ins),
        from: textA.slice(dels[0]!.start, dels[dels.length - 1]!.end),
        to: textB.slice(ins[0]!.start, ins[ins.length - 1]!.end),
      });
    } else if (dels.length) {
      ops.push({
        op: 'delete',
        a: spanOf(dels),
        text: textA.slice(dels[0]!.start, dels[dels.length - 1]!.end),
      });
    } else if (ins.length) {
      ops.push({
        op: 'insert',
        b: spanOf(ins),
        text: textB.slice(ins[0]!.start, ins[ins.length - 1]!.end),
      });
    }
    dels = [];
    ins = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && sa[i] === sb[j]) {
      flush();
      const wa0 = wa[i]!;
      const wb0 = wb[j]!;
      if (ka[i] === kb[j]) {
        const last = ops[ops.length - 1];
        if (last && last.op === 'equal') {
          // The run's text is cut once at the end: slicing per word makes garbage.
          last.a.end = wa0.end;
          last.b.end = wb0.end;
        } else {
          ops.push({
            op: 'equal',
            a: { start: wa0.start, end: wa0.end },
            b: { start: wb0.start, end: wb0.end },
            text: wa0.word,
          });
        }
      } else {
        ops.push({
          op: 'variant',
          a: spanOf([wa0]),
          b: spanOf([wb0]),
          from: wa0.word,
          to: wb0.word,
        });
      }
      i++;
      j++;
    } else if (j < m && (i === n || dp[i * w + j + 1]! >= dp[(i + 1) * w + j]!)) {
      ins.push(wb[j++]!);
    } else {
      dels.push(wa[i++]!);
    }
  }
  flush();
  for (const op of ops) if (op.op === 'equal') op.text = textA.slice(op.a.start, op.a.end);
  return ops;
}

function spanOf(words: DiffWord[]): Span {
  return { start: words[0]!.start, end: words[words.length - 1]!.end };
}

/** Counts of what a diff changes, in words. */
export function diffStats(ops: DiffOp[]) {
  let equal = 0;
  let variant = 0;
  let changedA = 0;
  let changedB = 0;
  const words = (t: string) => (t.match(WORD) ?? []).length;
  for (const o of ops) {
    if (o.op === 'equal') equal += words(o.text);
    else if (o.op === 'variant') variant++;
    else if (o.op === 'substitute') {
      changedA += words(o.from);
      changedB += words(o.to);
    } else if (o.op === 'delete') changedA += words(o.text);
    else changedB += words(o.text);
  }
  return { equal, variant, changedA, changedB };
}

/**
 * The same diff moved to other offsets: two members with the same wording (wire copies)
 * diff the same way wherever they sit in their articles.
 */
export function shiftOps(ops: DiffOp[], da: number, db: number): DiffOp[] {
  const move = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });
  return ops.map((op) => {
    switch (op.op) {
      case 'delete':
        return { ...op, a: move(op.a, da) };
      case 'insert':
        return { ...op, b: move(op.b, db) };
      default:
        return { ...op, a: move(op.a, da), b: move(op.b, db) };
    }
  });
}
