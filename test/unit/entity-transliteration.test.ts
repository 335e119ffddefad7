import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName } from '../../src/3-analyse/entities/transliterate.js';
import {
  conflictingGiven,
  parsePersonName,
  samePerson,
} from '../../src/3-analyse/entities/person-names.js';
import { roleFits } from '../../src/3-analyse/entities/roles.js';

const name = (s: string) => parsePersonName(s.split(' '))!;

test('transliteration variants fold to one key', () => {
  assert.equal(foldName('Sergey Lavrov'), foldName('Sergei Lavrov'));
  assert.equal(foldName('Witkoff'), foldName('Whitcoff'));
  assert.equal(foldName('Alexander'), foldName('Aleksandr'));
  assert.equal(foldName('Zelensky'), foldName('Zelenskyy'));
  assert.equal(foldName('Сергей Лавров'), foldName('Sergei Lavrov'));
  assert.notEqual(foldName('Pavel Drozdov'), foldName('Pavel Dorozhkin'));
});

test('surname-only and initials match the full name; different given names never do', () => {
  assert.ok(samePerson(name('Lavrov'), name('Sergey Lavrov')));
  assert.ok(samePerson(name('S. Lavrov'), name('Sergei Lavrov')));
  assert.ok(!samePerson(name('Maria Lavrov'), name('Sergei Lavrov')));
  assert.ok(conflictingGiven(name('Maria Lavrov'), name('Sergei Lavrov')));
  assert.ok(samePerson(name('Путин Владимир Владимирович'), name('Владимир Путин')));
});

test('role phrases fit roles of the same kind and nation only', () => {
  assert.ok(roleFits('the minister', ['Russian Foreign Minister']));
  assert.ok(roleFits('the Russian top diplomat', ['Russian Foreign Minister']));
  assert.ok(!roleFits('the Russian top diplomat', ['US Secretary of State']));
  assert.ok(roleFits('the American leader', ['US President']));
  assert.ok(!roleFits('the mayor', ['US President']));
});
