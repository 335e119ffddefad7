/**
 * The story's timeline: every dated event any article reports, merged across
 * articles (same date and the same event or a similar sentence = one entry with
 * several reports), in time order. Event-anchored phrases are resolved with
 * event dates learned from the whole story; what stays relative is kept and
 * marked. Each article's publication is an entry too.
 */
import { tokenize } from '../3-analyse/tokens.js';
import { resolveEventAnchors } from '../3-analyse/time/event-anchors.js';
import { eventKey, namedEvents } from '../3-analyse/time/events.js';
import { pointOfValue } from '../3-analyse/time/resolve.js';
import { comparePoints } from '../3-analyse/time/calendar.js';
import type { EntityMention, Sentence, Span, TimeExpression } from '../types.js';
import type { Passage, TimelineEntry } from './comparison.js';

export interface TimelineArticle {
  id: string;
  source: string;
  text: string;
  sentences: Sentence[];
  times: TimeExpression[];
  published: string | null;
  mentions?: EntityMention[];
  /** The story-level name of an article's entity, when entities were resolved across the story. */
  entityName?: (articleId: string, entityId: string) => string | null;
}

/** Sentences this similar (content-word Jaccard) report the same event. */
const SAME_EVENT = 0.3;
/** Sentences this similar but dated differently are a date conflict. */
const CONFLICT = 0.5;
const LABEL_CHARS = 140;

interface Report {
  articleId: string;
  source: string;
  time: Passage;
  sentence: Passage;
  value: string;
  /** The value as a calendar point; null when unresolved. */
  dated: boolean;
  expression: TimeExpression | null;
  /** Named event this report dates, if any (event key). */
  event: string | null;
  eventName: string | null;
  keys: Set<string>;
  participants: string[];
  publication: boolean;
  label: string;
}

export function buildTimeline(articles: TimelineArticle[]): TimelineEntry[] {
  const anchored = resolveEventAnchors(articles.map((a) => ({ text: a.text, times: a.times })));
  const learned = new Map(anchored.events.map((e) => [e.key, e.value]));
  const reports: Report[] = [];
  articles.forEach((a, i) => {
    const times = anchored.times[i]!;
    const events = namedEvents(a.text);
    const dateline = a.published ? datelineOf(a, times) : null;
    for (const t of times) {
      if (t.type === 'DURATION' || t.type === 'SET' || t.granularity === 'ref' || t === dateline)
        continue;
      const sentence = sentenceOf(a, t);
      // The named event this expression dates: its anchor, or an event named right before it.
      const named = t.anchor ?? null;
      const dated = named
        ? null
        : events.find(
            (e) => e.end <= t.start && t.start - e.end <= 30 && e.start >= sentence.start,
          );
      const eventName = named && named.direction === 'at' ? named.event : (dated?.name ?? null);
      reports.push({
        articleId: a.id,
        source: a.source,
        time: passage(a, t),
        sentence: passage(a, sentence),
        value: t.value,
        dated: pointOfValue(t.value) !== null,
        expression: t,
        event: eventName ? eventKey(eventName) : null,
        eventName,
        keys: contentKeys(a.text, sentence),
        participants: participants(a, sentence),
        publication: false,
        label: eventName ?? labelOf(a.text, sentence),
      });
    }
    // Events a phrase is anchored to get an entry of their own ("the Anchorage summit").
    const anchorEvents = new Set(
      times.flatMap((t) => (t.anchor ? [eventKey(t.anchor.event)] : [])),
    );
    for (const e of events) {
      if (!anchorEvents.has(e.key) && !learned.has(e.key)) continue;
      if (
        reports.some(
          (r) =>
            r.articleId === a.id && r.event === e.key && r.expression?.anchor?.direction === 'at',
        )
      )
        continue;
      const sentence = sentenceOf(a, e);
      const value = learned.get(e.key) ?? 'XXXX-XX-XX';
      reports.push({
        articleId: a.id,
        source: a.source,
        time: passage(a, e),
        sentence: passage(a, sentence),
        value,
        dated: pointOfValue(value) !== null,
        expression: null,
        event: e.key,
        eventName: e.name,
        keys: contentKeys(a.text, sentence),
        participants: participants(a, sentence),
        publication: false,
        label: e.name,
      });
    }
    if (a.published) reports.push(publicationReport(a, dateline));
  });
  return order(merge(reports));
}

/** A dateline ("MOSCOW, November 13") in the first lines is the publication's own mention. */
function datelineOf(a: TimelineArticle, times: TimeExpression[]): TimeExpression | null {
  const published = a.published!.slice(0, 10);
  return times.find((t) => t.value === published && t.start < 200) ?? null;
}

function publicationReport(a: TimelineArticle, dateline: TimeExpression | null): Report {
  const published = a.published!.slice(0, 10);
  const sentence = dateline ? sentenceOf(a, dateline) : (a.sentences[0] ?? { start: 0, end: 0 });
  return {
    articleId: a.id,
    source: a.source,
    time: dateline ? passage(a, dateline) : { articleId: a.id, start: 0, end: 0, text: '' },
    sentence: passage(a, sentence),
    value: published,
    dated: true,
    expression: null,
    event: null,
    eventName: null,
    keys: new Set(),
    participants: [],
    publication: true,
    label: `Published by ${a.source || 'the outlet'}`,
  };
}

/** Groups reports into entries: same value and (same event or similar sentence); then flags conflicts. */
function merge(reports: Report[]): Array<{ reports: Report[]; conflicts: Report[] }> {
  const groups: Array<{ reports: Report[]; conflicts: Report[] }> = [];
  // Reports only merge with the same value: look among those alone.
  const byValue = new Map<string, Array<{ reports: Report[]; conflicts: Report[] }>>();
  for (const r of reports) {
    const candidates = byValue.get(r.value) ?? [];
    const g = candidates.find((g) => g.reports.some((o) => sameEntry(o, r)));
    if (g) g.reports.push(r);
    else {
      const created = { reports: [r], conflicts: [] };
      groups.push(created);
      byValue.set(r.value, [...candidates, created]);
    }
  }
  // The same event dated differently elsewhere: keep both entries, each naming the other's date.
  const dated = reports.filter((r) => r.dated && !r.publication);
  for (const g of groups) {
    const own = g.reports.filter((o) => o.dated && !o.publication);
    if (own.length === 0) continue;
    for (const r of dated) {
      if (r.value === g.reports[0]!.value) continue;
      const clash = own.some(
        (o) =>
          o.articleId !== r.articleId &&
          ((o.event !== null && o.event === r.event && sameKind(o, r)) ||
            jaccard(o.keys, r.keys) >= CONFLICT),
      );
      if (clash) g.conflicts.push(r);
    }
  }
  return groups;
}

/** Both name the event itself (not "a week before" it). */
function sameKind(a: Report, b: Report): boolean {
  const da = a.expression?.anchor;
  const db = b.expression?.anchor;
  return (
    (da?.direction ?? 'at') === (db?.direction ?? 'at') &&
    (da?.offset ?? null) === (db?.offset ?? null)
  );
}

function sameEntry(a: Report, b: Report): boolean {
  if (a.publication || b.publication) return a.publication && b.publication && a.value === b.value;
  const ra = a.expression?.anchor;
  const rb = b.expression?.anchor;
  // Unresolved anchored phrases merge on the anchor itself.
  if (!a.dated || !b.dated) {
    if (a.value !== b.value) return false;
    if (ra && rb)
      return (
        eventKey(ra.event) === eventKey(rb.event) &&
        ra.offset === rb.offset &&
        ra.direction === rb.direction
      );
    return a.event !== null && a.event === b.event && !ra && !rb;
  }
  if (a.value !== b.value) return false;
  if (a.event !== null && a.event === b.event) return true;
  if (a.articleId === b.articleId && a.sentence.start === b.sentence.start) return true;
  return jaccard(a.keys, b.keys) >= SAME_EVENT;
}

function order(groups: Array<{ reports: Report[]; conflicts: Report[] }>): TimelineEntry[] {
  const entries = groups.map((g) => toEntry(g.reports, g.conflicts));
  const rank = (e: TimelineEntry): number => {
    const d = e.anchor?.direction;
    return d === 'before' ? -1 : d === 'after' ? 1 : 0;
  };
  return entries.sort((a, b) => {
    const pa = pointOfValue(a.value);
    const pb = pointOfValue(b.value);
    if (pa && pb) return comparePoints(pa, pb) || a.value.length - b.value.length;
    if (pa) return -1;
    if (pb) return 1;
    // Unresolved: grouped by their event, "before" ones ahead of the event, "after" ones behind.
    const ea = a.anchor?.event ?? a.label;
    const eb = b.anchor?.event ?? b.label;
    return ea.localeCompare(eb) || rank(a) - rank(b);
  });
}

function toEntry(reports: Report[], conflicts: Report[]): TimelineEntry {
  const first = reports.find((r) => r.expression && !r.publication) ?? reports[0]!;
  const t = first.expression;
  const resolved = reports.some((r) => r.dated);
  const entry: TimelineEntry = {
    value: first.value,
    granularity: first.publication ? 'day' : (t?.granularity ?? granularityOfValue(first.value)),
    label: first.publication
      ? `Published by ${[...new Set(reports.map((r) => r.source || 'an unnamed outlet'))].join(', ')}`
      : first.label,
    resolved,
    relative: reports.every(
      (r) => !r.publication && (r.expression ? r.expression.relative : !resolved),
    ),
    participants: [...new Set(reports.flatMap((r) => r.participants))],
    reports: reports.map((r) => ({
      articleId: r.articleId,
      source: r.source,
      time: r.time,
      sentence: r.sentence,
      value: r.value,
    })),
    conflicts: conflicts.map((r) => ({
      articleId: r.articleId,
      source: r.source,
      value: r.value,
      text: r.sentence.text,
    })),
  };
  const anchor =
    t?.anchor ??
    (first.eventName
      ? { event: first.eventName, offset: null, direction: 'at' as const }
      : undefined);
  if (anchor) entry.anchor = anchor;
  return entry;
}

function granularityOfValue(value: string): TimelineEntry['granularity'] {
  if (/^\d{4}-\d{2}-\d{2}/.test(value) || value === 'XXXX-XX-XX') return 'day';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  return 'day';
}

function sentenceOf(a: TimelineArticle, span: Span): Span {
  return a.sentences.find((s) => s.start <= span.start && span.start < s.end) ?? span;
}

function passage(a: TimelineArticle, span: Span): Passage {
  return {
    articleId: a.id,
    start: span.start,
    end: span.end,
    text: a.text.slice(span.start, span.end),
  };
}

function contentKeys(text: string, span: Span): Set<string> {
  return new Set(tokenize(text, span.start, span.end).flatMap((t) => (t.term ? [t.term] : [])));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return shared / (a.size + b.size - shared);
}

/** People and organisations named in the sentence, by their story-level names when known. */
function participants(a: TimelineArticle, sentence: Span): string[] {
  const out: string[] = [];
  for (const m of a.mentions ?? []) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    if (m.type !== 'person' && m.type !== 'org') continue;
    const name = a.entityName?.(a.id, m.entityId) ?? (m.kind === 'name' ? m.text : null);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The sentence, cut at a word boundary to a readable length. */
function labelOf(text: string, sentence: Span): string {
  const s = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
  if (s.length <= LABEL_CHARS) return s;
  const cut = s.slice(0, LABEL_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}
