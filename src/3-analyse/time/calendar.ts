/**
 * Calendar arithmetic on TimeML points: a year with optional month/day/quarter/
 * week/season and time of day. All dates are proleptic Gregorian, UTC.
 */
import type { TimeExpression } from '../../types.js';

export type Granularity = TimeExpression['granularity'];
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export type DayPart = 'MO' | 'AF' | 'EV' | 'NI';

/** A calendar point at some granularity ("2025-09" is { y: 2025, m: 9 }). */
export interface Point {
  y: number;
  m?: number;
  d?: number;
  q?: number;
  /** Half year (1 or 2). */
  h?: number;
  /** ISO week; `y` is then the ISO week-year. */
  w?: number;
  s?: Season;
  /** Decade prefix ("199" for the 1990s) or century prefix ("19"); replaces `y`. */
  decade?: number;
  century?: number;
  hour?: number;
  minute?: number;
  part?: DayPart;
}

export type Unit =
  | 'second'
  | 'minute'
  | 'hour'
  | 'day'
  | 'week'
  | 'month'
  | 'quarter'
  | 'year'
  | 'decade'
  | 'century';

const DAY_MS = 86_400_000;

/** Parses "YYYY-MM-DD" (a longer ISO timestamp is cut to its date); null if it is not one. */
export function parseIsoDate(
  value: string | null | undefined,
): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m) return null;
  const p = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= daysInMonth(p.y, p.m) ? p : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fromEpochDay(ms: number): { y: number; m: number; d: number } {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(
  p: { y: number; m: number; d: number },
  n: number,
): { y: number; m: number; d: number } {
  return fromEpochDay(Date.UTC(p.y, p.m - 1, p.d) + n * DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(p: { y: number; m: number; d: number }): number {
  const w = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function isoWeek(p: { y: number; m: number; d: number }): { y: number; w: number } {
  const thursday = addDays(p, 4 - weekday(p));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  const w = Math.floor((Date.UTC(thursday.y, thursday.m - 1, thursday.d) - jan1) / DAY_MS / 7) + 1;
  return { y: thursday.y, w };
}

/** Monday of ISO week `w` of ISO week-year `y`. */
function weekMonday(y: number, w: number): { y: number; m: number; d: number } {
  const jan4 = { y, m: 1, d: 4 };
  return addDays(addDays(jan4, 1 - weekday(jan4)), (w - 1) * 7);
}

export function granularityOf(p: Point): Granularity {
  if (p.century !== undefined) return 'century';
  if (p.decade !== undefined) return 'decade';
  if (p.hour !== undefined || p.part !== undefined) return 'time';
  if (p.d !== undefined) return 'day';
  if (p.w !== undefined) return 'week';
  if (p.m !== undefined) return 'month';
  if (p.q !== undefined || p.h !== undefined) return 'quarter';
  if (p.s !== undefined) return 'season';
  return 'year';
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The TimeML value of a point: "2025-11-13", "2025-09", "2025-W46", "1989-Q3", "199", "1998-FA", "2025-11-13T10:30". */
export function formatPoint(p: Point): string {
  if (p.century !== undefined) return pad(p.century);
  if (p.decade !== undefined) return String(p.decade);
  const y = pad(p.y, 4);
  if (p.w !== undefined) return `${y}-W${pad(p.w)}`;
  if (p.m !== undefined) {
    const ym = `${y}-${pad(p.m)}`;
    if (p.d === undefined) return ym;
    const ymd = `${ym}-${pad(p.d)}`;
    if (p.hour !== undefined) return `${ymd}T${pad(p.hour)}:${pad(p.minute ?? 0)}`;
    if (p.part !== undefined) return `${ymd}T${p.part}`;
    return ymd;
  }
  if (p.q !== undefined) return `${y}-Q${p.q}`;
  if (p.h !== undefined) return `${y}-H${p.h}`;
  if (p.s !== undefined) return `${y}-${p.s}`;
  return y;
}

/** The point of a day at the given unit's granularity ("year" of 2025-11-13 is 2025). */
export function truncate(p: { y: number; m: number; d: number }, unit: Unit): Point {
  switch (unit) {
    case 'century':
      return { y: p.y, century: Math.floor(p.y / 100) };
    case 'decade':
      return { y: p.y, decade: Math.floor(p.y / 10) };
    case 'year':
      return { y: p.y };
    case 'quarter':
      return { y: p.y, q: Math.ceil(p.m / 3) };
    case 'month':
      return { y: p.y, m: p.m };
    case 'week':
      return isoWeek(p);
    default:
      return { y: p.y, m: p.m, d: p.d };
  }
}

/** A representative day of a point (its first day), for arithmetic. */
export function firstDay(p: Point): { y: number; m: number; d: number } {
  if (p.w !== undefined) return weekMonday(p.y, p.w);
  if (p.m !== undefined) return { y: p.y, m: p.m, d: p.d ?? 1 };
  if (p.q !== undefined) return { y: p.y, m: (p.q - 1) * 3 + 1, d: 1 };
  if (p.h !== undefined) return { y: p.y, m: p.h === 1 ? 1 : 7, d: 1 };
  return { y: p.y, m: 1, d: 1 };
}

/**
 * Moves a point by n units, keeping the point's own granularity when it is finer
 * than the unit ("1989-Q3" minus a year is "1988-Q3"); a coarser point moves in its own steps.
 */
export function shiftPoint(p: Point, unit: Unit, n: number): Point {
  if (n === 0) return p;
  if (p.century !== undefined) return { y: p.y, century: p.century + (unit === 'century' ? n : 0) };
  if (p.decade !== undefined) {
    const years =
      unit === 'century' ? 100 * n : unit === 'decade' ? 10 * n : unit === 'year' ? n : 0;
    return { y: p.y + years, decade: Math.floor((p.y + years) / 10) };
  }
  const months = monthsOf(unit, n);
  if (p.d === undefined && p.w === undefined) {
    // month, quarter, half, season or year points move by whole months/years.
    const wholeMonths = months ?? Math.round(daysOf(unit, n) / 30);
    if (p.m !== undefined) {
      const idx = p.y * 12 + (p.m - 1) + wholeMonths;
      return { y: Math.floor(idx / 12), m: (idx % 12) + 1 };
    }
    if (p.q !== undefined) {
      const idx = p.y * 4 + (p.q - 1) + Math.round(wholeMonths / 3);
      return { y: Math.floor(idx / 4), q: (idx % 4) + 1 };
    }
    return { ...p, y: p.y + Math.trunc(wholeMonths / 12) };
  }
  const day = firstDay(p);
  let moved: { y: number; m: number; d: number };
  if (months !== null) {
    const idx = day.y * 12 + (day.m - 1) + months;
    const y = Math.floor(idx / 12);
    const m = (idx % 12) + 1;
    moved = { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
  } else {
    moved = addDays(day, Math.trunc(daysOf(unit, n)));
  }
  if (p.w !== undefined) return isoWeek(moved);
  const out: Point = { ...moved };
  if (p.hour !== undefined) {
    const minutes =
      (p.hour * 60 +
        (p.minute ?? 0) +
        Math.round(daysOf(unit, n) * 1440 - Math.trunc(daysOf(unit, n)) * 1440)) %
      1440;
    out.hour = Math.floor(minutes / 60);
    out.minute = minutes % 60;
  }
  if (p.part !== undefined) out.part = p.part;
  return out;
}

function monthsOf(unit: Unit, n: number): number | null {
  switch (unit) {
    case 'month':
      return n;
    case 'quarter':
      return 3 * n;
    case 'year':
      return 12 * n;
    case 'decade':
      return 120 * n;
    case 'century':
      return 1200 * n;
    default:
      return null;
  }
}

function daysOf(unit: Unit, n: number): number {
  switch (unit) {
    case 'second':
      return n / 86400;
    case 'minute':
      return n / 1440;
    case 'hour':
      return n / 24;
    case 'week':
      return 7 * n;
    case 'day':
      return n;
    default:
      return 30 * (monthsOf(unit, n) ?? 0);
  }
}

/** TimeML duration: P3D, P1W, P2M, P1Y, P10Y, PT5H, P1Q → P3M; unknown amount → PXY. */
export function formatDuration(unit: Unit, amount: number | null): string {
  const n = amount === null ? 'X' : String(amount);
  switch (unit) {
    case 'second':
      return `PT${n}S`;
    case 'minute':
      return `PT${n}M`;
    case 'hour':
      return `PT${n}H`;
    case 'day':
      return `P${n}D`;
    case 'week':
      return `P${n}W`;
    case 'month':
      return `P${n}M`;
    case 'quarter':
      return amount === null ? 'PXQ' : `P${amount * 3}M`;
    case 'year':
      return `P${n}Y`;
    case 'decade':
      return amount === null ? 'PXDE' : `P${amount * 10}Y`;
    case 'century':
      return amount === null ? 'PXCE' : `P${amount * 100}Y`;
  }
}

/** Compares two points by their first day (then by granularity, coarser first). */
export function comparePoints(a: Point, b: Point): number {
  const da = firstDay(a);
  const db = firstDay(b);
  return Date.UTC(da.y, da.m - 1, da.d) - Date.UTC(db.y, db.m - 1, db.d);
}
