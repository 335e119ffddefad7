import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../src/index.js';
import { extractEntities } from '../../src/3-analyse/entities/extract-entities.js';
import { linkStoryEntities } from '../../src/5-compare/story-entities.js';
import type { StoryEntity } from '../../src/5-compare/comparison.js';
import { SEEDS } from '../paths.js';

const FILES = ['000_65b8a1822454dde8.txt', '004_da8093968062f929.txt'];

function seedStory(): StoryEntity[] {
  const articles = FILES.map((f) => {
    const a = analyse(readFileSync(join(SEEDS, f), 'utf8'), { origin: f });
    return {
      id: f,
      text: a.text,
      ...extractEntities(a.text, a.sentences, { language: a.language.code }),
    };
  });
  return linkStoryEntities(articles);
}

test('seeds: one Lavrov across both reports, holding all his name forms and roles', () => {
  const story = seedStory();
  const lavrovs = story.filter((e) => e.aliases.some((a) => /Lavrov/.test(a)));
  assert.equal(lavrovs.length, 1, JSON.stringify(lavrovs.map((e) => e.aliases)));
  const lavrov = lavrovs[0]!;
  assert.equal(lavrov.type, 'person');
  for (const alias of [
    'Sergei Lavrov',
    'Sergey Lavrov',
    'Lavrov',
    'the minister',
    'The Russian top diplomat',
  ]) {
    assert.ok(lavrov.aliases.includes(alias), `${alias} in ${JSON.stringify(lavrov.aliases)}`);
  }
  assert.ok(lavrov.roles.includes('Russian Foreign Minister'));
  assert.deepEqual(new Set(lavrov.members.map((m) => m.articleId)), new Set(FILES));
});

test('seeds: Rubio, Witkoff, Putin and Trump are people; Rubio keeps his title', () => {
  const story = seedStory();
  for (const surname of ['Rubio', 'Witkoff', 'Putin', 'Trump']) {
    const found = story.filter((e) => e.aliases.includes(surname) || e.name.endsWith(surname));
    assert.equal(found.length, 1, `${surname}: ${JSON.stringify(found)}`);
    assert.equal(found[0]!.type, 'person', surname);
  }
  const rubio = story.find((e) => e.name === 'Marco Rubio');
  assert.ok(rubio?.roles.includes('US Secretary of State'));
});

test('seeds: Budapest, Anchorage/Alaska, Washington and New York are places or summit events', () => {
  const story = seedStory();
  for (const place of ['Budapest', 'Anchorage', 'Alaska', 'Washington', 'New York']) {
    const found = story.find((e) => e.name === place);
    assert.ok(found, `${place} missing`);
    assert.equal(found.type, 'place', place);
  }
  const summits = story.filter((e) => e.type === 'event').map((e) => e.name);
  assert.ok(summits.includes('Budapest summit'), JSON.stringify(summits));
  assert.ok(summits.includes('Anchorage summit'), JSON.stringify(summits));
});
