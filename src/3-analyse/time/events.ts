/**
 * Named events ("the Anchorage summit", "the summit in Alaska") and the time
 * phrases anchored to them ("a week before the Anchorage summit").
 */
import { NUMBER_RE, UNIT_RE, initialCaps, parseAmount, parseUnit } from './lexicon-en.js';
import type { Direction } from './meaning.js';
import { date, type Rule } from './rule.js';

const HEADS =
  'summit|summits|talks|meeting|meetings|election|elections|conference|visit|forum|referendum|referendums|games|olympics|war|crisis|negotiations|ceremony|vote|congress|convention|attack|attacks|inauguration|tournament|championship|treaty|parade|festival|accords|agreement|deal|invasion|coup|uprising|revolution';
const CAP = "[A-Z][\\p{L}'’.-]*";
/** "the Anchorage summit", "the G20 summit", "the summit in Alaska", "the Alaska talks". */
export const EVENT_RE = `(?:the\\s+)?(?:((?:${CAP}\\s+){0,2}${CAP})\\s+(${HEADS})|(${HEADS})\\s+(?:in|at)\\s+((?:${CAP}\\s+){0,1}${CAP}))(?![\\p{L}])`;

/** "Anchorage summit" for both "the Anchorage summit" and "the summit in Anchorage". */
export function eventName(
  m: RegExpExecArray,
  offset: number,
): { name: string; modifier: string; skip: number } | null {
  let modifier = m[offset] ?? m[offset + 3];
  const head = m[offset + 1] ?? m[offset + 2];
  if (!modifier || !head) return null;
  // A capitalised determiner at a sentence start ("The Quillmark summit") is not part of the name.
  const words = modifier.split(/\s+/);
  let skip = 0;
  while (words.length > 0 && NOT_A_NAME.test(words[0]!)) skip += words.shift()!.length + 1;
  if (words.length === 0) return null;
  modifier = words.join(' ');
  return { name: m[offset] ? `${modifier} ${head}` : `${modifier} ${head}`, modifier, skip };
}

const NOT_A_NAME =
  /^(?:The|A|An|This|That|These|Last|Next|First|Second|In|At|On|After|Before|During|His|Her|Their|Our|Its|Since|Until|Following|When|While|Then|But|And|Yet)$/;

/** A case- and plural-insensitive key: "Alaska summits" and "the summit in Alaska" share "alaska summit". */
export function eventKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/(summit|meeting|election|referendum|attack|accord)s\b/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const DIRECTIONS: Record<string, Direction> = {
  before: 'before',
  'ahead of': 'before',
  'prior to': 'before',
  'on the eve of': 'before',
  'in the run-up to': 'before',
  until: 'before',
  after: 'after',
  following: 'after',
  since: 'after',
  'in the wake of': 'after',
  during: 'at',
  'at the time of': 'at',
};

/** Texts without an event noun skip the event regexes (they are the costliest). */
const HEAD_GATE = new RegExp(`(?:${HEADS})`, 'i');

export const EVENT_ANCHOR_RULE: Rule = {
  id: 'en/event-anchored',
  gate: HEAD_GATE,
  re: new RegExp(
    `\\b(?:(${initialCaps(NUMBER_RE)})[\\s-]+(${UNIT_RE})\\s+)?(?:${initialCaps('(?:shortly|soon|just|immediately|right|days|weeks|months|hours|years)')}\\s+)?(${initialCaps('(?:before|ahead of|prior to|on the eve of|in the run-up to|until|after|following|since|in the wake of|during|at the time of)')})\\s+${EVENT_RE}`,
    'gu',
  ),
  build(m) {
    const ev = eventName(m, 4);
    if (!ev) return null;
    const amount = m[1] ? parseAmount(m[1]) : null;
    const unit = m[2] ? parseUnit(m[2]) : null;
    if (amount === undefined) return null;
    return date({
      kind: 'anchored',
      event: ev.name,
      unit,
      amount,
      direction: DIRECTIONS[m[3]!.toLowerCase()] ?? 'at',
    });
  },
};

const NAMED_EVENT = new RegExp(EVENT_RE, 'gu');

export interface NamedEvent {
  name: string;
  key: string;
  modifier: string;
  start: number;
  end: number;
}

const HEAD_WORDS = new Set(HEADS.split('|'));
const WORD = /[A-Za-z]+/g;

/** Every named event mentioned in a text, with where its distinctive word occurs. */
export function namedEvents(text: string): NamedEvent[] {
  // Only the stretches around an event noun can hold a named event.
  const spans: Array<[number, number]> = [];
  WORD.lastIndex = 0;
  for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
    if (!HEAD_WORDS.has(w[0].toLowerCase())) continue;
    const from = Math.max(0, w.index - 80);
    const to = Math.min(text.length, w.index + w[0].length + 60);
    const last = spans[spans.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else spans.push([from, to]);
  }
  const out: NamedEvent[] = [];
  const re = NAMED_EVENT;
  for (let [from, to] of spans) {
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    while (to < text.length && !/\s/.test(text[to]!)) to++;
    const part = text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const ev = eventName(m, 1);
      if (!ev) continue;
      const lead = /^the\s+/.exec(m[0])?.[0].length ?? 0;
      const start = from + m.index + lead + (m[1] ? ev.skip : 0);
      if (out.some((o) => o.start === start)) continue;
      out.push({
        name: ev.name,
        modifier: ev.modifier,
        key: eventKey(ev.name),
        start,
        end: from + m.index + m[0].length,
      });
    }
  }
  return out;
}
