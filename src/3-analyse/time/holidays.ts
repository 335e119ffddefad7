/** Fixed and movable holidays as a function of the year (the ones news cite as dates). */
import { addDays, weekday } from './calendar.js';

type Day = { y: number; m: number; d: number };

/** The n-th given weekday (1 = Monday) of a month; n = -1 for the last. */
function nthWeekday(y: number, m: number, wd: number, n: number): Day {
  if (n > 0) {
    const first = { y, m, d: 1 };
    return addDays(first, ((wd - weekday(first) + 7) % 7) + 7 * (n - 1));
  }
  const last = addDays({ y, m: m + 1 > 12 ? 1 : m + 1, d: 1 }, -1);
  const lastDay = m === 12 ? { y, m: 12, d: 31 } : last;
  return addDays(lastDay, -((weekday(lastDay) - wd + 7) % 7));
}

/** Easter Sunday (Gregorian computus). */
function easter(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

export const HOLIDAYS: Record<string, (y: number) => Day> = {
  christmas: (y) => ({ y, m: 12, d: 25 }),
  'christmas day': (y) => ({ y, m: 12, d: 25 }),
  'christmas eve': (y) => ({ y, m: 12, d: 24 }),
  "new year's day": (y) => ({ y, m: 1, d: 1 }),
  "new year's eve": (y) => ({ y, m: 12, d: 31 }),
  'independence day': (y) => ({ y, m: 7, d: 4 }),
  halloween: (y) => ({ y, m: 10, d: 31 }),
  "valentine's day": (y) => ({ y, m: 2, d: 14 }),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  // The Tuesday after the first Monday of November.
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  easter: easter,
  'easter sunday': easter,
};

export const HOLIDAY_RE =
  "(?:Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Independence Day|Halloween|Valentine's Day|Thanksgiving(?: Day)?|Memorial Day|Labor Day|Election Day|Easter(?: Sunday)?)";
