/**
 * The English grammar: each rule is one regex over the whole text. Span
 * conventions follow TimeML (TimeBank): determiners and modifiers ("the", "last",
 * "early") are inside the span, prepositions ("in", "on") are not.
 */
import type { DayPart, Unit } from './calendar.js';
import {
  DAY_PARTS_EN,
  MONTHS_EN,
  MONTH_RE,
  NUMBER_RE,
  ORDINALS_EN,
  SEASONS_EN,
  UNIT_RE,
  WEEKDAYS_EN,
  WEEKDAY_RE,
  parseAmount,
  parseUnit,
} from './lexicon-en.js';
import { HOLIDAY_RE } from './holidays.js';
import { date, type Rule } from './rule.js';

const YEAR = '(?:1[6-9]|20)\\d\\d';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const PART = '(?:morning|afternoon|evening|night)';
/** A year is not a year inside a larger number, an amount of money or a percentage. */
const NOT_NUMBER_AFTER =
  '(?![\\d,.]\\d|\\s*(?:%|percent|per cent)|\\s+(?:people|persons|men|women|children|troops|soldiers|workers|jobs|shares|units|votes|cases|dollars|euros|tons|miles|kilometers|meters|feet|barrels|residents|employees|students|copies|cars|homes|houses)\\b)';

/** A month word to its number; lower-case "may"/"march" are verbs, not months. */
function month(word: string | undefined): number | null {
  if (!word || !/^[A-Z]/.test(word)) return null;
  return MONTHS_EN[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

function weekday(word: string | undefined): number | null {
  return word ? (WEEKDAYS_EN[word.toLowerCase().replace(/\.$/, '')] ?? null) : null;
}

const int = (s: string | undefined): number | undefined =>
  s === undefined ? undefined : parseInt(s, 10);

function clock(
  h: string,
  min: string | undefined,
  ampm: string | undefined,
): { hour: number; minute: number } | null {
  let hour = Number(h);
  const minute = min ? Number(min) : 0;
  const p = ampm?.toLowerCase().replace(/\./g, '');
  if (p === 'pm' && hour < 12) hour += 12;
  if (p === 'am' && hour === 12) hour = 0;
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

function part(word: string | undefined): DayPart | undefined {
  return word ? DAY_PARTS_EN[word.toLowerCase()] : undefined;
}

const shiftOf = (w: string | undefined): -1 | 0 | 1 | null => {
  const t = w?.toLowerCase();
  if (!t) return null;
  if (t === 'last' || t === 'past' || t === 'previous') return -1;
  if (t === 'next' || t === 'coming') return 1;
  return 0;
};

export const RULES_EN: Rule[] = [
  {
    // "Thanksgiving Day", "last Christmas", "Easter 1999"
    id: 'en/holiday',
    gate: /Christmas|New Year|Independence|Halloween|Valentine|Thanksgiving|Memorial|Labor Day|Election Day|Easter/,
    re: new RegExp(`\\b(?:(last|next|this)\\s+)?(${HOLIDAY_RE})\\b(?:,?\\s+(${YEAR})\\b)?`, 'g'),
    build(m) {
      const shift = m[1] === 'last' ? -1 : m[1] === 'next' ? 1 : undefined;
      return date({ kind: 'holiday', name: m[2]!, year: int(m[3]), ...(shift ? { shift } : {}) });
    },
  },
  {
    // "the weekend", "this weekend", "last weekend"
    id: 'en/weekend',
    gate: /weekend/i,
    re: /\b(?:the|this|last|next|past|coming)\s+weekend\b/gi,
    build(m) {
      const w = m[0].toLowerCase();
      const offset = /last|past/.test(w) ? -1 : /next|coming/.test(w) ? 1 : 0;
      return date({ kind: 'weekend', offset });
    },
  },
  {
    // "9 a.m. Tuesday", "4 a.m. EDT Thursday", "10 p.m. yesterday"
    id: 'en/clock-day',
    gate: /\d\s*[ap]\.?m/i,
    re: new RegExp(
      `\\b(\\d{1,2})(?::(\\d\\d))?\\s*([ap]\\.m\\.|[ap]m\\b)(?:\\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC))?,?\\s+(?:(${WEEKDAY_RE})|(today|yesterday|tomorrow))\\b`,
      'g',
    ),
    build(m) {
      const c = clock(m[1]!, m[2], m[3]);
      if (!c) return null;
      if (m[4])
        return {
          meaning: { kind: 'weekday', weekday: weekday(m[4])!, shift: null, ...c },
          type: 'TIME',
        };
      const offset = m[5] === 'yesterday' ? -1 : m[5] === 'tomorrow' ? 1 : 0;
      return { meaning: { kind: 'day', offset, ...c }, type: 'TIME' };
    },
  },
  {
    // "Friday, Nov. 13, 2025", "November 13", "Aug. 7, 1998", "August 15th"
    id: 'en/month-day-year',
    re: new RegExp(
      `\\b(?:(${WEEKDAY_RE}),?\\s+)?(${MONTH_RE})\\s*(${DAY})\\b(?:,?\\s+(${YEAR})\\b${NOT_NUMBER_AFTER})?`,
      'g',
    ),
    build(m) {
      const mo = month(m[2]);
      const d = int(m[3]);
      if (!mo || !d) return null;
      return date({ kind: 'calendar', month: mo, day: d, year: int(m[4]) });
    },
  },
  {
    // "13 November 2025", "the 15th of August"
    id: 'en/day-month-year',
    re: new RegExp(
      `\\b(?:(${WEEKDAY_RE}),?\\s+)?(?:the\\s+)?(${DAY})(?:\\s+of)?\\s+(${MONTH_RE})(?:,?\\s+(${YEAR})\\b${NOT_NUMBER_AFTER})?`,
      'g',
    ),
    build(m) {
      const mo = month(m[3]);
      const d = int(m[2]);
      if (!mo || !d) return null;
      return date({ kind: 'calendar', month: mo, day: d, year: int(m[4]) });
    },
  },
  {
    // "June 2024", "in September", "early March", "late November", "last September", "August of 1988"
    id: 'en/month',
    re: new RegExp(
      `\\b(?:(last|next|this|early|mid|late|the end of|the beginning of|the start of|the middle of)[\\s-]+)?(${MONTH_RE})(?![\\w])(?:,?\\s+(?:of\\s+)?(${YEAR})\\b${NOT_NUMBER_AFTER})?`,
      'gi',
    ),
    build(m) {
      const mo = month(m[2]);
      if (!mo) return null;
      const year = int(m[3]);
      // A lone "May" or "March" at a sentence start is too often a verb or a name.
      if (
        !year &&
        !m[1] &&
        /^(?:May|March|Mar\.|Jan\.|Sept?\.)$/.test(m[2]!) &&
        !/\b(?:in|since|until|by|through|from|to|of|early|late|mid|last|next|this|before|after|during)\s+$/i.test(
          m.input.slice(Math.max(0, m.index - 10), m.index),
        )
      )
        return null;
      const mod = m[1]?.toLowerCase();
      const shift = mod === 'last' ? -1 : mod === 'next' ? 1 : undefined;
      return date({ kind: 'calendar', month: mo, year, ...(shift ? { shift } : {}) });
    },
  },
  {
    // ISO dates "2025-11-13" and times "2025-11-13T10:30"
    id: 'num/iso',
    gate: /\d-\d/,
    re: /\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ]([01]\d|2[0-3]):([0-5]\d))?\b/g,
    build(m) {
      const base = { kind: 'calendar' as const, year: int(m[1]), month: int(m[2]), day: int(m[3]) };
      if (m[4]) return { meaning: { ...base, hour: int(m[4]), minute: int(m[5]) }, type: 'TIME' };
      return date(base);
    },
  },
  {
    // US numeric dates "11/13/2025", "8/7/98"
    id: 'num/us-slash',
    gate: /\d\/\d/,
    re: /\b(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\/((?:19|20)?\d\d)\b/g,
    build(m) {
      let y = int(m[3])!;
      if (y < 100) y += y < 50 ? 2000 : 1900;
      return date({ kind: 'calendar', year: y, month: int(m[1]), day: int(m[2]) });
    },
  },
  {
    // Decades and centuries: "the 1990s", "the '80s", "the early 1990s", "the 20th century"
    id: 'en/decade',
    gate: /0'?s\b|century/i,
    re: /\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(1[6-9]|20)(\d)0s|'(\d)0s)\b|\b(?:the\s+)?(1[5-9]|2[01])(?:st|nd|rd|th)[\s-]+century\b/gi,
    build(m) {
      if (m[4]) return date({ kind: 'calendar', century: int(m[4])! - 1 });
      const decade = m[1] ? int(m[1])! * 10 + int(m[2])! : 190 + int(m[3])!;
      return date({ kind: 'calendar', decade });
    },
  },
  {
    // "1998", "fiscal 1989", "early 1990", "1990-91" (first year)
    id: 'en/year',
    re: new RegExp(
      `(?<![\\d$€£.,/-])\\b(?:(?:fiscal|calendar|early|mid|late|the end of|the beginning of)[\\s-]+)?(${YEAR})\\b(?!-\\d\\d-)${NOT_NUMBER_AFTER}`,
      'gi',
    ),
    build(m) {
      return date({ kind: 'calendar', year: int(m[1]) });
    },
  },
  {
    // Quarters and halves: "the third quarter", "third-quarter", "the first half of 1990", "fiscal 1990 first quarter"
    id: 'en/quarter',
    gate: /quarter|half/i,
    re: new RegExp(
      `\\b(?:the\\s+)?(?:(fiscal|calendar)\\s+(${YEAR})\\s+)?(?:(year-earlier|year-ago|current|latest|last|past|previous|recent|same|fiscal|this|next)[\\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\\s-]+(quarter|half)(?:\\s+of\\s+(?:fiscal\\s+|calendar\\s+)?(${YEAR})|,?\\s+(${YEAR}))?\\b${NOT_NUMBER_AFTER}`,
      'gi',
    ),
    build(m) {
      const n = ORDINALS_EN[m[4]!.toLowerCase()]!;
      const isHalf = m[5]!.toLowerCase() === 'half';
      if (isHalf && n > 2) return null;
      const year = int(m[2] ?? m[6] ?? m[7]);
      const mod = m[3]?.toLowerCase();
      const shift =
        mod === 'year-earlier' || mod === 'year-ago' || mod === 'last' || mod === 'previous'
          ? -1
          : undefined;
      const field = isHalf ? { half: n } : { quarter: n };
      if (mod === 'next') return date({ kind: 'calendar', ...field, shift: 1 });
      return date({ kind: 'calendar', ...field, year, ...(shift && !year ? { shift } : {}) });
    },
  },
  {
    // "the quarter", "the latest quarter", "the current quarter", "this quarter", "last quarter"
    id: 'en/the-quarter',
    gate: /quarter|period/i,
    re: /\b(?:(the)\s+)?(?:(latest|current|recent|past|last|previous|this|next|same|year-earlier|year-ago)[\s-]+)?(?:quarter\b(?!ly)|(?<=(?:latest|year-earlier|year-ago|same)\s+)period\b)/gi,
    build(m) {
      const mod = m[2]?.toLowerCase();
      if (!m[1] && !mod) return null;
      if (mod === 'current' || mod === 'this')
        return date({ kind: 'unit', unit: 'quarter', offset: 0 });
      if (mod === 'next') return date({ kind: 'unit', unit: 'quarter', offset: 1 });
      if (mod === 'same' || mod === 'year-earlier' || mod === 'year-ago')
        return date({ kind: 'narrative', unit: 'year', offset: mod === 'same' ? 0 : -1 });
      return date({ kind: 'latestQuarter' });
    },
  },
  {
    // Seasons: "last fall", "this summer", "the summer of 2024", "spring 1999"
    id: 'en/season',
    gate: /spring|summer|fall|autumn|winter/i,
    re: new RegExp(
      `\\b(?:(last|this|next|early|late|the|past|coming)\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?(${YEAR})\\b)?`,
      'gi',
    ),
    build(m) {
      const season = SEASONS_EN[m[2]!.toLowerCase()]!;
      const year = int(m[3]);
      const mod = m[1]?.toLowerCase();
      if (!year && !mod) return null;
      if (year) return date({ kind: 'calendar', season, year });
      if (mod === 'the') return null;
      const offset =
        mod === 'last' || mod === 'past' ? -1 : mod === 'next' || mod === 'coming' ? 1 : 0;
      return date({ kind: 'unit', unit: 'season', season, offset });
    },
  },
  {
    // "Friday", "last Friday", "next Monday", "Friday morning", "Friday at 10 a.m."
    id: 'en/weekday',
    gate: /day\b/,
    re: new RegExp(
      `\\b(?:(last|next|this|coming|past)\\s+)?(${WEEKDAY_RE})(?:\\s+(${PART}))?(?:\\s+at\\s+(\\d{1,2})(?::(\\d\\d))?\\s*([ap]\\.?m\\.?))?`,
      'g',
    ),
    build(m) {
      const wd = weekday(m[2]);
      if (!wd) return null;
      const c = m[4] ? clock(m[4], m[5], m[6]) : null;
      const p = part(m[3]);
      return {
        meaning: {
          kind: 'weekday',
          weekday: wd,
          shift: shiftOf(m[1]),
          ...(p ? { part: p } : {}),
          ...(c ?? {}),
        },
        type: p || c ? 'TIME' : 'DATE',
      };
    },
  },
  {
    // "today", "yesterday morning", "tomorrow", "tonight", "this morning", "last night"
    id: 'en/deictic-day',
    gate: /today|yesterday|tomorrow|night|morning|afternoon|evening/i,
    re: new RegExp(
      `\\b(?:(the day before yesterday|the day after tomorrow|today|yesterday|tomorrow)(?:\\s+(${PART}))?|(tonight)|(this|last)\\s+(${PART}))\\b`,
      'gi',
    ),
    build(m) {
      const w = (m[1] ?? '').toLowerCase();
      if (m[3]) return { meaning: { kind: 'day', offset: 0, part: 'NI' }, type: 'TIME' };
      if (m[4]) {
        const last = m[4].toLowerCase() === 'last';
        const p = part(m[5])!;
        return { meaning: { kind: 'day', offset: last ? -1 : 0, part: p }, type: 'TIME' };
      }
      const offset =
        w === 'yesterday'
          ? -1
          : w === 'tomorrow'
            ? 1
            : w === 'today'
              ? 0
              : w.includes('before')
                ? -2
                : 2;
      const p = part(m[2]);
      return p
        ? { meaning: { kind: 'day', offset, part: p }, type: 'TIME' }
        : date({ kind: 'day', offset });
    },
  },
  {
    // Clock times: "10 a.m.", "3:30 p.m. EST", "noon", "midnight"
    id: 'en/clock',
    gate: /\d[:\s]*[ap.]|\d:\d|noon|midnight/i,
    re: /\b(?:(\d{1,2})(?::(\d\d))?\s*([ap]\.m\.|[ap]m\b)(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local time))?|(\d{1,2}):(\d\d)(?!\d)|(noon|midnight))/gi,
    build(m) {
      if (m[6])
        return {
          meaning: { kind: 'clock', hour: m[6].toLowerCase() === 'noon' ? 12 : 0, minute: 0 },
          type: 'TIME',
        };
      const c = m[4] ? clock(m[4], m[5], undefined) : clock(m[1]!, m[2], m[3]);
      return c ? { meaning: { kind: 'clock', ...c }, type: 'TIME' } : null;
    },
  },
  {
    // "last year", "this week", "next month", "earlier this year", "the past year", "the coming weeks" (no number)
    id: 'en/unit-deictic',
    gate: /week|month|year|decade|century/i,
    re: /\b(?:(earlier|later)\s+)?(?:(early|late)\s+)?(?:(the)\s+)?(last|this|next|past|previous|coming|current|following|same|present)\s+(week|month|year|decade|century)\b/gi,
    build(m) {
      const unit = m[5]!.toLowerCase();
      const mod = m[4]!.toLowerCase();
      if (unit === 'weekend') {
        const offset =
          mod === 'last' || mod === 'past' || mod === 'previous'
            ? -1
            : mod === 'next' || mod === 'coming'
              ? 1
              : 0;
        return date({ kind: 'unit', unit: 'week', offset });
      }
      const u = parseUnit(unit)!;
      if (mod === 'following' || mod === 'same')
        return date({ kind: 'narrative', unit: u, offset: mod === 'same' ? 0 : 1 });
      if (mod === 'previous' && m[3]) return date({ kind: 'narrative', unit: u, offset: -1 });
      const offset =
        mod === 'last' || mod === 'past' || mod === 'previous'
          ? -1
          : mod === 'next' || mod === 'coming'
            ? 1
            : 0;
      if ((mod === 'past' || mod === 'last') && m[3] && (u === 'decade' || u === 'century'))
        return { meaning: { kind: 'duration', unit: u, amount: 1 }, type: 'DURATION' };
      return date({ kind: 'unit', unit: u, offset });
    },
  },
  {
    // "the year", "the month", "the week" (the current one in news prose)
    id: 'en/the-unit',
    gate: /the (?:\w+ )?(?:year|month)/i,
    re: /\b(?:earlier\s+|later\s+)?the\s+(?:(?:fiscal|full|calendar|current)\s+)?(year|month)\b(?!\s+(?:before|after|earlier|later|ago|of|in|when))(?![-'])/gi,
    build(m) {
      return date({ kind: 'unit', unit: parseUnit(m[1]!)!, offset: 0 });
    },
  },
  {
    // "three years ago", "a year earlier", "two days later", "a week before", "a couple of days later"
    id: 'en/ago-later',
    gate: /ago|earlier|later|before|after|from now|hence|previously|afterward/i,
    re: new RegExp(
      `\\b(?:(?:more than|less than|nearly|almost|about|around|some|over|roughly|at least|just|only|barely)\\s+)?(${NUMBER_RE})[\\s-]+(${UNIT_RE})\\s+(ago|earlier|later|before|after|from now|hence|previously|afterwards?)\\b`,
      'gi',
    ),
    build(m) {
      const amount = parseAmount(m[1]!);
      const unit = parseUnit(m[2]!);
      if (amount === undefined || !unit) return null;
      const dir = m[3]!.toLowerCase();
      // "two weeks after the vote": TimeML tags the duration; the anchor is an event, not a date.
      if (
        (dir === 'before' || dir === 'after') &&
        /^\s+[\p{L}\d]/u.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 3))
      )
        return {
          meaning: { kind: 'duration', unit, amount },
          type: 'DURATION',
          end: m[0].length - dir.length - 1,
        };
      const sign =
        dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'previously' ? -1 : 1;
      const n = amount === null ? null : sign * amount;
      if (dir === 'ago' || dir === 'from now' || dir === 'hence') {
        if (n === null)
          return date({ kind: 'fixed', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', type: 'DATE' });
        return date({ kind: 'unit', unit, offset: n });
      }
      return date({ kind: 'narrative', unit, offset: n });
    },
  },
  {
    // "year-earlier", "the year-ago period", "the year-earlier nine months"
    id: 'en/year-earlier',
    gate: /year[- ](?:earlier|ago)/i,
    re: /\b(?:the\s+)?year[- ](?:earlier|ago)(?:\s+(?:period|quarter|month|results|level|levels|figure|figures))?\b/gi,
    build() {
      return date({ kind: 'narrative', unit: 'year', offset: -1 });
    },
  },
  {
    // "the next day", "the following week", "the day before", "the previous month"
    id: 'en/narrative-day',
    gate: /next|following|previous|preceding|same|before|after|earlier|that (?:day|night|morning|evening|week|month|year)/i,
    re: /\b(?:the\s+(?:next|following|previous|preceding|same)\s+(day|morning|evening|night|week|month|year)|the\s+(day|week|month|year)\s+(before|after|earlier)|(?:(?:later|earlier)\s+)?(that|the same|that same)\s+(day|night|morning|evening|week|month|year))\b/gi,
    build(m) {
      const word = (m[1] ?? m[2] ?? m[5] ?? '').toLowerCase();
      const txt = m[0].toLowerCase();
      const unit: Unit = word === 'week' || word === 'month' || word === 'year' ? word : 'day';
      const offset =
        m[4] || txt.includes('same') ? 0 : /previous|preceding|before|earlier/.test(txt) ? -1 : 1;
      return date({ kind: 'narrative', unit, offset });
    },
  },
  {
    // Rates: "$5 a year", "3% a month", "twice a week", "per day"
    id: 'en/rate',
    gate: /\b(?:a|an|per) (?:year|month|week|day|hour|quarter)\b/i,
    re: /(?<=(?:\d|%|percent|cents?|dollars|million|billion|once|twice|times)\s{1,3})(?:a|an|per)\s+(year|month|week|day|hour|quarter)\b/gi,
    build(m) {
      return {
        meaning: { kind: 'fixed', value: durationValue(parseUnit(m[1]!)!, 1), type: 'SET' },
        type: 'SET',
      };
    },
  },
  {
    // Durations: "two weeks", "the past two months", "five-year", "24 hours", "the first nine months", "several years"
    id: 'en/duration',
    re: new RegExp(
      `\\b(?:the\\s+)?(?:(past|last|next|first|coming|previous|final|latest|recent|ensuing|following|further|more|another|other)\\s+)?(?:(more than|less than|nearly|almost|about|around|some|over|up to|at least|roughly|approximately)\\s+)?(${NUMBER_RE})(?:\\s+(?:more|additional|full|straight|consecutive|long))?[\\s-]+(${UNIT_RE})\\b(?![\\s-]+old)(?:-long)?`,
      'gid',
    ),
    build(m) {
      const amount = parseAmount(m[3]!);
      const unit = parseUnit(m[4]!);
      if (amount === undefined || !unit) return null;
      // "a second time", "three-quarters of": ordinals and fractions, not durations.
      if ((unit === 'second' && amount === 1 && !/\d/.test(m[3]!)) || /-quarters/i.test(m[0]))
        return null;
      // TimeBank leaves hedges ("about", "nearly") outside the span unless the phrase starts with "the".
      const hedged = m[2] && !m[1] && !/^the\s/i.test(m[0]) ? m.indices![3]![0] - m.index : 0;
      if (unit === 'hour' && amount !== null && !Number.isInteger(amount)) {
        const value = `PT${Math.floor(amount)}H${Math.round((amount % 1) * 60)}M`;
        return {
          meaning: { kind: 'fixed', value, type: 'DURATION' },
          type: 'DURATION',
          start: hedged,
        };
      }
      const a =
        amount !== null && !Number.isInteger(amount) ? smallerUnit(unit, amount) : { unit, amount };
      return { meaning: { kind: 'duration', ...a }, type: 'DURATION', start: hedged };
    },
  },
  {
    // Bare plural units: "years", "for months", "decades" (vague durations)
    id: 'en/vague-duration',
    re: /\b(?:the\s+(?:past|last|next|coming)\s+(?:few\s+)?)?(years|months|weeks|days|decades|hours|minutes)\b(?!\s+(?:ago|earlier|later|old))/gi,
    build(m) {
      return {
        meaning: { kind: 'duration', unit: parseUnit(m[1]!)!, amount: null },
        type: 'DURATION',
      };
    },
  },
  {
    // Sets: "daily", "every week", "each year", "every Monday", "annually", "twice a year"
    id: 'en/set',
    gate: /ly\b|every|each/i,
    re: new RegExp(
      `\\b(?:(daily|weekly|monthly|annually|yearly|hourly|nightly)|(?:every|each)\\s+(?:other\\s+)?(?:(${NUMBER_RE})\\s+)?(${UNIT_RE}|${WEEKDAY_RE}|morning|night|evening|spring|summer|fall|winter))\\b`,
      'gi',
    ),
    build(m) {
      const adverb = m[1]?.toLowerCase();
      const values: Record<string, string> = {
        daily: 'P1D',
        weekly: 'P1W',
        monthly: 'P1M',
        annually: 'P1Y',
        yearly: 'P1Y',
        quarterly: 'P3M',
        hourly: 'PT1H',
        nightly: 'P1D',
      };
      if (adverb)
        return { meaning: { kind: 'fixed', value: values[adverb]!, type: 'SET' }, type: 'SET' };
      const word = m[3]!;
      const wd = weekday(word);
      if (wd)
        return { meaning: { kind: 'fixed', value: `XXXX-WXX-${wd}`, type: 'SET' }, type: 'SET' };
      const unit = parseUnit(word);
      const n = m[2] ? parseAmount(m[2]) : 1;
      if (!unit) {
        const s = SEASONS_EN[word.toLowerCase()];
        const value = s ? `XXXX-${s}` : `TXX${part(word) ?? 'NI'}`;
        return { meaning: { kind: 'fixed', value, type: 'SET' }, type: 'SET' };
      }
      return {
        meaning: { kind: 'fixed', value: durationValue(unit, n ?? null), type: 'SET' },
        type: 'SET',
      };
    },
  },
  {
    // "recent years", "recent days": vague durations in TimeML
    id: 'en/recent-units',
    gate: /recent/i,
    re: /\brecent\s+(days|weeks|months|years|decades|quarters)\b/gi,
    build(m) {
      return {
        meaning: { kind: 'duration', unit: parseUnit(m[1]!)!, amount: null },
        type: 'DURATION',
      };
    },
  },
  {
    // Years in words, as broadcast transcripts write them: "nineteen ninety-six", "two thousand"
    id: 'en/spelled-year',
    gate: /nineteen|two thousand/i,
    re: /\b(?:(?:the\s+)?(?:winter|spring|summer|fall)\s+of\s+)?(nineteen|two thousand(?: and)?)[\s-]+(?:(hundred)|(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](one|two|three|four|five|six|seven|eight|nine))?)\b|\b(?:the\s+year\s+)?two thousand\b(?![\s-]+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|dollars|people|\w+s\b))/gi,
    build(m) {
      const words = m[0].toLowerCase();
      if (!m[1]) return date({ kind: 'calendar', year: 2000 });
      const base = m[1].toLowerCase().startsWith('nineteen') ? 1900 : 2000;
      const small = m[3] ? parseAmount(m[3]) : 0;
      const tens = m[4] ? parseAmount(m[4]) : 0;
      const unit = m[5] ? parseAmount(m[5]) : 0;
      const year = base + (m[2] ? 0 : (small ?? 0) + (tens ?? 0) + (unit ?? 0));
      const season = /winter|spring|summer|fall/.exec(words)?.[0];
      return date({ kind: 'calendar', year, ...(season ? { season: SEASONS_EN[season]! } : {}) });
    },
  },
  {
    // Vague references: now, currently, recently, the future, the past, soon
    id: 'en/ref',
    re: /\b(?:(right now|now|currently|current|nowadays|at present|at the moment|these days|the present|presently)|(recently|the past|lately|formerly)|(the future|the near future|someday|the coming (?:days|weeks|months|years)))\b/gi,
    build(m) {
      const word = m[0].toLowerCase();
      // "earlier", "once", "previously" are too often not temporal references in TimeBank's sense.
      // "the past" as in "the past five years" is a duration, matched elsewhere.
      if (
        word === 'the past' &&
        /^\s+(?:\d|few|several|one|two|three|four|five|six|seven|eight|nine|ten|decade|year|month|week|day)/i.test(
          m.input.slice(m.index + m[0].length, m.index + m[0].length + 12),
        )
      )
        return null;
      const value = m[1] ? 'PRESENT_REF' : m[2] ? 'PAST_REF' : 'FUTURE_REF';
      return date({ kind: 'fixed', value, type: 'DATE' });
    },
  },
];

/** "5 1/2 hours" is 330 minutes: TimeML durations count whole units. */
function smallerUnit(unit: Unit, amount: number): { unit: Unit; amount: number } {
  const next: Partial<Record<Unit, [Unit, number]>> = {
    century: ['year', 100],
    decade: ['year', 10],
    year: ['month', 12],
    quarter: ['month', 3],
    month: ['day', 30],
    week: ['day', 7],
    day: ['hour', 24],
    hour: ['minute', 60],
    minute: ['second', 60],
  };
  const step = next[unit];
  return step
    ? { unit: step[0], amount: Math.round(amount * step[1]) }
    : { unit, amount: Math.round(amount) };
}

function durationValue(unit: Unit, n: number | null): string {
  const x = n === null ? 'X' : String(n);
  if (unit === 'hour' || unit === 'minute' || unit === 'second')
    return `PT${x}${unit[0]!.toUpperCase()}`;
  const letter = {
    day: 'D',
    week: 'W',
    month: 'M',
    quarter: 'Q',
    year: 'Y',
    decade: 'DE',
    century: 'CE',
  }[unit];
  return `P${x}${letter}`;
}
