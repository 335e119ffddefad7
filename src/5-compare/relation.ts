import type { DiffOp } from './diff.js';
import { diffStats } from './diff.js';

/** How one rendering of a statement relates to another. */
export type Relation = 'identical' | 'near-identical' | 'paraphrase' | 'partial';

/** Strength order, strongest first: a group is as close as its closest pair. */
export const RELATION_ORDER: Relation[] = ['identical', 'near-identical', 'paraphrase', 'partial'];

/**
 * Classifies a pair from its word diff:
 * - identical: same words (punctuation and case aside);
 * - near-identical: differences are spelling variants or at most a word or two in a long statement;
 * - partial: one rendering is mostly inside the other, which says clearly more;
 * - paraphrase: the same content in other words.
 */
export function classifyPair(ops: DiffOp[], containment: number): Relation {
  const { equal, variant, changedA, changedB } = diffStats(ops);
  const lenA = equal + variant + changedA;
  const lenB = equal + variant + changedB;
  if (changedA === 0 && changedB === 0) return variant === 0 ? 'identical' : 'near-identical';
  const changed = Math.max(changedA, changedB);
  if (changed <= Math.max(1, Math.floor(0.06 * Math.max(lenA, lenB)))) return 'near-identical';
  const shorter = Math.min(lenA, lenB);
  const longer = Math.max(lenA, lenB);
  const extra = lenA > lenB ? changedA : changedB;
  // "Says clearly more": the longer one adds more words than the shorter one has.
  if (containment >= 0.8 && longer >= 1.8 * shorter && extra > shorter) return 'partial';
  return 'paraphrase';
}
