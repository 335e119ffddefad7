/**
 * Turns a meaning into a TimeML value: against the publication date (with the
 * sentence tense for a month or weekday without a year) or a narrative anchor.
 */
import type { TimeExpression } from '../../types.js';
import {
  addDays,
  firstDay,
  formatDuration,
  formatPoint,
  granularityOf,
  isoWeek,
  shiftPoint,
  truncate,
  weekday,
  type Granularity,
  type Point,
  type Season,
} from './calendar.js';
import { HOLIDAYS } from './holidays.js';
import type { Meaning } from './meaning.js';
import type { Tense } from './tense.js';

export interface Resolution {
  value: string;
  granularity: Granularity;
  relative: boolean;
  resolved: boolean;
  confidence: number;
  /** The calendar point, when there is one (narrative anchor for later phrases). */
  point: Point | null;
}

type Day = { y: number; m: number; d: number };

export interface ResolveContext {
  dct: Day | null;
  tense: Tense;
  /** The previous dated point of the narrative, for "the next day", "a year earlier". */
  anchor: Point | null;
}

const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function done(point: Point, relative: boolean, confidence: number): Resolution {
  return {
    value: formatPoint(point),
    granularity: granularityOf(point),
    relative,
    resolved: true,
    confidence,
    point,
  };
}

function unresolved(value: string, granularity: Granularity): Resolution {
  return { value, granularity, relative: true, resolved: false, confidence: 0.4, point: null };
}

/** Year of a month (and day) written without a year, from the publication date and tense. */
function inferYear(
  month: number,
  day: number,
  dct: Day,
  tense: Tense,
  shift: -1 | 1 | undefined,
): number {
  const cmp = month * 40 + day - (dct.m * 40 + dct.d);
  if (shift === -1) return cmp < 0 && month !== dct.m ? dct.y : dct.y - 1;
  if (shift === 1) return cmp > 0 && month !== dct.m ? dct.y : dct.y + 1;
  if (tense === 'past') return cmp <= 0 || month === dct.m ? dct.y : dct.y - 1;
  if (tense === 'future') return cmp >= 0 || month === dct.m ? dct.y : dct.y + 1;
  const diff = month - dct.m;
  return diff > 6 ? dct.y - 1 : diff < -6 ? dct.y + 1 : dct.y;
}

function withTime(day: Day, m: { hour?: number; minute?: number; part?: Point['part'] }): Point {
  const p: Point = { ...day };
  if (m.hour !== undefined) {
    p.hour = m.hour;
    p.minute = m.minute ?? 0;
  } else if (m.part) p.part = m.part;
  return p;
}

export function resolveMeaning(meaning: Meaning, ctx: ResolveContext): Resolution {
  const { dct } = ctx;
  switch (meaning.kind) {
    case 'fixed': {
      const g: Granularity =
        meaning.type === 'SET' ? 'set' : meaning.type === 'DURATION' ? 'duration' : 'ref';
      return {
        value: meaning.value,
        granularity: g,
        relative: g === 'ref',
        resolved: true,
        confidence: 0.8,
        point: null,
      };
    }
    case 'duration':
      return {
        value: formatDuration(meaning.unit, meaning.amount),
        granularity: 'duration',
        relative: false,
        resolved: true,
        confidence: meaning.amount === null ? 0.6 : 0.85,
        point: null,
      };
    case 'calendar': {
      const fields: Point = { y: meaning.year ?? 0 };
      if (meaning.century !== undefined)
        return done({ y: meaning.century * 100, century: meaning.century }, false, 0.9);
      if (meaning.decade !== undefined)
        return done({ y: meaning.decade * 10, decade: meaning.decade }, false, 0.9);
      if (meaning.month !== undefined) fields.m = meaning.month;
      if (meaning.day !== undefined) fields.d = meaning.day;
      if (meaning.quarter !== undefined) fields.q = meaning.quarter;
      if (meaning.half !== undefined) fields.h = meaning.half;
      if (meaning.season !== undefined) fields.s = meaning.season;
      if (meaning.hour !== undefined) {
        fields.hour = meaning.hour;
        fields.minute = meaning.minute ?? 0;
      }
      if (meaning.year !== undefined) return done(fields, false, 0.95);
      if (!dct) {
        const masked = formatPoint({ ...fields, y: 0 }).replace(/^0000/, 'XXXX');
        return unresolved(masked, granularityOf(fields));
      }
      if (meaning.month !== undefined) {
        fields.y = inferYear(meaning.month, meaning.day ?? 0, dct, ctx.tense, meaning.shift);
        return done(fields, true, 0.8);
      }
      // Quarter, half or season without a year: the publication year ("the third quarter").
      fields.y = dct.y + (meaning.shift ?? 0);
      return done(fields, true, 0.75);
    }
    case 'holiday': {
      const dayOf = HOLIDAYS[meaning.name.toLowerCase()];
      if (!dayOf) return unresolved('XXXX-XX-XX', 'day');
      if (meaning.year !== undefined) return done(dayOf(meaning.year), false, 0.9);
      if (!dct) return unresolved('XXXX-XX-XX', 'day');
      const probe = dayOf(dct.y);
      return done(dayOf(inferYear(probe.m, probe.d, dct, ctx.tense, meaning.shift)), true, 0.75);
    }
    case 'clock':
      if (ctx.anchor?.d !== undefined)
        return done(withTime(firstDay(ctx.anchor), meaning), true, 0.7);
      if (!dct)
        return unresolved(
          `XXXX-XX-XXT${String(meaning.hour).padStart(2, '0')}:${String(meaning.minute).padStart(2, '0')}`,
          'time',
        );
      return done(withTime(dct, meaning), true, 0.7);
    case 'weekend': {
      if (!dct) return unresolved('XXXX-WXX-WE', 'week');
      const w = isoWeek(addDays(dct, 7 * meaning.offset));
      const value = `${w.y}-W${String(w.w).padStart(2, '0')}-WE`;
      return {
        value,
        granularity: 'week',
        relative: true,
        resolved: true,
        confidence: 0.7,
        point: { y: w.y, w: w.w },
      };
    }
    case 'latestQuarter':
      if (!dct) return unresolved('XXXX-QX', 'quarter');
      return done(shiftPoint(truncate(dct, 'quarter'), 'quarter', -1), true, 0.6);
    case 'unit': {
      if (!dct)
        return unresolved(
          meaning.unit === 'year' ? 'XXXX' : 'XXXX-XX',
          meaning.unit === 'season' ? 'season' : 'month',
        );
      if (meaning.unit === 'season') {
        const s = meaning.season!;
        // Seasons as a running index (year * 4 + season); January and February belong to the previous year's winter.
        const order: Season[] = ['SP', 'SU', 'FA', 'WI'];
        const seasonOfMonth = dct.m < 3 ? 3 : Math.floor((dct.m - 3) / 3);
        const now = (dct.m < 3 ? dct.y - 1 : dct.y) * 4 + seasonOfMonth;
        const wanted = order.indexOf(s);
        let idx = Math.floor(now / 4) * 4 + wanted;
        if (meaning.offset < 0 && idx >= now) idx -= 4;
        if (meaning.offset > 0 && idx <= now) idx += 4;
        const y = Math.floor(idx / 4);
        return done({ y, s }, true, 0.7);
      }
      const u = meaning.unit;
      if (u === 'hour' || u === 'minute' || u === 'second') return done({ ...dct }, true, 0.6);
      return done(shiftPoint(truncate(dct, u), u, meaning.offset), true, 0.85);
    }
    case 'day':
      if (!dct) return unresolved('XXXX-XX-XX', 'day');
      return done(withTime(addDays(dct, meaning.offset), meaning), true, 0.9);
    case 'weekday': {
      if (!dct) return unresolved(`XXXX-WXX-${meaning.weekday}`, 'day');
      const today = weekday(dct);
      let delta: number;
      if (meaning.shift === 0) delta = meaning.weekday - today;
      else if (meaning.shift === -1) delta = -(((today - meaning.weekday + 6) % 7) + 1);
      else if (meaning.shift === 1) delta = ((meaning.weekday - today + 6) % 7) + 1;
      else if (ctx.tense === 'future') delta = (meaning.weekday - today + 7) % 7;
      else delta = -((today - meaning.weekday + 7) % 7);
      return done(withTime(addDays(dct, delta), meaning), true, 0.8);
    }
    case 'narrative': {
      const base = ctx.anchor ?? (dct ? truncate(dct, meaning.unit) : null);
      if (!base) return unresolved('XXXX-XX-XX', 'day');
      if (meaning.offset === null) {
        // "a few days later": only as precise as the anchor's month.
        const coarse =
          base.d !== undefined || base.w !== undefined ? truncate(firstDay(base), 'month') : base;
        return { ...done(coarse, true, 0.4) };
      }
      const shifted = shiftPoint(base, meaning.unit, meaning.offset);
      return done(shifted, true, ctx.anchor ? 0.6 : 0.5);
    }
    case 'anchored':
      return unresolved(
        anchoredPlaceholder(meaning.unit),
        meaning.unit === 'year' ? 'year' : meaning.unit === 'month' ? 'month' : 'day',
      );
  }
}

function anchoredPlaceholder(unit: string | null): string {
  if (unit === 'year') return 'XXXX';
  if (unit === 'month') return 'XXXX-XX';
  return 'XXXX-XX-XX';
}

/** A resolved TimeML date value back to a point (for anchors), or null for refs, durations, placeholders. */
export function pointOfValue(value: string): Point | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (m) return { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { y: +m[1]!, m: +m[2]! };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) return { y: +m[1]!, w: +m[2]! };
  m = /^(\d{4})-Q(\d)$/.exec(value);
  if (m) return { y: +m[1]!, q: +m[2]! };
  m = /^(\d{4})-H(\d)$/.exec(value);
  if (m) return { y: +m[1]!, h: +m[2]! };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return { y: +m[1]!, s: m[2] as Season };
  m = /^(\d{4})$/.exec(value);
  if (m) return { y: +m[1]! };
  return null;
}
