import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiffOp } from '../../src/5-compare/diff.js';
import { classifyPair, RELATION_ORDER } from '../../src/5-compare/relation.js';

const NO_SPAN = { start: 0, end: 0 };

/** n distinct words, "w1 w2 ...". */
function words(n: number, prefix = 'w'): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(' ');
}
const equal = (n: number): DiffOp => ({ op: 'equal', a: NO_SPAN, b: NO_SPAN, text: words(n) });
const variant = (): DiffOp => ({
  op: 'variant',
  a: NO_SPAN,
  b: NO_SPAN,
  from: 'cancelled',
  to: 'canceled',
});
const substitute = (nA: number, nB: number): DiffOp => ({
  op: 'substitute',
  a: NO_SPAN,
  b: NO_SPAN,
  from: words(nA, 'a'),
  to: words(nB, 'b'),
});
const del = (n: number): DiffOp => ({ op: 'delete', a: NO_SPAN, text: words(n, 'd') });
const ins = (n: number): DiffOp => ({ op: 'insert', b: NO_SPAN, text: words(n, 'i') });

test('relation order is strongest first', () => {
  assert.deepEqual(RELATION_ORDER, ['identical', 'near-identical', 'paraphrase', 'partial']);
});

test('identical: no changes and no variants', () => {
  assert.equal(classifyPair([equal(8)], 1), 'identical');
  assert.equal(classifyPair([], 0), 'identical');
});

test('near-identical: only spelling variants', () => {
  assert.equal(classifyPair([equal(4), variant(), equal(3)], 1), 'near-identical');
});

test('near-identical: one changed word is always allowed', () => {
  assert.equal(classifyPair([equal(3), substitute(1, 1)], 0.5), 'near-identical');
  assert.equal(classifyPair([equal(3), del(1)], 0.5), 'near-identical');
});

test('near-identical: up to 6% of the longer statement may change', () => {
  // 34 words: floor(0.06 * 34) = 2 changed words allowed.
  assert.equal(classifyPair([equal(32), substitute(2, 2)], 0.9), 'near-identical');
  // 33 words: floor(0.06 * 33) = 1, so 2 changed words are a paraphrase.
  assert.equal(classifyPair([equal(31), substitute(2, 2)], 0.9), 'paraphrase');
});

test('paraphrase: several words differ', () => {
  assert.equal(classifyPair([equal(3), substitute(5, 5)], 0.5), 'paraphrase');
  assert.equal(classifyPair([equal(4), del(2)], 0.9), 'paraphrase');
});

test('partial: the longer rendering is mostly additions and contains the shorter', () => {
  // a: 3 words, b: 3 + 16 words.
  const ops = [equal(2), ins(4), equal(1), ins(12)];
  assert.equal(classifyPair(ops, 0.9), 'partial');
  assert.equal(classifyPair(ops, 0.8), 'partial');
  // Containment below 0.8: the longer one is not known to hold the shorter.
  assert.equal(classifyPair(ops, 0.79), 'paraphrase');
});

test('partial is symmetric in which side is longer', () => {
  assert.equal(classifyPair([equal(3), del(16)], 0.9), 'partial');
  assert.equal(classifyPair([equal(3), ins(16)], 0.9), 'partial');
});

test('partial needs the longer side to add more words than the shorter has', () => {
  // a: 10 words; b: 10 + 8 = 18 words (>= 1.8x) but only 8 extra words (not > 10).
  assert.equal(classifyPair([equal(10), ins(8)], 0.9), 'paraphrase');
  // a: 5 words, b: 5 + 6 = 11 words: 6 > 5 and 11 >= 9.
  assert.equal(classifyPair([equal(5), ins(6)], 0.9), 'partial');
});
