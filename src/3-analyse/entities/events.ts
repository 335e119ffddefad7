/**
 * Named events: "the Anchorage summit", "the Budapest summit", "the summit in Alaska",
 * "the Alaska talks", "World War II". Turns name spans (and the words around them) into
 * event spans; returns the new name list.
 */
import type { DocToken, NameSpan } from './names.js';
import { placesNested } from './places.js';

const HEADS = new Set(
  (
    'summit summits talks negotiations conference meeting forum games olympics olympiad war election ' +
    'elections referendum cup championship championships festival expo congress accords massacre ' +
    'bombing invasion uprising revolution crisis'
  ).split(' '),
);
/** Heads that can take a location after them ("the summit in Alaska"). */
const LOCATED = new Set('summit talks negotiations conference meeting forum games'.split(' '));

export function isEventHead(word: string): boolean {
  return HEADS.has(word.toLowerCase());
}

function sameSentence(tokens: readonly DocToken[], a: number, b: number): boolean {
  return tokens[a]?.sentence === tokens[b]?.sentence;
}

/** Rewrites names into events where an event head follows or precedes a place/org/misc name. */
export function findEvents(tokens: readonly DocToken[], names: readonly NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  const byFirst = new Map(names.map((n) => [n.first, n]));
  const consumed = new Set<NameSpan>();
  for (const n of names) {
    if (consumed.has(n)) continue;
    const next = tokens[n.last];
    const lastWord = tokens[n.last - 1]!.text;
    // "World War II", "Olympic Games": a name that already ends in an event word.
    if (n.type === 'misc' && /^\p{Lu}/u.test(lastWord) && isEventHead(lastWord)) {
      out.push({ ...n, type: 'event' });
      continue;
    }
    // "Anchorage summit", "Alaska talks": a place/org name followed by an event head.
    if (
      n.type !== 'person' &&
      next &&
      isEventHead(next.text) &&
      sameSentence(tokens, n.first, n.last) &&
      !(n.type === 'misc' && /(?:an|ish|ese|ic|-\p{L}+)$/u.test(lastWord))
    ) {
      out.push({ first: n.first, last: n.last + 1, type: 'event', confidence: n.confidence });
      continue;
    }
    out.push(n);
  }
  // "the summit in Alaska": head + in/at + a place.
  const result: NameSpan[] = [];
  for (const n of out) {
    const prep = tokens[n.first - 1];
    const head = tokens[n.first - 2];
    const det = tokens[n.first - 3];
    if (
      n.type === 'place' &&
      prep &&
      head &&
      /^(?:in|at)$/i.test(prep.text) &&
      LOCATED.has(head.text.toLowerCase()) &&
      det &&
      /^the$/i.test(det.text) &&
      sameSentence(tokens, n.first - 2, n.first) &&
      !byFirst.has(n.first - 2)
    ) {
      result.push({ first: n.first - 2, last: n.last, type: 'event', confidence: n.confidence });
    } else result.push(n);
  }
  return result;
}

/** A key naming an event by its place and head: "summit in Alaska" and "Alaska summit" → "alaska summit". */
export function eventKey(words: readonly string[], fold: (w: string) => string): string {
  const lower = words.map((w) => w.toLowerCase());
  const head = lower.find((w) => HEADS.has(w)) ?? '';
  const rest = lower.filter((w) => w !== head && w !== 'in' && w !== 'at' && w !== 'the');
  return [...rest.map(fold), head.replace(/s$/, '')].join(' ');
}

/** An event name split into its head (singular) and the place words before or after it. */
export interface EventName {
  head: string;
  place: string;
}

/** "the summit in Alaska" → summit / alaska; null without a head or a modifier. */
export function eventName(words: readonly string[]): EventName | null {
  const lower = words.map((w) => w.toLowerCase());
  const head = lower.find((w) => HEADS.has(w));
  if (!head) return null;
  const place = lower
    .filter((w) => w !== head && w !== 'in' && w !== 'at' && w !== 'the')
    .join(' ');
  return place ? { head: head.replace(/s$/, ''), place } : null;
}

/**
 * Two event names that may name one event: the same head, at the same place or at places
 * one inside the other ("the Anchorage summit", "the Alaska summit").
 */
export function sameEventName(a: EventName, b: EventName): boolean {
  return headClass(a.head) === headClass(b.head) && placesNested(a.place, b.place);
}

/**
 * Heads that name one kind of event: outlets call one meeting of leaders "the summit", "the
 * talks" or "the meeting" ("the Anchorage summit", "the Alaska talks"). Heads are singular.
 */
const MEETING = new Set(['summit', 'talk', 'negotiation', 'meeting']);

function headClass(head: string): string {
  return MEETING.has(head) ? 'meeting' : head;
}
