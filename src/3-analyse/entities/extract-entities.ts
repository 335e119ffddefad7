/**
 * Entities of one article: proper names from the tagger (English) or the rule tagger
 * (Russian), named events, titles, role phrases and pronouns, resolved within the article
 * to entities with all their name forms and roles. Token-level passes only.
 */
import type { Entity, EntityMention, EntityType, Sentence } from '../../types.js';
import {
  eventKey,
  eventName,
  findEvents,
  isEventHead,
  sameEventName,
  type EventName,
} from './events.js';
import { typedByHead, withoutCommonOpeners } from './name-heads.js';
import { placeDepth } from './places.js';
import { defaultModel } from './model.js';
import {
  documentTokens,
  flatTokens,
  round,
  taggedNames,
  type DocToken,
  type NameSpan,
} from './names.js';
import { conflictingGiven, parsePersonName, samePerson, type PersonName } from './person-names.js';
import { pronounGender } from './pronouns.js';
import { roleAfter, roleAt, rolePrefix, type RoleSpan } from './role-mentions.js';
import { isJoiner, roleFits } from './roles.js';
import { russianNames, russianRolePrefix } from './russian.js';
import { foldName, foldWord } from './transliterate.js';

interface Working {
  id: string;
  votes: Map<EntityType, number>;
  persons: PersonName[];
  keys: Set<string>;
  /** Initials of multi-word names, to meet their acronyms ("Northern Grain Council" → "ngc"). */
  initials: Set<string>;
  /** Named events' heads and places, to meet the same event named by a place around it. */
  eventNames: EventName[];
  roles: string[];
  gender: 'm' | 'f' | null;
  mentions: Candidate[];
}

interface Candidate {
  first: number;
  last: number;
  kind: EntityMention['kind'];
  type: EntityType;
  confidence: number;
  /** Weight in the entity's type vote (2 for a name typed by its words, see NameSpan). */
  weight?: number;
  entity?: Working;
}

const FEMALE_ROLE =
  /\b(?:spokeswoman|chairwoman|congresswoman|queen|princess|empress|madame|mrs|ms)\b/i;
const MALE_ROLE = /\b(?:spokesman|chairman|congressman|king|prince|emperor|mr)\b/i;
const PRONOUN_REACH = 3;

export function extractEntities(
  text: string,
  sentences: Sentence[],
  context: { language: string },
): { mentions: EntityMention[]; entities: Entity[] } {
  const bySentence = documentTokens(text, sentences);
  const tokens = flatTokens(bySentence);
  const russian =
    context.language === 'ru' || (context.language !== 'en' && cyrillicShare(text) > 0.5);
  const language = russian ? 'ru' : 'en';
  let names = russian ? russianNames(tokens) : taggedNames(bySentence);
  names = findEvents(
    tokens,
    names.filter((n) => /[\p{L}\p{N}]/u.test(spanText(text, tokens, n))),
  );

  if (!russian) {
    const { gazetteer, capitalisation } = defaultModel().resources;
    names = typedByHead(tokens, names, gazetteer, capitalisation);
    names = withoutCommonOpeners(tokens, names, gazetteer, capitalisation);
  }
  // Titles before person names; a nation word inside a title is part of it, not a name of its own.
  const demonymAt = new Set<number>();
  for (const n of names) {
    if (n.last - n.first === 1 && (n.type === 'misc' || n.type === 'place')) demonymAt.add(n.first);
  }
  const nameWord = (i: number) => demonymAt.has(i);
  const prefixes = new Map<NameSpan, RoleSpan>();
  for (const n of names) {
    // A title right before a name of two or three words makes it a person, whatever the
    // tagger said: "head teacher Odile Banner" (not "the mayor of New York City").
    if (
      !russian &&
      n.type !== 'person' &&
      n.type !== 'event' &&
      n.last - n.first > 1 &&
      n.last - n.first < 4 &&
      !isJoiner(tokens[n.first - 1]?.text ?? '') &&
      rolePrefix(text, tokens, n.first, nameWord)
    )
      n.type = 'person';
    if (n.type !== 'person') continue;
    const p = russian
      ? russianRolePrefix(text, tokens, n.first)
      : rolePrefix(text, tokens, n.first, nameWord);
    if (p) prefixes.set(n, p);
  }
  // Appositions ("Sergei Lavrov, Russia's foreign minister,") count as titles too.
  const appositions = new Map<NameSpan, RoleSpan>();
  for (const n of names) {
    if (n.type !== 'person') continue;
    const p = roleAfter(text, tokens, n.last, nameWord);
    if (p) appositions.set(n, p);
  }
  const inPrefix = new Set<number>();
  for (const p of appositions.values()) for (let i = p.first; i < p.last; i++) inPrefix.add(i);
  for (const p of prefixes.values()) for (let i = p.first; i < p.last; i++) inPrefix.add(i);
  names = names.filter(
    (n) => n.type === 'person' || !(inPrefix.has(n.first) && inPrefix.has(n.last - 1)),
  );

  const entities: Working[] = [];
  let nextId = 1;
  const open = (type: EntityType): Working => {
    const w: Working = {
      id: `e${nextId++}`,
      votes: new Map(),
      persons: [],
      keys: new Set(),
      initials: new Set(),
      eventNames: [],
      roles: [],
      gender: null,
      mentions: [],
    };
    entities.push(w);
    return w;
  };
  const attach = (w: Working, c: Candidate) => {
    c.entity = w;
    w.mentions.push(c);
    w.votes.set(c.type, (w.votes.get(c.type) ?? 0) + c.confidence * (c.weight ?? 1));
  };
  const words = (n: { first: number; last: number }) =>
    tokens.slice(n.first, n.last).map((t) => t.text);

  // Persons: full names first, so a lone surname can pick the right one by proximity.
  const candidates = new Map<NameSpan, Candidate>();
  for (const n of names)
    candidates.set(n, {
      first: n.first,
      last: n.last,
      kind: 'name',
      type: n.type,
      confidence: n.confidence,
      ...(n.typedByWords ? { weight: 2 } : {}),
    });
  const persons = names.filter((n) => n.type === 'person');
  persons.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const lone: NameSpan[] = [];
  for (const n of persons) {
    const parsed = parsePersonName(words(n));
    if (!parsed) continue;
    if (
      parsed.given.length === 0 &&
      !entities.some((e) => e.persons.some((p) => samePerson(p, parsed)))
    ) {
      // A lone word no full name explains: decided with the other names by vote.
      lone.push(n);
      continue;
    }
    const match = nearest(
      entities.filter(
        (e) =>
          e.persons.some((p) => samePerson(p, parsed)) &&
          !e.persons.some((p) => conflictingGiven(p, parsed)),
      ),
      n.first,
    );
    const w = match ?? open('person');
    w.persons.push(parsed);
    attach(w, candidates.get(n)!);
    for (const role of [prefixes.get(n), appositions.get(n)]) {
      if (role && !w.roles.includes(role.role)) w.roles.push(role.role);
    }
  }
  // Other names: a lone word equal to a known person's family name is that person.
  const gazetteer = language === 'en' ? defaultModel().resources.gazetteer : null;
  for (const n of names) {
    if (n.type === 'person' && !lone.includes(n)) continue;
    const c = candidates.get(n)!;
    const ws = words(n);
    if (n.type !== 'event' && ws.length === 1) {
      const parsed = parsePersonName(ws);
      // Only a person known by a full name claims a lone word ("Washington" stays a place).
      const person =
        parsed &&
        nearest(
          entities.filter((e) =>
            e.persons.some((p) => p.given.length > 0 && samePerson(p, parsed)),
          ),
          n.first,
        );
      if (person) {
        attach(person, c);
        continue;
      }
    }
    const key =
      n.type === 'event'
        ? `event:${eventKey(ws, foldWord)}`
        : foldName(ws.filter((w) => !/^the$/i.test(w)).join(' '));
    const acronym = /^\p{Lu}{2,6}$/u.test(ws.join('')) ? ws.join('').toLowerCase() : null;
    const event = n.type === 'event' ? eventName(ws) : null;
    const match =
      entities.find((e) => e.keys.has(key)) ??
      (event
        ? entities.find(
            (e) => e.eventNames.length > 0 && e.eventNames.every((x) => sameEventName(x, event)),
          )
        : undefined) ??
      (acronym
        ? entities.find((e) => e.persons.length === 0 && e.initials.has(acronym))
        : undefined);
    const w = match ?? open(n.type);
    w.keys.add(key);
    if (event) w.eventNames.push(event);
    const init = initials(ws.join(' ').toLowerCase());
    if (init) w.initials.add(init);
    if (!match && ws.length === 1 && gazetteer) {
      // A prior from the gazetteers, so one odd tag does not turn "Washington" into a person.
      const classes = gazetteer.get(ws[0]!.toLowerCase()) ?? [];
      if (classes.includes('LOC')) w.votes.set('place', 1);
      if (classes.includes('ORG')) w.votes.set('org', 1);
    }
    attach(w, c);
    if (n.type === 'person') w.persons.push(parsePersonName(ws)!);
  }
  for (const w of entities) w.gender = genderOf(w, tokens, !russian);

  // Role phrases, event anaphora and pronouns, resolved against what came before.
  const nameAt = new Map<number, Candidate>();
  for (const c of candidates.values()) if (c.entity) nameAt.set(c.first, c);
  for (const [n, p] of [...prefixes, ...appositions]) {
    const owner = candidates.get(n)?.entity;
    if (!owner) continue;
    const c: Candidate = {
      first: p.first,
      last: p.last,
      kind: 'role',
      type: 'person',
      confidence: 0.8,
    };
    attach(owner, c);
    nameAt.set(c.first, c);
  }
  const history: Candidate[] = [];
  const recent = (pred: (e: Working) => boolean, before: number, reach: number): Working | null => {
    const sentence = tokens[before]!.sentence;
    const seen = new Set<Working>();
    for (let k = history.length - 1; k >= 0; k--) {
      const h = history[k]!;
      if (sentence - tokens[h.first]!.sentence > reach) break;
      if (!h.entity || seen.has(h.entity)) continue;
      if (pred(h.entity)) return h.entity;
      seen.add(h.entity);
    }
    return null;
  };
  const isPerson = (e: Working) =>
    e.persons.some((p) => p.given.length > 0) ||
    (e.persons.length > 0 && (e.votes.get('person') ?? 0) >= Math.max(...[...e.votes.values()]));
  const startsName = (k: number) => nameAt.has(k) && !demonymAt.has(k);
  for (let i = 0; i < tokens.length; i++) {
    const named = nameAt.get(i);
    if (named) {
      history.push(named);
      i = named.last - 1;
      continue;
    }
    const role = roleAt(text, tokens, i, startsName, nameWord);
    if (role) {
      const e = recent((e) => isPerson(e) && roleFits(role.role, e.roles), i, Infinity);
      if (e) {
        const c: Candidate = {
          first: role.first,
          last: role.last,
          kind: 'role',
          type: 'person',
          confidence: 0.7,
        };
        attach(e, c);
        history.push(c);
      }
      i = role.last - 1;
      continue;
    }
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (isThe(t.text) && next && isEventHead(next.text) && next.sentence === t.sentence) {
      const head = next.text.toLowerCase();
      const after = tokens[i + 2];
      const located = after && after.sentence === t.sentence && /^(?:in|at|of)$/i.test(after.text);
      const e = located
        ? null
        : recent(
            (e) =>
              [...e.keys].some(
                (k) => k.startsWith('event:') && k.endsWith(` ${head.replace(/s$/, '')}`),
              ),
            i,
            Infinity,
          );
      if (e) {
        const c: Candidate = {
          first: i,
          last: i + 2,
          kind: 'role',
          type: 'event',
          confidence: 0.6,
        };
        attach(e, c);
        history.push(c);
        i++;
        continue;
      }
    }
    const g = pronounGender(t.text, language);
    if (g) {
      const e = recent(
        (e) => isPerson(e) && (e.gender === null || e.gender === g),
        i,
        PRONOUN_REACH,
      );
      if (e) {
        const c: Candidate = {
          first: i,
          last: i + 1,
          kind: 'pronoun',
          type: 'person',
          confidence: 0.6,
        };
        attach(e, c);
        history.push(c);
      }
    }
  }
  return finish(text, tokens, entities);
}

function finish(
  text: string,
  tokens: readonly DocToken[],
  working: Working[],
): { mentions: EntityMention[]; entities: Entity[] } {
  const mentions: EntityMention[] = [];
  const entities: Entity[] = [];
  for (const w of working) {
    if (w.mentions.length === 0) continue;
    let type: EntityType = 'misc';
    let best = -1;
    for (const [t, v] of w.votes) if (v > best) [type, best] = [t, v];
    // A full person name settles it; lone words follow the vote.
    if (w.persons.some((p) => p.given.length > 0)) type = 'person';
    if ([...w.keys].some((k) => k.startsWith('event:'))) type = 'event';
    w.mentions.sort((a, b) => a.first - b.first);
    const surface = (c: Candidate) => text.slice(tokens[c.first]!.start, tokens[c.last - 1]!.end);
    const named = w.mentions.filter((c) => c.kind === 'name');
    // An event named by places one inside the other takes the most specific ("Anchorage summit").
    const depth = (s: string) =>
      type === 'event' ? placeDepth(eventName(s.split(/\s+/))?.place ?? '') : 0;
    const name =
      named
        .map(surface)
        .sort(
          (a, b) =>
            b.split(/\s+/).length - a.split(/\s+/).length ||
            depth(b) - depth(a) ||
            b.length - a.length,
        )[0] ?? surface(w.mentions[0]!);
    const aliases: string[] = [];
    for (const c of w.mentions) {
      const s = surface(c);
      if (c.kind !== 'pronoun' && !aliases.includes(s)) aliases.push(s);
    }
    for (const c of w.mentions) {
      mentions.push({
        start: tokens[c.first]!.start,
        end: tokens[c.last - 1]!.end,
        text: surface(c),
        type: c.kind === 'name' ? type : c.type,
        entityId: w.id,
        kind: c.kind,
        confidence: round(c.confidence),
      });
    }
    entities.push({
      id: w.id,
      type,
      name,
      aliases,
      roles: w.roles,
      mentionCount: w.mentions.length,
    });
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps cannot arise from one pass, but two passes may touch: keep the earlier, longer one.
  const kept: EntityMention[] = [];
  for (const m of mentions) if (!kept.length || m.start >= kept[kept.length - 1]!.end) kept.push(m);
  const counts = new Map<string, number>();
  for (const m of kept) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return {
    mentions: kept,
    entities: entities
      .map((e) => ({ ...e, mentionCount: counts.get(e.id) ?? 0 }))
      .filter((e) => e.mentionCount > 0),
  };
}

/** /^the$/i without a regex (it runs on every token). */
function isThe(w: string): boolean {
  return w.length === 3 && (w === 'the' || w.toLowerCase() === 'the');
}

function nearest(entities: Working[], at: number): Working | null {
  let best: Working | null = null;
  let bestDistance = Infinity;
  for (const e of entities) {
    for (const m of e.mentions) {
      // Prefer mentions before this one; one after counts as a little further away.
      const d = m.first <= at ? at - m.first : (m.first - at) * 2;
      if (d < bestDistance) [best, bestDistance] = [e, d];
    }
  }
  return best;
}

function initials(key: string): string {
  const words = key.split(' ').filter((w) => !['of', 'the', 'and', 'for'].includes(w));
  return words.length > 1 ? words.map((w) => w[0]).join('') : '';
}

function genderOf(w: Working, tokens: readonly DocToken[], english: boolean): 'm' | 'f' | null {
  if (!w.persons.length) return null;
  for (const r of w.roles) {
    if (FEMALE_ROLE.test(r)) return 'f';
    if (MALE_ROLE.test(r)) return 'm';
  }
  for (const c of w.mentions) {
    if (c.kind !== 'name') continue;
    const ws = tokens.slice(c.first, c.last).map((t) => t.text);
    if (ws.some((x) => /[\u0400-\u04ff]/.test(x))) {
      if (
        ws.some((x) => /(?:овна|евна|ична|ова|ева|ина|ская)$/.test(x)) &&
        !ws.some((x) => /(?:ович|евич)$/.test(x))
      )
        return 'f';
      return 'm';
    }
    if (ws.length < 2 || !english) continue;
    const classes = defaultModel().resources.gazetteer.get(ws[0]!.toLowerCase()) ?? [];
    const male = classes.includes('FNM');
    const female = classes.includes('FNF');
    if (male !== female) return male ? 'm' : 'f';
  }
  return null;
}

function spanText(text: string, tokens: readonly DocToken[], n: NameSpan): string {
  return text.slice(tokens[n.first]!.start, tokens[n.last - 1]!.end);
}

function cyrillicShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cyr = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  return letters ? cyr / letters : 0;
}
