import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simpleSentenceBreaks } from '../../src/3-analyse/sentence-breaks.js';

const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuBreaks = (s: string) => [...icu.segment(s)].map((seg) => seg.index).filter((i) => i > 0);

const PARAGRAPHS = [
  'The ferry left at 6.30 this morning. It was late.',
  'Officials in the U.S. said nothing. Mr. Tresk did.',
  'Was it worth it?! Nobody knows. "Maybe," said Vell.',
  '“We will stay out.” She left the hall. (The vote came later.) Then silence.',
  'Pay rose 3.5% in 2031; costs rose more. Workers said: no. Then they voted.',
  'The port reopened at 9 a.m. today. Ships waited — some for days. Why? Fog.',
  'Zoë Brandt, of Köln, spoke first... and then the others. Élise agreed.',
  'He wrote "Stop." Then nothing. [Edited.] It ends here.',
  "The plan's cost: $4.2m. Its backers' answer: 'later.' 'Now,' said Anja.",
  'A.B. Ferries and Q.E.D. Ltd. bid. Neither won.',
];

test('breaks where Intl.Segmenter breaks, on text in the repertoire', () => {
  for (const p of PARAGRAPHS) assert.deepEqual(simpleSentenceBreaks(p), icuBreaks(p), p);
});

test('leaves text outside the repertoire to the segmenter', () => {
  assert.equal(simpleSentenceBreaks('Паром ушёл. Он опоздал.'), null);
  assert.equal(simpleSentenceBreaks('It ended… Then it began.'), null);
});
