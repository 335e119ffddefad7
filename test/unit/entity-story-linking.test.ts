import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkStoryEntities, storyEntityLookup } from '../../src/5-compare/story-entities.js';
import { entitiesOf } from './entity-helpers.js';

/** Two invented reports of one event, spelling the envoy's name differently. */
const REPORT_A = [
  'Special envoy Aleksandr Whitcoff arrived in Kestrel Bay on Monday.',
  'Whitcoff said the Kestrel Bay summit would take place in May.',
  'Mayor Laura Brenner welcomed him at the harbour.',
].join('\n');
const REPORT_B = [
  'Alexander Witkoff, the special envoy, landed in Kestrel Bay.',
  'Witkoff met the banker Tomas Brenner, who praised the plan.',
  'Brenner later left for Velmora.',
].join('\n');

function link() {
  const articles = [
    { id: 'a', text: REPORT_A, ...entitiesOf(REPORT_A) },
    { id: 'b', text: REPORT_B, ...entitiesOf(REPORT_B) },
  ];
  return { articles, story: linkStoryEntities(articles) };
}

test('transliteration variants of one person become one story entity', () => {
  const { story } = link();
  const envoy = story.find((e) => e.aliases.includes('Aleksandr Whitcoff'));
  assert.ok(envoy, JSON.stringify(story.map((e) => e.aliases)));
  assert.equal(envoy.type, 'person');
  for (const alias of ['Alexander Witkoff', 'Whitcoff', 'Witkoff'])
    assert.ok(envoy.aliases.includes(alias), alias);
  assert.deepEqual([...new Set(envoy.members.map((m) => m.articleId))].sort(), ['a', 'b']);
});

test('people sharing a family name with different given names stay apart across articles', () => {
  const { story } = link();
  const laura = story.find((e) => e.aliases.includes('Laura Brenner'));
  const tomas = story.find((e) => e.aliases.includes('Tomas Brenner'));
  assert.ok(laura && tomas);
  assert.notEqual(laura.id, tomas.id);
  // The lone "Brenner" of article b sits with the Brenner named in article b.
  assert.ok(tomas.aliases.includes('Brenner'));
  assert.ok(!laura.aliases.includes('Brenner'));
});

test('places match across articles, and the lookup maps every member to its story entity', () => {
  const { articles, story } = link();
  const bay = story.filter((e) => e.aliases.includes('Kestrel Bay'));
  assert.equal(bay.length, 1, JSON.stringify(bay));
  assert.equal(bay[0]!.type, 'place');
  const lookup = storyEntityLookup(story);
  for (const a of articles) {
    for (const e of a.entities) assert.ok(lookup(a.id, e.id), `${a.id}/${e.id} unlinked`);
  }
  assert.equal(lookup('a', 'no-such-entity'), null);
});
