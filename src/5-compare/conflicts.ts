import type { Span } from '../types.js';
import type { StatementGroup } from './comparison.js';

export interface ConflictSide extends Span {
  articleId: string;
  source: string;
  value: string;
}

/** Two renderings of one statement that disagree on a number or a date. */
export interface Conflict {
  groupId: string;
  kind: 'number' | 'date';
  a: ConflictSide;
  b: ConflictSide;
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  twenty: '20',
  hundred: '100',
  dozen: '12',
};
/** A digit or a number word: only such substitutions can disagree on a figure. */
const HAS_NUMBER = new RegExp(`\\d|\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'i');
const MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

function numbers(text: string): string[] {
  const out = (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/,/g, ''));
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? [])
    if (NUMBER_WORDS[w]) out.push(NUMBER_WORDS[w]!);
  return out.sort();
}

/**
 * Finds substitutions inside aligned statements where the numbers or the
 * months differ ("420 residents" vs "240 residents"). Reworded text without
 * figures is a paraphrase, not a conflict.
 */
export function findConflicts(groups: StatementGroup[]): Conflict[] {
  const out: Conflict[] = [];
  for (const g of groups) {
    // Each member's figures, computed once: groups in big stories have many pairs.
    const figures = new Map<number, Set<string>>();
    const figuresOf = (i: number) =>
      figures.get(i) ?? figures.set(i, new Set(numbers(g.members[i]!.text))).get(i)!;
    for (const p of g.pairs) {
      const ma = g.members[p.a]!;
      const mb = g.members[p.b]!;
      for (const op of p.diff) {
        if (op.op !== 'substitute') continue;
        const na = HAS_NUMBER.test(op.from) ? numbers(op.from) : [];
        const nb = na.length ? numbers(op.to) : [];
        const side = (m: typeof ma, s: Span, value: string): ConflictSide => ({
          articleId: m.articleId,
          source: m.source,
          start: s.start,
          end: s.end,
          value,
        });
        // A real disagreement: each side has a figure the other statement never gives.
        if (
          nb.length &&
          na.some((n) => !figuresOf(p.b).has(n)) &&
          nb.some((n) => !figuresOf(p.a).has(n))
        ) {
          out.push({
            groupId: g.id,
            kind: 'number',
            a: side(ma, op.a, op.from),
            b: side(mb, op.b, op.to),
          });
          continue;
        }
        const da = (op.from.match(MONTH) ?? []).sort().join();
        const db = (op.to.match(MONTH) ?? []).sort().join();
        if (da && db && da !== db) {
          out.push({
            groupId: g.id,
            kind: 'date',
            a: side(ma, op.a, op.from),
            b: side(mb, op.b, op.to),
          });
        }
      }
    }
  }
  return out;
}
