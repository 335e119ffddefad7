/**
 * The Russian grammar: dates in any case ("13 ноября", "в сентябре", "в июне
 * 2024 года"), deictic days and units ("вчера", "в прошлом году", "на прошлой
 * неделе"), "N дней назад", durations and weekdays. Prepositions stay outside the span.
 */
import type { Unit } from './calendar.js';
import { date, type Rule } from './rule.js';

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

/** Month stems: январ-ь/я/е, феврал-, март-а/е, апрел-, ма-й/я/е, июн-, июл-, август-, сентябр-, октябр-, ноябр-, декабр-. */
const MONTH_STEMS: Array<[RegExp, number]> = [
  [/^январ/i, 1],
  [/^феврал/i, 2],
  [/^март/i, 3],
  [/^апрел/i, 4],
  [/^ма[йяе]$/i, 5],
  [/^июн/i, 6],
  [/^июл/i, 7],
  [/^август/i, 8],
  [/^сентябр/i, 9],
  [/^октябр/i, 10],
  [/^ноябр/i, 11],
  [/^декабр/i, 12],
];
const MONTH_RU =
  '(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])';
const YEAR = '((?:1[6-9]|20)\\d\\d)';
const YEAR_WORD = '(?:\\s*(?:года|году|год|г\\.))';

function monthRu(word: string | undefined): number | null {
  if (!word) return null;
  for (const [re, n] of MONTH_STEMS) if (re.test(word)) return n;
  return null;
}

const NUM_RU: Record<string, number> = {
  один: 1,
  одна: 1,
  одну: 1,
  одного: 1,
  два: 2,
  две: 2,
  двух: 2,
  три: 3,
  трех: 3,
  трёх: 3,
  четыре: 4,
  четырех: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  пятнадцать: 15,
  двадцать: 20,
  тридцать: 30,
  полгода: 6,
};
const NUMBER_RU = `(\\d+|${Object.keys(NUM_RU).join('|')}|несколько|пару|пара)`;
const UNIT_RU =
  '(секунд[уы]?|минут[уы]?|час(?:а|ов)?|д(?:ень|ня|ней)|сут(?:ки|ок)|недел(?:ю|и|ь)|месяц(?:а|ев)?|квартал(?:а|ов)?|год(?:а)?|лет|десятилети[йея])';

function unitRu(word: string): Unit | null {
  const w = word.toLowerCase();
  if (w.startsWith('секунд')) return 'second';
  if (w.startsWith('минут')) return 'minute';
  if (w.startsWith('час')) return 'hour';
  if (w.startsWith('д') || w.startsWith('сут')) return 'day';
  if (w.startsWith('недел')) return 'week';
  if (w.startsWith('месяц')) return 'month';
  if (w.startsWith('квартал')) return 'quarter';
  if (w.startsWith('год') || w === 'лет') return 'year';
  if (w.startsWith('десятилети')) return 'decade';
  return null;
}

function amountRu(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'пару' || w === 'пара') return 2;
  return NUM_RU[w] ?? null;
}

const WEEKDAYS_RU: Array<[RegExp, number]> = [
  [/^понедельник/i, 1],
  [/^вторник/i, 2],
  [/^сред[уа]/i, 3],
  [/^четверг/i, 4],
  [/^пятниц/i, 5],
  [/^суббот/i, 6],
  [/^воскресень/i, 7],
];

const int = (s: string | undefined): number | undefined =>
  s === undefined ? undefined : parseInt(s, 10);

export const RULES_RU: Rule[] = [
  {
    // "13 ноября", "13 ноября 2025 года", "15 августа 2025 г."
    id: 'ru/day-month-year',
    re: new RegExp(
      `${L}([12]\\d|3[01]|0?[1-9])\\s+(${MONTH_RU})${R}(?:\\s+${YEAR}${YEAR_WORD}?${R})?`,
      'giu',
    ),
    build(m) {
      const month = monthRu(m[2]);
      return month ? date({ kind: 'calendar', day: int(m[1]), month, year: int(m[3]) }) : null;
    },
  },
  {
    // "в сентябре", "в июне 2024 года", "сентябрь 2025", "в начале ноября"
    id: 'ru/month-year',
    re: new RegExp(
      `${L}(?:(?:в\\s+)?(начале|середине|конце)\\s+)?(${MONTH_RU})${R}(?:\\s+${YEAR}${YEAR_WORD}?${R})?`,
      'giu',
    ),
    build(m) {
      const month = monthRu(m[2]);
      return month ? date({ kind: 'calendar', month, year: int(m[3]) }) : null;
    },
  },
  {
    // "2024 год", "в 2024 году", "2025 г."
    id: 'ru/year',
    re: new RegExp(`${L}${YEAR}${YEAR_WORD}${R}`, 'giu'),
    build(m) {
      return date({ kind: 'calendar', year: int(m[1]) });
    },
  },
  {
    // "в 1990-х годах", "в 1990-е"
    id: 'ru/decade',
    re: new RegExp(`${L}((?:1[6-9]|20)\\d)0-(?:х|е)(?:\\s+(?:годах|годов|годы))?${R}`, 'giu'),
    build(m) {
      return date({ kind: 'calendar', decade: int(m[1]) });
    },
  },
  {
    id: 'ru/deictic-day',
    re: new RegExp(
      `${L}(позавчера|вчера|сегодня|завтра|послезавтра|накануне|на следующий день)${R}`,
      'giu',
    ),
    build(m) {
      const w = m[1]!.toLowerCase();
      if (w === 'накануне') return date({ kind: 'narrative', unit: 'day', offset: -1 });
      if (w === 'на следующий день') return date({ kind: 'narrative', unit: 'day', offset: 1 });
      const offset = { позавчера: -2, вчера: -1, сегодня: 0, завтра: 1, послезавтра: 2 }[w] ?? 0;
      return date({ kind: 'day', offset });
    },
  },
  {
    // "в прошлом году", "в этом году", "на прошлой неделе", "в следующем месяце"
    id: 'ru/unit-deictic',
    re: new RegExp(
      `${L}(прошл(?:ом|ого|ый|ой|ую)|эт(?:ом|ого|от|ой|у)|следующ(?:ем|его|ий|ей|ую)|текущ(?:ем|его|ий|ей|ую)|нынешн(?:ем|его|ий))\\s+(году|года|год|месяце|месяца|месяц|неделе|недели|неделю|квартале|квартала)${R}`,
      'giu',
    ),
    build(m) {
      const mod = m[1]!.toLowerCase();
      const unit = unitRu(m[2]!)!;
      const offset = mod.startsWith('прошл') ? -1 : mod.startsWith('следующ') ? 1 : 0;
      return date({ kind: 'unit', unit, offset });
    },
  },
  {
    // "три дня назад", "через неделю", "спустя два года", "несколько лет назад"
    id: 'ru/ago-later',
    re: new RegExp(
      `${L}(?:(через|спустя)\\s+)?(?:${NUMBER_RU}\\s+)?${UNIT_RU}(?:\\s+(назад|спустя))?${R}`,
      'giu',
    ),
    build(m) {
      const pre = m[1]?.toLowerCase();
      const post = m[4]?.toLowerCase();
      const unit = unitRu(m[3]!);
      if (!unit) return null;
      const amount = m[2] ? amountRu(m[2]) : 1;
      // "2011 год" is a year, not a duration of 2011 years.
      if (amount !== null && amount >= 1000) return null;
      if (!pre && !post) {
        if (!m[2]) return null;
        return { meaning: { kind: 'duration', unit, amount }, type: 'DURATION' };
      }
      if (post === 'назад') {
        if (amount === null) return date({ kind: 'fixed', value: 'PAST_REF', type: 'DATE' });
        return date({ kind: 'unit', unit, offset: -amount });
      }
      if (pre === 'через') {
        if (amount === null) return date({ kind: 'fixed', value: 'FUTURE_REF', type: 'DATE' });
        return date({ kind: 'unit', unit, offset: amount });
      }
      return date({ kind: 'narrative', unit, offset: amount });
    },
  },
  {
    // "в пятницу", "в понедельник утром"
    id: 'ru/weekday',
    re: new RegExp(
      `${L}(?:в|во)\\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)${R}`,
      'giu',
    ),
    build(m) {
      const word = m[1]!;
      const wd = WEEKDAYS_RU.find(([re]) => re.test(word))?.[1];
      return wd
        ? {
            meaning: { kind: 'weekday', weekday: wd, shift: null },
            type: 'DATE',
            start: m[0].length - word.length,
          }
        : null;
    },
  },
  {
    id: 'ru/ref',
    re: new RegExp(
      `${L}(сейчас|теперь|ныне|в настоящее время|недавно|в будущем|в прошлом|скоро|вскоре)${R}`,
      'giu',
    ),
    build(m) {
      const w = m[1]!.toLowerCase();
      const value = /сейчас|теперь|ныне|настоящее/.test(w)
        ? 'PRESENT_REF'
        : /недавно|прошлом/.test(w)
          ? 'PAST_REF'
          : 'FUTURE_REF';
      return date({ kind: 'fixed', value, type: 'DATE' });
    },
  },
  {
    // Sets: "ежедневно", "каждый год", "каждую неделю"
    id: 'ru/set',
    re: new RegExp(
      `${L}(ежедневно|еженедельно|ежемесячно|ежегодно|кажд(?:ый|ую|ое)\\s+(день|неделю|месяц|год))${R}`,
      'giu',
    ),
    build(m) {
      const w = m[0].toLowerCase();
      const value = /дн|день/.test(w)
        ? 'P1D'
        : /недел/.test(w)
          ? 'P1W'
          : /месяц|месяч/.test(w)
            ? 'P1M'
            : 'P1Y';
      return { meaning: { kind: 'fixed', value, type: 'SET' }, type: 'SET' };
    },
  },
];
