/**
 * Event-anchored time phrases across the articles of a story: learn each named
 * event's date from any article that states it ("the Anchorage summit on August
 * 15", "the summit in Alaska on 15 August", "the August 15 Anchorage summit"),
 * then resolve "a week before the Anchorage summit" everywhere.
 */
import type { TimeExpression } from '../../types.js';
import { formatPoint, granularityOf, shiftPoint, type Unit } from './calendar.js';
import { eventKey, namedEvents } from './events.js';
import { pointOfValue } from './resolve.js';

export interface LearnedEvent {
  event: string;
  key: string;
  value: string;
  /** Where the date was stated: index of the article and the time expression's offsets. */
  articleIndex: number;
  start: number;
  end: number;
}

export interface AnchorResolution {
  /** Each article's time expressions, anchored ones resolved where the event date is known. */
  times: TimeExpression[][];
  /** Event dates learned from the story, one per event (the most often stated value). */
  events: LearnedEvent[];
}

/** Text allowed between an event name and its date: "on", ", held on", "which took place in". */
const EVENT_THEN_DATE =
  /^,?\s*(?:\(\s*)?(?:(?:which|that)\s+(?:took place|was held|were held|happened)\s+|(?:held|scheduled|planned)\s+)?(?:on|in|of)?\s*$/i;
/** "the August 15 Anchorage summit": the date directly before the name. */
const DATE_THEN_EVENT = /^(?:'s)?\s*$/;

function isCalendarDate(t: TimeExpression): boolean {
  return (
    t.type === 'DATE' &&
    !t.anchor &&
    (t.granularity === 'day' || t.granularity === 'month') &&
    t.resolved
  );
}

export function learnEventDates(
  articles: Array<{ text: string; times: TimeExpression[] }>,
): LearnedEvent[] {
  const seen: LearnedEvent[] = [];
  articles.forEach((a, articleIndex) => {
    const dates = a.times.filter(isCalendarDate);
    if (dates.length === 0) return;
    for (const ev of namedEvents(a.text)) {
      for (const t of dates) {
        const after =
          t.start >= ev.end &&
          t.start - ev.end <= 40 &&
          EVENT_THEN_DATE.test(a.text.slice(ev.end, t.start));
        const evNameStart =
          ev.start + (a.text.slice(ev.start, ev.end).match(/^the\s+/i)?.[0].length ?? 0);
        const before =
          t.end <= evNameStart &&
          evNameStart - t.end <= 3 &&
          DATE_THEN_EVENT.test(a.text.slice(t.end, evNameStart));
        if (after || before)
          seen.push({
            event: ev.name,
            key: ev.key,
            value: t.value,
            articleIndex,
            start: t.start,
            end: t.end,
          });
      }
    }
  });
  // One date per event: the most often stated, finer granularity on ties.
  const byKey = new Map<string, LearnedEvent[]>();
  for (const e of seen) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  return [...byKey.values()].map((list) => {
    const count = (v: string): number => list.filter((e) => e.value === v).length;
    return [...list].sort(
      (x, y) => count(y.value) - count(x.value) || y.value.length - x.value.length,
    )[0]!;
  });
}

const DURATION = /^P(?:T)?(\d+(?:\.\d+)?)(S|M|H|D|W|Y)$/;

/** "P1W" to one week; minutes and seconds only after "T". */
function parseOffset(offset: string | null): { unit: Unit; amount: number } | null {
  const m = offset ? DURATION.exec(offset) : null;
  if (!m) return null;
  const time = offset!.startsWith('PT');
  const units: Record<string, Unit> = time
    ? { H: 'hour', M: 'minute', S: 'second' }
    : { D: 'day', W: 'week', M: 'month', Y: 'year' };
  const unit = units[m[2]!];
  return unit ? { unit, amount: Number(m[1]) } : null;
}

/** Resolves one anchored expression against a known event date; unchanged when it cannot be. */
export function resolveAnchored(
  t: TimeExpression,
  eventDates: Map<string, string>,
): TimeExpression {
  if (!t.anchor) return t;
  const known = eventDates.get(eventKey(t.anchor.event));
  const point = known ? pointOfValue(known) : null;
  if (!known || !point) return t;
  const off = parseOffset(t.anchor.offset);
  let p = point;
  if (off && t.anchor.direction !== 'at') {
    const sign = t.anchor.direction === 'before' ? -1 : 1;
    const amount = Number.isInteger(off.amount) ? off.amount : Math.round(off.amount * 7);
    p = shiftPoint(point, Number.isInteger(off.amount) ? off.unit : 'day', sign * amount);
  }
  const exact = off !== null || t.anchor.direction === 'at';
  return {
    ...t,
    value: formatPoint(p),
    granularity: granularityOf(p),
    resolved: true,
    relative: true,
    // "after the summit" is only bounded by the summit's date.
    confidence: exact ? Math.max(t.confidence, 0.7) : 0.5,
  };
}

export function resolveEventAnchors(
  articles: Array<{ text: string; times: TimeExpression[] }>,
): AnchorResolution {
  const events = learnEventDates(articles);
  const dates = new Map(events.map((e) => [e.key, e.value]));
  return { events, times: articles.map((a) => a.times.map((t) => resolveAnchored(t, dates))) };
}
