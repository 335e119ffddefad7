import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import type { Artifact, Sentence } from '../../src/types.js';

/** The text of every sentence, for readable assertions. */
function texts(text: string, sentences: Sentence[]): string[] {
  return sentences.map((s) => text.slice(s.start, s.end));
}

function artifact(start: number, end: number): Artifact {
  return { start, end, kind: 'caption', rule: 'test/rule', reason: 'test' };
}

test('splits two plain sentences with exact offsets', () => {
  const text = 'The ferry left Velmora at dawn. It reached Kestral by noon.';
  assert.deepEqual(splitSentences(text), [
    { start: 0, end: 31, paragraph: 0 },
    { start: 32, end: 59, paragraph: 0 },
  ]);
});

test('does not split after title abbreviations such as "Mr." and "Dr."', () => {
  const text = 'Mr. Quill met Dr. Aldous at the pier. They spoke briefly.';
  assert.deepEqual(texts(text, splitSentences(text)), [
    'Mr. Quill met Dr. Aldous at the pier.',
    'They spoke briefly.',
  ]);
});

test('does not split inside "U.S." followed by a lower-case word', () => {
  const text = 'The U.S. delegation reached Varnholt. Talks ended early.';
  const sentences = splitSentences(text);
  assert.deepEqual(texts(text, sentences), [
    'The U.S. delegation reached Varnholt.',
    'Talks ended early.',
  ]);
  assert.equal(sentences[1]!.start, 38);
});

test('keeps single initials together ("J. K. Brindle")', () => {
  const text = 'J. K. Brindle wrote the report. It was short.';
  assert.deepEqual(texts(text, splitSentences(text)), [
    'J. K. Brindle wrote the report.',
    'It was short.',
  ]);
});

test('keeps chained abbreviations and dates together', () => {
  const text = 'Lt. Col. Varga spoke on Jan. 5 at the St. Orrin hall. Everyone listened.';
  assert.deepEqual(texts(text, splitSentences(text)), [
    'Lt. Col. Varga spoke on Jan. 5 at the St. Orrin hall.',
    'Everyone listened.',
  ]);
});

test('does not split a decimal number', () => {
  const text = 'Fares rose 3.5 percent. Nobody in Velmora was surprised.';
  assert.deepEqual(texts(text, splitSentences(text)), [
    'Fares rose 3.5 percent.',
    'Nobody in Velmora was surprised.',
  ]);
});

test('sentences never cross a line break and paragraphs count non-blank lines', () => {
  const text = 'First line here.\n\n   \nSecond line here. Third one!\nlast line';
  assert.deepEqual(splitSentences(text), [
    { start: 0, end: 16, paragraph: 0 },
    { start: 22, end: 39, paragraph: 1 },
    { start: 40, end: 50, paragraph: 1 },
    { start: 51, end: 60, paragraph: 2 },
  ]);
});

test('trims surrounding whitespace from each sentence', () => {
  const text = '\t\tIndented sentence one.   Indented two.\t';
  assert.deepEqual(splitSentences(text), [
    { start: 2, end: 24, paragraph: 0 },
    { start: 27, end: 40, paragraph: 0 },
  ]);
});

test('drops pieces without any letter or digit', () => {
  assert.deepEqual(splitSentences('...'), []);
  assert.deepEqual(splitSentences('!!! ??? ...\n— – -\n«»'), []);
  assert.deepEqual(splitSentences('   \n\n \t \n'), []);
  assert.deepEqual(splitSentences(''), []);
});

test('keeps a quoted sentence and its attribution together', () => {
  const text = '"We will rebuild," said Ona Falk. "Soon."';
  assert.deepEqual(texts(text, splitSentences(text)), [
    '"We will rebuild," said Ona Falk.',
    '"Soon."',
  ]);
});

test('excludes artifact text and splits a line around an artifact', () => {
  const text =
    'VELMORA, March 14 (Harbour Wire) - The ferry left. Photo: Orrin Press. The crew waved.';
  const dateline = artifact(0, 35);
  const caption = artifact(51, 71);
  assert.equal(text.slice(51, 71), 'Photo: Orrin Press. ');
  const sentences = splitSentences(text, [dateline, caption]);
  assert.deepEqual(sentences, [
    { start: 35, end: 50, paragraph: 0 },
    { start: 71, end: 86, paragraph: 0 },
  ]);
  assert.deepEqual(texts(text, sentences), ['The ferry left.', 'The crew waved.']);
});

test('a line wholly inside an artifact yields no sentence but still counts as a paragraph', () => {
  const text = 'Read more: Ferry news\nThe crew waved.';
  const sentences = splitSentences(text, [artifact(0, 21)]);
  assert.deepEqual(sentences, [{ start: 22, end: 37, paragraph: 1 }]);
});

test('splits Cyrillic, CJK and Hebrew text', () => {
  const ru = 'Паром вышел из порта. Капитан им. Орлова ждал.';
  assert.deepEqual(texts(ru, splitSentences(ru, [], 'ru')), [
    'Паром вышел из порта.',
    'Капитан им. Орлова ждал.',
  ]);
  const ja = '東京の港で船が出た。乗客は三十人だった！';
  assert.deepEqual(splitSentences(ja, [], 'ja'), [
    { start: 0, end: 10, paragraph: 0 },
    { start: 10, end: 20, paragraph: 0 },
  ]);
  const he = 'שלום עולם. זה משפט שני.';
  assert.deepEqual(texts(he, splitSentences(he, [], 'he')), ['שלום עולם.', 'זה משפט שני.']);
});

test('an unknown language code falls back to a working segmenter', () => {
  const text = 'The ferry left. The crew waved.';
  assert.deepEqual(texts(text, splitSentences(text, [], 'und')), [
    'The ferry left.',
    'The crew waved.',
  ]);
  assert.deepEqual(texts(text, splitSentences(text, [], 'not a language!')), [
    'The ferry left.',
    'The crew waved.',
  ]);
});

test('a sentence-final common word that is also an abbreviation ends the sentence', {}, () => {
  const a = 'The council voted no. Talks ended on Friday.';
  assert.deepEqual(texts(a, splitSentences(a)), [
    'The council voted no.',
    'Talks ended on Friday.',
  ]);
  const b = 'The crew rested in the sun. Then the ferry left.';
  assert.deepEqual(texts(b, splitSentences(b)), [
    'The crew rested in the sun.',
    'Then the ferry left.',
  ]);
});
