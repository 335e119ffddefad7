import { test } from 'node:test';
import assert from 'node:assert/strict';
import { typedByHead, withoutCommonOpeners } from '../../src/3-analyse/entities/name-heads.js';
import type { DocToken, NameSpan } from '../../src/3-analyse/entities/names.js';

const GAZETTEER = new Map<string, string[]>([
  ['hospital', ['ORGW']],
  ['society', ['ORGW']],
  ['power', ['ORGW']],
  ['lane', ['LOCW']],
  ['hill', ['LOCW']],
  ['road', ['LOCW']],
  ['district', ['LOCW']],
  ['mirela', ['FNF']],
]);
const CAPITALISATION = new Map<string, string>([['yesterday', 'L']]);

/** One-sentence tokens of invented words, split on spaces. */
function tokens(sentence: string): DocToken[] {
  let at = 0;
  return sentence.split(' ').map((text) => {
    const t = { start: at, end: at + text.length, text, sentence: 0 };
    at += text.length + 1;
    return t;
  });
}

const span = (first: number, last: number, type: NameSpan['type']): NameSpan => ({
  first,
  last,
  type,
  confidence: 1,
});

test('a person-typed name ending in an organisation or place word is retyped', () => {
  const t = tokens('Crews from Dorvel Hospital and Tamsin Lane met the Orrin Birch Society');
  const names = typedByHead(
    t,
    [span(2, 4, 'person'), span(5, 7, 'person'), span(9, 12, 'person')],
    GAZETTEER,
    CAPITALISATION,
  );
  assert.deepEqual(
    names.map((n) => n.type),
    ['org', 'place', 'org'],
  );
});

test('a given name keeps a person whose surname is such a word', () => {
  const t = tokens('Mirela Power and Mirela Hill spoke');
  const names = typedByHead(
    t,
    [span(0, 2, 'person'), span(3, 5, 'person')],
    GAZETTEER,
    CAPITALISATION,
  );
  assert.deepEqual(
    names.map((n) => n.type),
    ['person', 'person'],
  );
});

test('a lone organisation word takes the capitalised words the tagger left before it', () => {
  const t = tokens('Velmora General Hospital is open , said Power');
  const names = typedByHead(
    t,
    [span(2, 3, 'person'), span(7, 8, 'person')],
    GAZETTEER,
    CAPITALISATION,
  );
  assert.deepEqual(names[0], span(0, 3, 'org'));
  // A lone surname with no capitalised word before it stays a person.
  assert.equal(names[1]!.type, 'person');
});

test('widening stops at function words and at common words opening the sentence', () => {
  const a = typedByHead(
    tokens('The Dorvel Hospital'),
    [span(1, 3, 'org')],
    GAZETTEER,
    CAPITALISATION,
  );
  assert.equal(a[0]!.first, 1);
  const b = typedByHead(
    tokens('Yesterday Hospital staff left'),
    [span(1, 2, 'org')],
    GAZETTEER,
    CAPITALISATION,
  );
  assert.equal(b[0]!.first, 1);
});

test('a place with an organisation head and an organisation with a place head swap', () => {
  const t = tokens('Pupils of Brask Hospital walked to Tamsin Lane today');
  const names = typedByHead(t, [span(2, 4, 'place'), span(6, 8, 'org')], GAZETTEER, CAPITALISATION);
  assert.deepEqual(
    names.map((n) => n.type),
    ['org', 'place'],
  );
});

test('a lone "person" after "the" is a paper or a body, unless a noun follows it', () => {
  const t = tokens('she told the Quillet , and the Varnow campaign and the Dessards agreed');
  const names = typedByHead(
    t,
    [span(3, 4, 'person'), span(7, 8, 'person'), span(11, 12, 'person')],
    GAZETTEER,
    CAPITALISATION,
  );
  assert.deepEqual(
    names.map((n) => n.type),
    ['org', 'person', 'person'],
  );
});

test('a one-word "misc" before a place noun is a place, a nationality word is not', () => {
  const t = tokens('traffic on the Orrin road and the Varish district');
  const names = typedByHead(t, [span(3, 4, 'misc'), span(7, 8, 'misc')], GAZETTEER, CAPITALISATION);
  assert.deepEqual(
    names.map((n) => n.type),
    ['place', 'misc'],
  );
});

test('an unknown one-word "misc" after a preposition of place is a place, and says so', () => {
  const t = tokens('ferries run to Pellwick and Varish from Senate to Harlings in Brell quay');
  const names = typedByHead(
    t,
    [
      span(3, 4, 'misc'),
      span(5, 6, 'misc'),
      span(7, 8, 'misc'),
      span(9, 10, 'misc'),
      span(11, 12, 'misc'),
    ],
    new Map([...GAZETTEER, ['senate', ['ORG']]]),
    CAPITALISATION,
  );
  // "Varish" follows no preposition, "Senate" is a known word, "Harlings" a plural.
  assert.deepEqual(
    names.map((n) => [n.type, n.typedByWords ?? false]),
    [
      ['place', true],
      ['misc', false],
      ['misc', false],
      ['misc', false],
      ['place', true],
    ],
  );
});

test('"the government of" an unknown word names a place, even one the tagger took for a person', () => {
  const t = tokens('the government of Pellmoor and a letter to Dunmere from the people of Orrick');
  const names = typedByHead(
    t,
    [span(3, 4, 'person'), span(8, 9, 'person'), span(13, 14, 'misc')],
    GAZETTEER,
    CAPITALISATION,
  );
  // "to Dunmere" may be a person's name: only a place's owner before "of" overrules a person.
  assert.deepEqual(
    names.map((n) => n.type),
    ['place', 'person', 'place'],
  );
});

test('a plural common noun opening a sentence before "of" is no name', () => {
  const t = tokens(
    'Inspections of the pier begin . Hearings of Varne Council and Studies of Maple',
  );
  // The second sentence opens at "Hearings".
  for (const x of t.slice(6)) x.sentence = 1;
  const names = withoutCommonOpeners(
    t,
    [span(0, 1, 'org'), span(6, 7, 'misc'), span(8, 10, 'org'), span(11, 12, 'org')],
    GAZETTEER,
    CAPITALISATION,
  );
  // "Hearings" is followed by a name, and "Studies" does not open its sentence: both kept.
  assert.deepEqual(
    names.map((n) => n.first),
    [6, 8, 11],
  );
  // The same word before "of the" is dropped.
  const u = tokens('Hearings of the board');
  assert.deepEqual(withoutCommonOpeners(u, [span(0, 1, 'org')], GAZETTEER, CAPITALISATION), []);
});
