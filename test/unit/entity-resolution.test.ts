import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitiesOf, entityFor } from './entity-helpers.js';

// Invented article: a foreign minister named in full with a title, then by surname, role and pronoun.
const MINISTER_ARTICLE = [
  'Norvanian Foreign Minister Pavel Drozdov arrived in Kestrel Bay on Monday for two days of talks.',
  'Drozdov told reporters that the negotiations had been difficult but useful.',
  'The minister said he expected a written proposal within a week.',
  'Later, the Norvanian top diplomat met US Secretary of State Helen Marsh at the harbour office.',
  '"We are not there yet," Marsh said after the meeting, adding that she would call him on Friday.',
].join('\n');

test('full name, surname, title, role phrase and pronoun resolve to one person', () => {
  const r = entitiesOf(MINISTER_ARTICLE);
  const drozdov = entityFor(r, 'Pavel Drozdov');
  assert.ok(drozdov, JSON.stringify(r.entities));
  assert.equal(drozdov.type, 'person');
  assert.equal(drozdov.name, 'Pavel Drozdov');
  for (const alias of ['Drozdov', 'The minister', 'the Norvanian top diplomat']) {
    assert.ok(drozdov.aliases.includes(alias), `${alias} in ${JSON.stringify(drozdov.aliases)}`);
  }
  assert.deepEqual(drozdov.roles, ['Norvanian Foreign Minister']);
  const he = r.mentions.find((m) => m.text === 'he');
  assert.equal(he?.entityId, drozdov.id);
  assert.equal(he?.kind, 'pronoun');
  assert.equal(r.mentions.find((m) => m.text === 'The minister')?.kind, 'role');
});

test('a second person keeps her own title and pronoun, and the role phrase does not cross nations', () => {
  const r = entitiesOf(MINISTER_ARTICLE);
  const marsh = entityFor(r, 'Helen Marsh');
  const drozdov = entityFor(r, 'Pavel Drozdov');
  assert.ok(marsh && drozdov);
  assert.notEqual(marsh.id, drozdov.id);
  assert.deepEqual(marsh.roles, ['US Secretary of State']);
  assert.equal(entityFor(r, 'Marsh')?.id, marsh.id);
  assert.equal(r.mentions.find((m) => m.text === 'she')?.entityId, marsh.id);
  // "him" after Marsh's own sentence: she is female, so it goes back to Drozdov.
  assert.equal(r.mentions.find((m) => m.text === 'him')?.entityId, drozdov.id);
});

test('named events: "the X summit" and "the summit in X" are one event; the bare "the summit" refers back', () => {
  const r = entitiesOf(
    [
      'Leaders gathered for the Velmora summit on Tuesday.',
      'Officials said the summit would last two days.',
      'A week after the summit in Velmora, the delegations met again in Ostrava.',
    ].join('\n'),
  );
  const event = entityFor(r, 'Velmora summit');
  assert.ok(event, JSON.stringify(r.mentions));
  assert.equal(event.type, 'event');
  assert.equal(entityFor(r, 'summit in Velmora')?.id, event.id);
  assert.equal(entityFor(r, 'the summit')?.id, event.id);
  assert.equal(entityFor(r, 'Ostrava')?.type, 'place');
});

test('organisations: a full name and its acronym are one entity', () => {
  const r = entitiesOf(
    'The Northern Grain Council said prices would rise. A spokesman for the NGC declined to comment on Friday.',
  );
  const council = entityFor(r, 'Northern Grain Council');
  assert.ok(council, JSON.stringify(r.mentions));
  assert.equal(council.type, 'org');
  assert.equal(entityFor(r, 'NGC')?.id, council.id);
});

test('two people sharing a family name stay apart when both full names are known', () => {
  const r = entitiesOf(
    'Mayor Laura Brenner opened the bridge. Her brother, the banker Tomas Brenner, did not attend the ceremony.',
  );
  const laura = entityFor(r, 'Laura Brenner');
  const tomas = entityFor(r, 'Tomas Brenner');
  assert.ok(laura && tomas, JSON.stringify(r.mentions));
  assert.notEqual(laura.id, tomas.id);
});

test('Russian: names in several cases, patronymics and titles resolve to one person', () => {
  const text = [
    'Министр иностранных дел Норвании Павел Дроздов прибыл в Москву в понедельник.',
    'Как заявил Павел Дроздов, переговоры были трудными.',
    'Дроздова встретили в аэропорту, а затем Дроздов отметил, что он готов продолжать работу.',
  ].join('\n');
  const r = entitiesOf(text, 'ru');
  const person = entityFor(r, 'Павел Дроздов');
  assert.ok(person, JSON.stringify(r.mentions));
  assert.equal(person.type, 'person');
  assert.equal(entityFor(r, 'Дроздова')?.id, person.id);
  assert.equal(entityFor(r, 'Дроздов')?.id, person.id);
  assert.equal(entityFor(r, 'Москву')?.type, 'place');
  assert.equal(r.mentions.find((m) => m.text === 'он')?.entityId, person.id);
});

test('an apposition after a name is kept as a role and a later role phrase finds the person', () => {
  const r = entitiesOf(
    "Talks resumed on Monday. Pavel Drozdov, Norvania's foreign minister, arrived in Kestrel Bay. The minister declined to comment.",
  );
  const drozdov = entityFor(r, 'Pavel Drozdov');
  assert.ok(drozdov, JSON.stringify(r.mentions));
  assert.deepEqual(drozdov.roles, ["Norvania's foreign minister"]);
  assert.equal(entityFor(r, 'The minister')?.id, drozdov.id);
});

test('Russian: a title before a name is kept as the role', () => {
  const r = entitiesOf(
    'Вчера министр иностранных дел Норвании Павел Дроздов прибыл в Тверь.',
    'ru',
  );
  const person = entityFor(r, 'Павел Дроздов');
  assert.ok(person, JSON.stringify(r.mentions));
  assert.deepEqual(person.roles, ['министр иностранных дел Норвании']);
});
