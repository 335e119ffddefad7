import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotedSpans, topLevel } from '../../src/3-analyse/quotes/quote-marks.js';

const inner = (text: string) =>
  topLevel(findQuotedSpans(text)).map((q) => text.slice(q.inner.start, q.inner.end));

test('curly, straight, guillemet, low-high and single quotes', () => {
  assert.deepEqual(inner('“The pier is shut,” Vell said.'), ['The pier is shut,']);
  assert.deepEqual(inner('"The pier is shut," Vell said.'), ['The pier is shut,']);
  assert.deepEqual(inner('«Причал закрыт», — сказал Ветров.'), ['Причал закрыт']);
  assert.deepEqual(inner('„Причал закрыт“, — сказал Ветров.'), ['Причал закрыт']);
  assert.deepEqual(inner("'The pier is shut,' Vell said."), ['The pier is shut,']);
  assert.deepEqual(inner("''The pier is shut,'' Vell said."), ['The pier is shut,']);
  assert.deepEqual(inner('‘The pier is shut,’ Vell said.'), ['The pier is shut,']);
});

test('apostrophes inside words are not quote marks', () => {
  assert.deepEqual(inner("Vell’s crew didn't say 'closed' at O'Rourke's pier."), ['closed']);
  assert.deepEqual(inner('The students’ bus left.'), []);
});

test('nested quotes stay inside the outer quote', () => {
  const text = '"We heard "no entry" and "danger" at the gate," Brandt said.';
  const all = findQuotedSpans(text);
  assert.deepEqual(inner(text), ['We heard "no entry" and "danger" at the gate,']);
  assert.deepEqual(
    all.filter((q) => q.depth === 1).map((q) => text.slice(q.inner.start, q.inner.end)),
    ['no entry', 'danger'],
  );
  assert.deepEqual(inner('“He shouted ‘never again’ and left,” Vell said.'), [
    'He shouted ‘never again’ and left,',
  ]);
});

test('a quote opened at the paragraph start and not closed runs to the paragraph end', () => {
  const text = '“The first span cracked at dawn. We closed the road.';
  const q = findQuotedSpans(text);
  assert.equal(q.length, 1);
  assert.equal(q[0]!.closed, false);
  assert.equal(
    text.slice(q[0]!.inner.start, q[0]!.inner.end),
    'The first span cracked at dawn. We closed the road.',
  );
});

test('a stray mark in mid-sentence is dropped, not run to the end', () => {
  assert.deepEqual(inner('The 6" pipe burst near the pier.'), []);
  assert.deepEqual(inner('Vell said he was “sure the pier would hold.'), []);
});
