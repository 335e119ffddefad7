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

/** One article's entity with one name mention per count, built by hand (no tagger involved). */
function article(id: string, entities: Array<[string, 'person' | 'place', string, number]>) {
  const text = entities.map(([, , name]) => name).join('. ');
  let at = 0;
  const built = entities.map(([eid, type, name, count]) => {
    const start = text.indexOf(name, at);
    at = start + name.length;
    return {
      entity: { id: eid, type, name, aliases: [name], roles: [], mentionCount: count },
      mentions: Array.from({ length: count }, () => ({
        start,
        end: start + name.length,
        text: name,
        type,
        entityId: eid,
        kind: 'name' as const,
        confidence: 1,
      })),
    };
  });
  return {
    id,
    text,
    entities: built.map((b) => b.entity),
    mentions: built.flatMap((b) => b.mentions),
  };
}

test('a one-word "person" that other articles name as a place joins the place', () => {
  const story = linkStoryEntities([
    article('a', [['e1', 'person', 'Dunmarra', 1]]),
    article('b', [['e1', 'place', 'Dunmarra', 3]]),
  ]);
  assert.equal(story.length, 1, JSON.stringify(story));
  assert.equal(story[0]!.type, 'place');
  assert.equal(story[0]!.members.length, 2);
});

test('a lone surname that belongs to a person named in full stays with that person', () => {
  const story = linkStoryEntities([
    article('a', [
      ['e1', 'person', 'Ilka Dunmarra', 1],
      ['e2', 'person', 'Dunmarra', 2],
    ]),
    article('b', [['e1', 'place', 'Dunmarra', 1]]),
  ]);
  const person = story.find((e) => e.aliases.includes('Ilka Dunmarra'));
  assert.equal(person?.type, 'person');
  assert.ok(person.aliases.includes('Dunmarra'));
  assert.equal(story.find((e) => e.type === 'place')?.members.length, 1);
});
