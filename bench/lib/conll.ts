/** Reads CoNLL-2003 files (token-per-line, IOB1 tags) into documents of BIO-tagged sentences. */
import { readFileSync } from 'node:fs';

export interface ConllSentence {
  words: string[];
  /** BIO tags (B- at every entity start). */
  tags: string[];
}

export type ConllDocument = ConllSentence[];

export function readConll(path: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let sent: ConllSentence = { words: [], tags: [] };
  const flush = () => {
    if (sent.words.length && doc) doc.push(sent);
    sent = { words: [], tags: [] };
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(' ');
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc = [];
      docs.push(doc);
      continue;
    }
    if (cols.length < 2 || cols[0] === '') {
      flush();
      continue;
    }
    if (!doc) {
      doc = [];
      docs.push(doc);
    }
    const raw = cols[cols.length - 1]!;
    const prev = sent.tags[sent.tags.length - 1] ?? 'O';
    let tag = raw;
    // IOB1 → BIO: an I- that does not continue an entity of its type begins one.
    if (raw.startsWith('I-') && prev.slice(2) !== raw.slice(2)) tag = `B-${raw.slice(2)}`;
    sent.words.push(cols[0]!);
    sent.tags.push(tag);
  }
  flush();
  return docs.filter((d) => d.length > 0);
}

/** Entity spans of a BIO sequence as "start:end:TYPE" keys (end exclusive). */
export function spansOf(tags: readonly string[]): string[] {
  const out: string[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const t = tags[i] ?? 'O';
    const continues = t.startsWith('I-') && t.slice(2) === type;
    if (start >= 0 && !continues) {
      out.push(`${start}:${i}:${type}`);
      start = -1;
    }
    if (t.startsWith('B-') || (t.startsWith('I-') && !continues)) {
      start = i;
      type = t.slice(2);
    }
  }
  return out;
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
}

export function f1(s: TypeScore): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Adds one sentence's exact-span matches to per-type counts (key "ALL" for overall). */
export function scoreSentence(
  gold: readonly string[],
  pred: readonly string[],
  into: Map<string, TypeScore>,
): void {
  const g = new Set(spansOf(gold));
  const p = new Set(spansOf(pred));
  const bump = (type: string, k: keyof TypeScore) => {
    for (const key of [type, 'ALL']) {
      const s = into.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      s[k]++;
      into.set(key, s);
    }
  };
  for (const s of p) bump(s.split(':')[2]!, g.has(s) ? 'tp' : 'fp');
  for (const s of g) if (!p.has(s)) bump(s.split(':')[2]!, 'fn');
}
