import { test } from 'node:test';
import assert from 'node:assert/strict';
import { termOf, tokenize } from '../../src/3-analyse/tokens.js';

test('tokenize: words with offsets, lower-cased, apostrophes unified', () => {
  const text = 'Ona Falk’s ferry-line carried cars in 2031.';
  assert.deepEqual(tokenize(text), [
    { start: 0, end: 3, word: 'ona', term: 'ona', capital: true },
    { start: 4, end: 10, word: "falk's", term: 'falk', capital: true },
    { start: 11, end: 21, word: 'ferry-line', term: 'ferri-line', capital: false },
    { start: 22, end: 29, word: 'carried', term: 'carri', capital: false },
    { start: 30, end: 34, word: 'cars', term: 'car', capital: false },
    { start: 35, end: 37, word: 'in', term: '', capital: false },
    { start: 38, end: 42, word: '2031', term: '2031', capital: false },
  ]);
});

test('tokenize: a sub-range gives offsets into the full text', () => {
  const text = 'The harbour council met.';
  assert.deepEqual(
    tokenize(text, 4, 19).map((t) => [t.start, t.end, t.word]),
    [
      [4, 11, 'harbour'],
      [12, 19, 'council'],
    ],
  );
  assert.deepEqual(tokenize(text, 5, 5), []);
});

test('tokenize: Cyrillic words are cut to a prefix when long', () => {
  assert.deepEqual(
    tokenize('Паром отплыл из Кестраля вчера', 0, undefined, 'ru').map((t) => [
      t.word,
      t.term,
      t.capital,
    ]),
    [
      ['паром', 'паром', true],
      ['отплыл', 'отплыл', false],
      ['из', '', false],
      ['кестраля', 'кестр', true],
      ['вчера', 'вчера', false],
    ],
  );
});

test('termOf: stop words have an empty term', () => {
  for (const w of ['the', 'said', 'and', 'mr', 'и', 'это']) assert.equal(termOf(w), '', w);
});

test('termOf: British and American spellings fold together', () => {
  const pairs: Array<[string, string]> = [
    ['cancelled', 'canceled'],
    ['organise', 'organize'],
    ['organisation', 'organization'],
    ['colour', 'color'],
    ['harbour', 'harbor'],
    ['centre', 'center'],
    ['travelling', 'traveling'],
    ['sergey', 'sergei'],
  ];
  for (const [a, b] of pairs) assert.equal(termOf(a), termOf(b), `${a} / ${b}`);
  assert.equal(termOf('harbour'), 'harbor');
  assert.equal(termOf('cancelled'), 'cancel');
});

test('termOf: English words are stemmed, possessives dropped', () => {
  assert.equal(termOf('ferries'), termOf('ferry'));
  assert.equal(termOf('cars'), 'car');
  assert.equal(termOf("falk's"), 'falk');
});

test('termOf: numbers lose separators; other scripts pass through', () => {
  assert.equal(termOf('1,200'), '1200');
  assert.equal(termOf('2031'), '2031');
  assert.equal(termOf('東京'), '東京');
});

test('termOf: a Cyrillic word is cached separately from a Latin one', () => {
  assert.equal(termOf('неожиданно'), 'неожи');
  assert.equal(termOf('кот'), 'кот');
  assert.equal(termOf('paroms', 'ru'), 'parom');
});

test('termOf: inflections of a word with a doubled consonant share a term', {}, () => {
  assert.equal(termOf('stopped'), termOf('stops'));
  assert.equal(termOf('planned'), termOf('plans'));
  assert.notEqual(termOf('planned'), termOf('plane'));
  assert.notEqual(termOf('sitting'), termOf('site'));
});

test('termOf: "U.S." is a content word, not the pronoun "us"', {}, () => {
  assert.notEqual(termOf('u.s'), '');
  const [us] = tokenize('U.S.');
  assert.notEqual(us?.term, '');
});

test('tokenize: a number with a thousands separator is one token', {}, () => {
  assert.deepEqual(
    tokenize('1,200 cars').map((t) => t.term),
    ['1200', 'car'],
  );
});
