/**
 * Cross-article entity linking for one story: the article-local entities of every
 * article merged into story entities. Person names match across transliteration variants
 * (Sergey/Sergei, Witkoff/Whitcoff) and surname-only ↔ full name; two people who share a
 * family name but whose full given names differ are never merged. Other names match on
 * their folded spelling or an acronym of it.
 */
import {
  parsePersonName,
  samePerson,
  conflictingGiven,
  type PersonName,
} from '../3-analyse/entities/person-names.js';
import { eventName, sameEventName, type EventName } from '../3-analyse/entities/events.js';
import { placeDepth } from '../3-analyse/entities/places.js';
import { roleClasses, roleNation } from '../3-analyse/entities/roles.js';
import { foldName } from '../3-analyse/entities/transliterate.js';
import type { Entity, EntityMention, EntityType } from '../types.js';
import type { StoryEntity } from './comparison.js';

export interface LinkableArticle {
  id: string;
  entities: Entity[];
  mentions: EntityMention[];
  text: string;
}

interface Item {
  articleId: string;
  entity: Entity;
  mentions: EntityMention[];
  /** Every name form of a person, parsed. */
  persons: PersonName[];
  /** Folded name forms (all types). */
  keys: Set<string>;
  /** Initials of multi-word names ("european union" → "eu"). */
  acronyms: Set<string>;
  /** Event names' heads and places ("Anchorage summit" → summit / anchorage). */
  events: EventName[];
}

const PREFIX: Record<EntityType, string> = {
  person: 'p',
  org: 'o',
  place: 'l',
  event: 'v',
  misc: 'm',
};

export function linkStoryEntities(articles: readonly LinkableArticle[]): StoryEntity[] {
  const items: Item[] = [];
  for (const a of articles) {
    for (const e of a.entities) {
      const mentions = a.mentions.filter((m) => m.entityId === e.id);
      const names = [
        ...new Set([e.name, ...mentions.filter((m) => m.kind === 'name').map((m) => m.text)]),
      ];
      const persons =
        e.type === 'person'
          ? names.map((n) => parsePersonName(n.split(/\s+/))).filter((p): p is PersonName => !!p)
          : [];
      const keys = new Set(names.map((n) => foldName(n.replace(/^the\s+/i, ''))));
      const acronyms = new Set(names.map((n) => initials(n.toLowerCase())).filter(Boolean));
      const events =
        e.type === 'event'
          ? names.map((n) => eventName(n.split(/\s+/))).filter((x): x is EventName => !!x)
          : [];
      items.push({ articleId: a.id, entity: e, mentions, persons, keys, acronyms, events });
    }
  }
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const x = find(a);
    const y = find(b);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const full = (it: Item) => it.persons.filter((p) => p.given.length > 0);

  // Full-name persons: same family name and compatible given names, never conflicting ones.
  // Only items sharing a family name (or a name key) can match, so pairs come from buckets
  // rather than from every pair of the story's entities.
  const fulls = items.map(full);
  const tried = new Set<number>();
  const fullByFamily = buckets(items, (it, i) =>
    it.entity.type === 'person' ? fulls[i]!.map((p) => p.family) : [],
  );
  const surnameByFamily = buckets(items, (it, i) =>
    it.entity.type === 'person' && !fulls[i]!.length ? it.persons.map((p) => p.family) : [],
  );
  for (const list of fullByFamily.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = Math.min(list[x]!, list[y]!);
        const j = Math.max(list[x]!, list[y]!);
        if (tried.has(i * items.length + j)) continue;
        tried.add(i * items.length + j);
        const fa = fulls[i]!;
        const fb = fulls[j]!;
        const conflict = fa.some((a) =>
          fb.some((b) => conflictingGiven(a, b) && a.family === b.family),
        );
        if (!conflict && fa.some((a) => fb.some((b) => samePerson(a, b)))) union(i, j);
      }
    }
  }
  // Other entities: a shared name key, or an acronym of the other's name, within events or non-events.
  const kind = (it: Item) => (it.entity.type === 'event' ? 'v' : 'n');
  for (const list of buckets(items, (it) =>
    it.entity.type === 'person' ? [] : [...it.keys].map((k) => `${kind(it)}|${k}`),
  ).values())
    for (const j of list.slice(1)) union(list[0]!, j);
  const byAcronym = buckets(items, (it) =>
    it.entity.type === 'person' ? [] : [...it.acronyms].map((a) => `${kind(it)}|${a}`),
  );
  items.forEach((it, i) => {
    if (it.entity.type === 'person' || !/^\p{Lu}{2,6}$/u.test(it.entity.name)) return;
    for (const j of byAcronym.get(`${kind(it)}|${it.entity.name.toLowerCase()}`) ?? []) union(i, j);
  });
  // Named events: the same head at places one inside the other ("Munich talks", "Bavaria talks").
  // Two groups join only when every place of one nests with every place of the other, so
  // "Munich" and "Nuremberg" never meet through "Bavaria".
  const eventItems = items.flatMap((it, i) => (it.events.length ? [i] : []));
  const eventsOf = new Map<number, EventName[]>();
  for (const i of eventItems) {
    const root = find(i);
    eventsOf.set(root, [...(eventsOf.get(root) ?? []), ...items[i]!.events]);
  }
  for (let x = 0; x < eventItems.length; x++) {
    for (let y = x + 1; y < eventItems.length; y++) {
      const rx = find(eventItems[x]!);
      const ry = find(eventItems[y]!);
      if (rx === ry) continue;
      const ex = eventsOf.get(rx)!;
      const ey = eventsOf.get(ry)!;
      if (!ex.every((p) => ey.every((q) => sameEventName(p, q)))) continue;
      union(rx, ry);
      eventsOf.set(find(rx), [...ex, ...ey]);
    }
  }
  // Surname-only persons join the one full-name person of that family (a shared role settles a tie).
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    if (a.entity.type !== 'person' || fulls[i]!.length || !a.persons.length) continue;
    const family = a.persons[0]!.family;
    const groups = new Map<number, Item>();
    for (const j of fullByFamily.get(family) ?? []) groups.set(find(j), items[j]!);
    let targets = [...groups.keys()];
    if (targets.length > 1) {
      const sameArticle = targets.filter((g) =>
        items.some((b, j) => find(j) === g && b.articleId === a.articleId && full(b).length),
      );
      const byRole = targets.filter((g) =>
        items.some(
          (b, j) =>
            find(j) === g && b.entity.roles.some((r) => a.entity.roles.some((q) => sameRole(r, q))),
        ),
      );
      targets = sameArticle.length === 1 ? sameArticle : byRole.length === 1 ? byRole : [];
    }
    if (targets.length === 1) union(i, items.indexOf(groups.get(targets[0]!)!));
    else if (groups.size === 0) {
      // No full name anywhere in the story: lone surnames of one family are one person.
      (surnameByFamily.get(family) ?? []).forEach((j) => {
        union(i, j);
      });
    }
  }
  // A lone capitalised word the tagger took for a person in one article ("Velmora's bridge")
  // and for a place or organisation in others is that place or organisation: a person named
  // by one word and never in full is far likelier a misreading than a namesake.
  const named = buckets(items, (it) =>
    it.entity.type === 'person' || it.entity.type === 'event' ? [] : [...it.keys],
  );
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    if (a.entity.type !== 'person' || !loneWord(a)) continue;
    if (items.some((b, j) => find(j) === find(i) && full(b).length)) continue;
    for (const k of a.keys) for (const j of named.get(k) ?? []) union(i, j);
  }

  const groups = new Map<number, Item[]>();
  items.forEach((it, i) => {
    const g = find(i);
    const list = groups.get(g) ?? [];
    list.push(it);
    groups.set(g, list);
  });
  const counters = new Map<string, number>();
  const out: StoryEntity[] = [];
  for (const members of groups.values()) {
    const type = majorityType(members);
    const n = (counters.get(type) ?? 0) + 1;
    counters.set(type, n);
    const names = members.flatMap((m) => [m.entity.name]);
    // An event named by places one inside the other takes the most specific ("Anchorage summit").
    const depth = (s: string) =>
      type === 'event' ? placeDepth(eventName(s.split(/\s+/))?.place ?? '') : 0;
    const name = names.sort(
      (a, b) =>
        b.split(/\s+/).length - a.split(/\s+/).length ||
        depth(b) - depth(a) ||
        names.filter((x) => x === b).length - names.filter((x) => x === a).length,
    )[0]!;
    const aliases: string[] = [];
    const roles: string[] = [];
    for (const m of members) {
      for (const a of m.entity.aliases) if (!aliases.includes(a)) aliases.push(a);
      for (const r of m.entity.roles) if (!roles.includes(r)) roles.push(r);
    }
    out.push({
      id: `${PREFIX[type]}${n}`,
      type,
      name,
      aliases,
      roles,
      members: members.map((m) => ({
        articleId: m.articleId,
        entityId: m.entity.id,
        mentions: m.mentions.map((x) => ({ start: x.start, end: x.end, text: x.text })),
      })),
    });
  }
  // Most mentioned first: the story's main actors lead.
  const weight = (e: StoryEntity) => e.members.reduce((s, m) => s + m.mentions.length, 0);
  return out.sort((a, b) => weight(b) - weight(a) || a.id.localeCompare(b.id));
}

/** A lookup from an article's entity to its story entity id (null when unknown). */
export function storyEntityLookup(
  entities: readonly StoryEntity[],
): (articleId: string, entityId: string) => string | null {
  const map = new Map<string, string>();
  for (const e of entities)
    for (const m of e.members) map.set(`${m.articleId}\u0000${m.entityId}`, e.id);
  return (articleId, entityId) => map.get(`${articleId}\u0000${entityId}`) ?? null;
}

function majorityType(members: readonly Item[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const m of members)
    votes.set(m.entity.type, (votes.get(m.entity.type) ?? 0) + m.entity.mentionCount);
  // Persons lead, unless every person member is a lone word joined to a name of another type.
  if (
    votes.has('person') &&
    (votes.size === 1 || !members.every((m) => m.entity.type !== 'person' || loneWord(m)))
  )
    return 'person';
  if (votes.has('event')) return 'event';
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Item indexes by every key `keysOf` gives them. */
function buckets(items: Item[], keysOf: (it: Item, i: number) => string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const k of new Set(keysOf(it, i))) (out.get(k) ?? out.set(k, []).get(k)!).push(i);
  });
  return out;
}

/** A person known by one word only, with no title or role to vouch for it. */
function loneWord(it: Item): boolean {
  return (
    it.entity.roles.length === 0 &&
    it.persons.every((p) => p.given.length === 0) &&
    [...it.keys].every((k) => !/\s/.test(k))
  );
}

function initials(key: string): string {
  const words = key.split(/\s+/).filter((w) => !['of', 'the', 'and', 'for'].includes(w));
  return words.length > 1 ? words.map((w) => w[0]).join('') : '';
}

function sameRole(a: string, b: string): boolean {
  const ca = roleClasses(a);
  const cb = roleClasses(b);
  return [...ca].some((c) => cb.has(c)) && roleNation(a) === roleNation(b);
}
