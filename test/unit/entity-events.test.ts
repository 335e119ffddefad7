import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventName, sameEventName } from '../../src/3-analyse/entities/events.js';
import { placeDepth, placesNested, placeWithin } from '../../src/3-analyse/entities/places.js';
import { linkStoryEntities } from '../../src/5-compare/story-entities.js';
import { entitiesOf } from './entity-helpers.js';

test('place containment: a city lies in its region and country, not in another region', () => {
  assert.ok(placeWithin('Marseille', 'Provence'));
  assert.ok(placeWithin('Marseille', 'France'));
  assert.ok(placeWithin('Anchorage', 'Alaska'));
  assert.ok(placeWithin('Anchorage', 'the United States'.replace(/^the /, '')));
  assert.ok(!placeWithin('Provence', 'Marseille'));
  assert.ok(!placeWithin('Lyon', 'Provence'));
  assert.ok(placeWithin('Munich', 'Bavaria'));
  assert.ok(!placeWithin('Dresden', 'Bavaria'));
  assert.ok(placesNested('Alaska', 'Anchorage'));
  assert.ok(placesNested('Kiev', 'Ukraine'), 'spelling variants meet');
  assert.ok(!placesNested('Velmora', 'Provence'), 'unknown places nest in nothing');
  assert.ok(placeDepth('Marseille') > placeDepth('Provence'));
});

test('event names: one kind of head at nested places match; other kinds or places do not', () => {
  const marseille = eventName(['the', 'Marseille', 'talks'])!;
  const provence = eventName(['talks', 'in', 'Provence'])!;
  assert.deepEqual(marseille, { head: 'talk', place: 'marseille' });
  assert.ok(sameEventName(marseille, provence));
  assert.ok(!sameEventName(eventName(['Lyon', 'talks'])!, provence));
  assert.ok(sameEventName(eventName(['Marseille', 'summit'])!, provence), 'summit = talks');
  assert.ok(sameEventName(eventName(['meeting', 'in', 'Marseille'])!, provence));
  assert.ok(!sameEventName(eventName(['Marseille', 'festival'])!, provence), 'another kind');
  assert.ok(!sameEventName(eventName(['Marseille', 'election'])!, marseille));
  assert.equal(eventName(['summit']), null);
});

// Invented reports of invented talks, at real places: Munich lies in Bavaria, Dresden does not.
const REPORT_A = [
  'Fishing ministers opened the Munich talks on Tuesday.',
  'The Munich talks ended without a deal on quotas, officials said.',
].join('\n');
const REPORT_B = [
  'Delegates left the Bavaria talks early on Wednesday.',
  'Officials said the Bavaria talks would resume in the spring.',
  'A separate round, the Dresden talks, is planned for June.',
].join('\n');

test('one article: "the Bavaria talks" and "the Munich talks" are one event, named by the city', () => {
  const text = [
    'Delegates left the Bavaria talks early on Wednesday.',
    'Fishing ministers had opened the Munich talks on Tuesday.',
  ].join('\n');
  const r = entitiesOf(text);
  const events = r.entities.filter((e) => e.type === 'event');
  assert.equal(events.length, 1, JSON.stringify(r.entities));
  assert.equal(events[0]!.name, 'Munich talks');
  assert.deepEqual([...events[0]!.aliases].sort(), ['Bavaria talks', 'Munich talks']);
});

test('a story: the Munich talks and the Bavaria talks are one event; the Dresden talks another', () => {
  const story = linkStoryEntities([
    { id: 'a', text: REPORT_A, ...entitiesOf(REPORT_A) },
    { id: 'b', text: REPORT_B, ...entitiesOf(REPORT_B) },
  ]);
  const events = story.filter((e) => e.type === 'event');
  const talks = events.filter((e) => e.aliases.some((a) => /Munich|Bavaria/.test(a)));
  assert.equal(talks.length, 1, JSON.stringify(events.map((e) => e.aliases)));
  assert.equal(talks[0]!.name, 'Munich talks');
  assert.deepEqual(new Set(talks[0]!.members.map((m) => m.articleId)), new Set(['a', 'b']));
  const dresden = events.find((e) => e.aliases.includes('Dresden talks'));
  assert.ok(dresden, JSON.stringify(events.map((e) => e.aliases)));
  assert.notEqual(dresden.id, talks[0]!.id);
});

test('a region does not join two of its cities: the Munich and Nuremberg talks stay apart', () => {
  const c = 'Ministers met at the Nuremberg talks on Friday.';
  const story = linkStoryEntities([
    { id: 'a', text: REPORT_A, ...entitiesOf(REPORT_A) },
    { id: 'b', text: REPORT_B, ...entitiesOf(REPORT_B) },
    { id: 'c', text: c, ...entitiesOf(c) },
  ]);
  const events = story.filter((e) => e.type === 'event');
  const munich = events.find((e) => e.aliases.includes('Munich talks'));
  const nuremberg = events.find((e) => e.aliases.includes('Nuremberg talks'));
  assert.ok(munich && nuremberg, JSON.stringify(events.map((e) => e.aliases)));
  assert.notEqual(munich.id, nuremberg.id);
  assert.ok(munich.aliases.includes('Bavaria talks'));
});
