/**
 * Time expressions of one article: find (grammar per language), then resolve in
 * reading order: stated dates as written, deictic ones against the publication
 * date and the tense of their clause, narrative ones ("the next day", "a year
 * earlier") against the previous date or named event of the narrative.
 */
import type { Sentence, TimeExpression } from '../../types.js';
import { firstDay, formatDuration, parseIsoDate, truncate, type Point } from './calendar.js';
import { findCandidates } from './candidates.js';
import { resolveEventAnchors } from './event-anchors.js';
import { namedEvents } from './events.js';
import type { Candidate, Meaning } from './meaning.js';
import { resolveMeaning, type Resolution } from './resolve.js';
import { cueBefore, tenseNear } from './tense.js';

export interface TimeContext {
  /** Publication date, ISO "YYYY-MM-DD" (a longer timestamp is cut), or null. */
  published: string | null;
  /** ISO 639-1 code ("en", "ru"); other codes get numeric dates and chrono's locale when it has one. */
  language: string;
}

/** How far back (in sentences) "the next day" may look for what it follows. */
const NARRATIVE_WINDOW = 3;

const PLANNED = /\bto\s+\p{L}+\s+$/u;

interface Anchorable {
  pos: number;
  sentence: number;
  point: Point | null;
  /** A named event the anchor stands for (an event mention, or an unresolved anchored phrase). */
  event: string | null;
}

export function extractTimes(
  text: string,
  sentences: Sentence[],
  context: TimeContext,
): TimeExpression[] {
  if (typeof text !== 'string') throw new TypeError('extractTimes: text must be a string');
  const lang = (context.language || 'en').slice(0, 2).toLowerCase();
  const dct = parseIsoDate(context.published);
  const events = namedEvents(text);
  const candidates = findCandidates(text, lang, events);
  if (candidates.length === 0) return [];

  const sentenceAt = sentenceIndexer(sentences, text.length);
  // Mentions of named events' distinctive words ("in Anchorage") can be what "the next day" follows.
  const eventMentions: Anchorable[] = [];
  for (const e of events)
    eventMentions.push({ pos: e.start, sentence: sentenceAt(e.start), point: null, event: e.name });
  // ... or its place on its own, as the scene of the event ("informed Trump in Anchorage").
  for (const [modifier, name] of new Map(events.map((e) => [e.modifier, e.name]))) {
    for (const pos of placeMentions(text, modifier))
      // "agreed to meet in Budapest" plans an event; it is not where the narrative stands.
      if (!PLANNED.test(text.slice(Math.max(0, pos - 30), pos)))
        eventMentions.push({ pos, sentence: sentenceAt(pos), point: null, event: name });
  }

  const out: TimeExpression[] = [];
  const history: Anchorable[] = [];
  for (const c of candidates) {
    const si = sentenceAt(c.start);
    const sentence = sentences[si] ?? { start: 0, end: text.length };
    let meaning: Meaning = c.meaning;
    let anchor: Point | null = null;
    if (meaning.kind === 'narrative' || isYearAgoAfterQuarter(c, history, si)) {
      const prior = nearestPrior(c.start, si, history, eventMentions);
      if (prior?.event && !prior.point && meaning.kind === 'narrative') {
        meaning = {
          kind: 'anchored',
          event: prior.event,
          unit: meaning.unit,
          amount: meaning.offset === null ? null : Math.abs(meaning.offset),
          direction:
            meaning.offset === null || meaning.offset > 0
              ? 'after'
              : meaning.offset < 0
                ? 'before'
                : 'at',
        };
      } else if (
        prior?.point &&
        prior.point.decade === undefined &&
        prior.point.century === undefined
      ) {
        // "the year-ago quarter" after "the quarter ended Sept. 30" is a quarter, not a day.
        anchor =
          c.rule === 'en/the-quarter' && prior.point.d !== undefined
            ? truncate(firstDay(prior.point), 'quarter')
            : prior.point;
        if (meaning.kind === 'unit' && meaning.unit !== 'season')
          meaning = { kind: 'narrative', unit: meaning.unit, offset: meaning.offset };
      }
    }
    if (meaning.kind === 'clock') {
      // "at 10:35 a.m." is on the day the narrative is at, if one was just named.
      const last = history[history.length - 1];
      if (last?.point?.d !== undefined && si - last.sentence <= 1) anchor = last.point;
    }
    // Dates weeks away follow their own cue ("payable Dec. 7"); weekdays follow the verb.
    const cue = lang === 'en' && meaning.kind === 'calendar' ? cueBefore(text, c.start) : null;
    const tense = cue ?? tenseNear(text, sentence, c.start, lang);
    const r: Resolution = resolveMeaning(meaning, { dct, tense, anchor });
    const t: TimeExpression = {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: c.type,
      value: r.value,
      granularity: r.granularity,
      relative: r.relative,
      resolved: r.resolved,
      confidence: r.confidence,
    };
    if (meaning.kind === 'anchored') {
      t.anchor = {
        event: meaning.event,
        offset:
          meaning.unit && meaning.amount !== null
            ? formatDuration(meaning.unit, meaning.amount)
            : null,
        direction: meaning.direction,
      };
    }
    out.push(t);
    if (r.point && c.type !== 'DURATION' && c.type !== 'SET')
      history.push({ pos: c.start, sentence: si, point: r.point, event: null });
    else if (t.anchor && !r.resolved)
      history.push({ pos: c.start, sentence: si, point: null, event: t.anchor.event });
  }
  // Events dated in this very article resolve its own anchored phrases.
  return resolveEventAnchors([{ text, times: out }]).times[0]!;
}

/** "a year ago" right after a quarter in the same sentence means that quarter a year before. */
function isYearAgoAfterQuarter(c: Candidate, history: Anchorable[], si: number): boolean {
  if (c.meaning.kind !== 'unit' || c.meaning.unit !== 'year' || c.rule !== 'en/ago-later')
    return false;
  const last = history[history.length - 1];
  return (
    !!last &&
    last.sentence === si &&
    !!last.point &&
    (last.point.q !== undefined || last.point.h !== undefined)
  );
}

function nearestPrior(
  pos: number,
  si: number,
  history: Anchorable[],
  mentions: Anchorable[],
): Anchorable | null {
  let best: Anchorable | null = null;
  for (const list of [history, mentions])
    for (const a of list)
      if (a.pos < pos && si - a.sentence <= NARRATIVE_WINDOW && (!best || a.pos > best.pos))
        best = a;
  return best;
}

/** Index of the sentence containing an offset (the closest one before it between sentences). */
function sentenceIndexer(sentences: Sentence[], length: number): (pos: number) => number {
  if (sentences.length === 0) return () => 0;
  return (pos) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= Math.min(pos, length)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

const LETTER = /\p{L}/u;
const PREPOSITION_BEFORE = /(?:in|at)\s+$/;

/**
 * Where "in <place>" or "at <place>" starts, the place as a whole word. Found with indexOf:
 * a regex with a lookbehind, compiled per article and run from every position, cost more
 * than the rest of the time pass.
 */
function placeMentions(text: string, place: string): number[] {
  const out: number[] = [];
  if (!place) return out;
  for (let at = text.indexOf(place); at >= 0; at = text.indexOf(place, at + place.length)) {
    if (LETTER.test(text.charAt(at + place.length))) continue;
    const before = PREPOSITION_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
    if (!before) continue;
    const start = at - before[0].length;
    if (!LETTER.test(text.charAt(start - 1))) out.push(start);
  }
  return out;
}
