import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropFurnitureLines, splitCaptionLines } from '../../src/1-ingest/html/furniture-lines.js';
import { removeLinkBlocks } from '../../src/1-ingest/html/link-blocks.js';
import { blockParagraphs } from '../../src/1-ingest/html/block-text.js';
import { parseDocument } from '../../src/1-ingest/html/parse-dom.js';

test('short furniture lines go, report sentences that look similar stay', () => {
  const kept = dropFurnitureLines([
    'By Mira Tesk - 11/18/19 11:04 PM EST',
    'By Monday, the water had gone down by half a metre.',
    'PUBLISHED: 10:48, Tue, Nov 19, 2019',
    '| Updated at 1:23 p.m.',
    'Published reports said the gates were rusting.',
    'Updated figures show 12 homes were flooded.',
    '(Image: Harbour Wire)',
    'Read more: Storm surge floods Quay Street',
    'Related news',
    'More than 200 homes were flooded in 2019.',
    'Sign up for our morning newsletter.',
    '© 2024 Harbour Wire. All rights reserved.',
    'https://harbourwire.example/news/1',
    '/*',
    'CLICK HERE TO GET THE HARBOUR WIRE APP',
  ]);
  assert.deepEqual(kept, [
    'By Monday, the water had gone down by half a metre.',
    'Published reports said the gates were rusting.',
    'Updated figures show 12 homes were flooded.',
    'More than 200 homes were flooded in 2019.',
  ]);
});

test('long paragraphs are never dropped as furniture', () => {
  const long = `Subscribe ${'and read about the water board, which met on Tuesday to discuss the barrier. '.repeat(4)}`;
  assert.deepEqual(dropFurnitureLines([long]), [long]);
});

test('related-link lists and one-link teaser paragraphs are removed; linked words in prose stay', () => {
  const doc = parseDocument(`<div id="c">
    <p>The board met on Tuesday, <a href="/a">according to minutes</a> seen by the Harbour Wire, and agreed the repairs.</p>
    <p><a href="/b">Storm surge floods Quay Street</a></p>
    <ul><li><a href="/c">Water board raises charges</a></li><li><a href="/d">Ferry strike ends</a></li></ul>
    <ul><li>Gates one and two</li><li>The northern sluice</li></ul>
  </div>`);
  const root = doc.querySelector('#c')!;
  removeLinkBlocks(root);
  assert.deepEqual(blockParagraphs(root), [
    'The board met on Tuesday, according to minutes seen by the Harbour Wire, and agreed the repairs.',
    'Gates one and two',
    'The northern sluice',
  ]);
});

test('table rows become one line each; <br> a line break, <br><br> a paragraph break', () => {
  const doc = parseDocument(
    '<div id="t"><table><tr><th>Pos.</th><th>Driver</th></tr><tr><td>1</td><td>Mira Tesk</td></tr></table><p>one<br>two<br><br>three</p></div>',
  );
  assert.deepEqual(blockParagraphs(doc.querySelector('#t')!), [
    'Pos. Driver',
    '1 Mira Tesk',
    'one\ntwo',
    'three',
  ]);
});

test('paragraphs ending in a photo credit become captions', () => {
  const { body, captions } = splitCaptionLines([
    'A diver checks the north gate of the barrier on Monday. (Harbour Wire Photo/Mira Tesk, File)',
    'Roughly 40 homes remain without power [File: Harbour Wire]',
    'The board (which met on Monday) approved the plan.',
    'Mira Tesk | Harbour Wire | Getty Images',
    'Passengers wait at the quay / Reuters',
  ]);
  assert.deepEqual(body, ['The board (which met on Monday) approved the plan.']);
  assert.equal(captions.length, 4);
});

test('a row of several links separated by bars is a link block even when long', () => {
  const links = Array.from(
    { length: 4 },
    (_, i) => `<a href="/${i}">Another story about the Orrin Bay barrier, number ${i}</a>`,
  );
  const doc = parseDocument(
    `<div id="c"><p>${links.join(' | ')}</p><p>The real paragraph stays here, whatever else is around it.</p></div>`,
  );
  const root = doc.querySelector('#c')!;
  removeLinkBlocks(root);
  assert.deepEqual(blockParagraphs(root), [
    'The real paragraph stays here, whatever else is around it.',
  ]);
});
