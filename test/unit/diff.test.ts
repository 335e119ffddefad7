import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  diffSpans,
  diffStats,
  diffWords,
  shiftOps,
  spellingKey,
  type DiffOp,
} from '../../src/5-compare/diff.js';

function diffAll(a: string, b: string): DiffOp[] {
  return diffSpans(a, { start: 0, end: a.length }, b, { start: 0, end: b.length });
}

test('diffWords: words with offsets inside a range', () => {
  assert.deepEqual(diffWords('xx The ferry-line’s crew, 12 men.', 3, 33), [
    { start: 3, end: 6, word: 'The' },
    { start: 7, end: 19, word: 'ferry-line’s' },
    { start: 20, end: 24, word: 'crew' },
    { start: 26, end: 28, word: '12' },
    { start: 29, end: 32, word: 'men' },
  ]);
});

test('spellingKey folds spelling variants', () => {
  assert.equal(spellingKey('cancelled'), 'canceled');
  assert.equal(spellingKey('Organise'), 'organize');
  assert.equal(spellingKey('harbour'), 'harbor');
  assert.equal(spellingKey('centre'), 'center');
  assert.equal(spellingKey('Sergey'), 'sergei');
  assert.equal(spellingKey('travelling'), spellingKey('traveling'));
  assert.equal(spellingKey('Falk’s'), "falk's");
});

test('identical text (case and punctuation aside) is one equal op', () => {
  const a = 'The ferry was cancelled on Monday.';
  const b = 'the ferry was cancelled on monday';
  assert.deepEqual(diffAll(a, b), [
    {
      op: 'equal',
      a: { start: 0, end: 33 },
      b: { start: 0, end: 33 },
      text: 'The ferry was cancelled on Monday',
    },
  ]);
});

test('a spelling variant becomes a variant op between equal runs', () => {
  const a = 'The ferry was cancelled on Monday.';
  const b = 'The ferry was canceled on Monday.';
  assert.deepEqual(diffAll(a, b), [
    { op: 'equal', a: { start: 0, end: 13 }, b: { start: 0, end: 13 }, text: 'The ferry was' },
    {
      op: 'variant',
      a: { start: 14, end: 23 },
      b: { start: 14, end: 22 },
      from: 'cancelled',
      to: 'canceled',
    },
    { op: 'equal', a: { start: 24, end: 33 }, b: { start: 23, end: 32 }, text: 'on Monday' },
  ]);
});

test('a changed word between the same anchors is a substitution', () => {
  const ops = diffAll('The ferry was cancelled on Monday.', 'The ferry was postponed on Monday.');
  assert.deepEqual(ops[1], {
    op: 'substitute',
    a: { start: 14, end: 23 },
    b: { start: 14, end: 23 },
    from: 'cancelled',
    to: 'postponed',
  });
  assert.equal(ops.length, 3);
});

test('words only in a are deletions, words only in b insertions', () => {
  assert.deepEqual(diffAll('The ferry was cancelled on Monday.', 'The ferry was cancelled.'), [
    {
      op: 'equal',
      a: { start: 0, end: 23 },
      b: { start: 0, end: 23 },
      text: 'The ferry was cancelled',
    },
    { op: 'delete', a: { start: 24, end: 33 }, text: 'on Monday' },
  ]);
  const b = 'The ferry from Velmora stopped.';
  assert.deepEqual(diffAll('The ferry stopped.', b), [
    { op: 'equal', a: { start: 0, end: 9 }, b: { start: 0, end: 9 }, text: 'The ferry' },
    { op: 'insert', b: { start: 10, end: 22 }, text: 'from Velmora' },
    { op: 'equal', a: { start: 10, end: 17 }, b: { start: 23, end: 30 }, text: 'stopped' },
  ]);
});

test('empty sides give a single delete or insert', () => {
  assert.deepEqual(diffAll('', 'Something new.'), [
    { op: 'insert', b: { start: 0, end: 13 }, text: 'Something new' },
  ]);
  assert.deepEqual(diffAll('A b c.', ''), [
    { op: 'delete', a: { start: 0, end: 5 }, text: 'A b c' },
  ]);
  assert.deepEqual(diffAll('', ''), []);
});

test('spans are offsets into each full text, not into the sub-range', () => {
  const a = 'Prefix text. The ferry left at dawn.';
  const b = 'Other: the ferry left at noon!';
  const ops = diffSpans(a, { start: 13, end: a.length }, b, { start: 7, end: b.length });
  assert.deepEqual(ops, [
    { op: 'equal', a: { start: 13, end: 30 }, b: { start: 7, end: 24 }, text: 'The ferry left at' },
    {
      op: 'substitute',
      a: { start: 31, end: 35 },
      b: { start: 25, end: 29 },
      from: 'dawn',
      to: 'noon',
    },
  ]);
  for (const op of ops) {
    if (op.op === 'substitute') {
      assert.equal(a.slice(op.a.start, op.a.end), op.from);
      assert.equal(b.slice(op.b.start, op.b.end), op.to);
    }
  }
});

test('diffStats counts words per kind of change', () => {
  const ops = diffAll(
    'Mayor Ona Falk said the ferry was cancelled.',
    'Falk announced that the ferry service would stop.',
  );
  assert.deepEqual(diffStats(ops), { equal: 3, variant: 0, changedA: 5, changedB: 5 });
  assert.deepEqual(diffStats(diffAll('The ferry was cancelled.', 'The ferry was canceled.')), {
    equal: 3,
    variant: 1,
    changedA: 0,
    changedB: 0,
  });
  assert.deepEqual(diffStats([]), { equal: 0, variant: 0, changedA: 0, changedB: 0 });
});

test('a curly and a straight apostrophe are the same word, not a variant', {}, () => {
  const ops = diffAll('The ferry’s crew left.', "The ferry's crew left.");
  assert.deepEqual(
    ops.map((o) => o.op),
    ['equal'],
  );
});

describe('shiftOps', () => {
  it('moves a diff to where the same wording sits elsewhere, equal to diffing it there', () => {
    const a = 'The Orrin ferry was delayed by fog.';
    const b = 'Fog postponed the Orrin ferry.';
    const here = diffSpans(a, { start: 0, end: a.length }, b, { start: 0, end: b.length });
    const padA = `Lead sentence. ${a}`;
    const padB = `Another opening line here. ${b}`;
    const there = diffSpans(padA, { start: 15, end: padA.length }, padB, {
      start: 27,
      end: padB.length,
    });
    assert.deepEqual(shiftOps(here, 15, 27), there);
  });
});
