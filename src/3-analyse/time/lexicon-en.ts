/** English words for months, weekdays, numbers and units, as regex fragments and lookups. */
import type { DayPart, Season, Unit } from './calendar.js';

export const MONTHS_EN: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Month names; abbreviations need their period so "Mar" in a name does not count. */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.)';

export const WEEKDAYS_EN: Record<string, number> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
};

export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

const SMALL: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  a: 1,
  an: 1,
  single: 1,
  half: 0.5,
  dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Vague amounts: the value's number becomes X (PXY). */
const VAGUE =
  /^(?:several|a few|few|a couple of|a couple|couple of|some|many|a number of|dozens of|hundreds of|the|more)$/i;

const SMALL_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS_WORDS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

/** An amount: digits, number words, "a", "a few", "several". */
export const NUMBER_RE = `(?:\\d+(?:\\.\\d+|\\s+1/2)?|(?:${TENS_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:${SMALL_WORDS})(?: hundred)?|a couple of|a couple|couple of|a few|several|a dozen|dozens of|a half|an|a|half a|half an)`;

/** Parses an amount; null for a vague one ("several"); undefined when it is not an amount. */
export function parseAmount(text: string): number | null | undefined {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^\d+ 1\/2$/.test(t)) return Number(t.split(' ')[0]) + 0.5;
  if (t === 'a couple of' || t === 'a couple' || t === 'couple of') return 2;
  if (t === 'a dozen') return 12;
  if (t === 'half a' || t === 'half an' || t === 'a half') return 0.5;
  if (VAGUE.test(t)) return null;
  const parts = t.split(/[- ]/);
  let total = 0;
  for (const p of parts) {
    if (p in SMALL) total += SMALL[p]!;
    else if (p in TENS) total += TENS[p]!;
    else if (p === 'hundred') total = (total || 1) * 100;
    else return undefined;
  }
  return total;
}

export const UNIT_RE =
  '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|weekends?)';

export function parseUnit(word: string): Unit | null {
  const w = word.toLowerCase().replace(/s$/, '');
  switch (w) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
    case 'week':
    case 'month':
    case 'quarter':
    case 'year':
    case 'decade':
      return w;
    case 'centurie':
    case 'century':
      return 'century';
    case 'fortnight':
      return 'week';
    default:
      return null;
  }
}

export const SEASONS_EN: Record<string, Season> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

export const DAY_PARTS_EN: Record<string, DayPart> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  tonight: 'NI',
};

export const ORDINALS_EN: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};

/** Lets a regex fragment's words start with a capital too ("A week before …") without the `i` flag. */
export function initialCaps(fragment: string): string {
  return fragment.replace(/(?<![\\a-zA-Z[])([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`);
}
