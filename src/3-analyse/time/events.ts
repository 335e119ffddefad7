/**
 * Named events ("the Anchorage summit", "the summit in Alaska") and the time
 * phrases anchored to them ("a week before the Anchorage summit"). Everything is
 * found from the event noun outwards: one word scan for the nouns, then short
 * anchored regexes on the text just before and after each one.
 */
import { NUMBER_RE, UNIT_RE, initialCaps, parseAmount, parseUnit } from './lexicon-en.js';
import type { Candidate, Direction } from './meaning.js';

const HEADS =
  'summit summits talks meeting meetings election elections conference visit forum referendum referendums games olympics war crisis negotiations ceremony vote congress convention attack attacks inauguration tournament championship treaty parade festival accords agreement deal invasion coup uprising revolution';
export const EVENT_HEADS = HEADS.split(' ');
const CAP = "[A-Z][\\p{L}'’.-]*";

/** Up to three capitalised words ending right before the noun: "the Anchorage summit". */
const MODIFIER_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}'’.-])((?:${CAP}\\s+){0,2}${CAP})\\s+$`, 'du');
/** "summit in Alaska", "talks at Camp Quill" right after the noun. */
const PLACE_AFTER = new RegExp(`\\s+(?:in|at)\\s+((?:${CAP}\\s+){0,1}${CAP})(?![\\p{L}])`, 'uy');
const THE_BEFORE = /\bthe\s+$/;

const NOT_A_NAME =
  /^(?:The|A|An|This|That|These|Last|Next|First|Second|In|At|On|After|Before|During|His|Her|Their|Our|Its|Since|Until|Following|When|While|Then|But|And|Yet|Ahead|Prior)$/;

export interface NamedEvent {
  /** "Anchorage summit". */
  name: string;
  key: string;
  /** The distinctive word(s): "Anchorage". */
  modifier: string;
  /** The whole mention, "the" included when present. */
  start: number;
  end: number;
}

/** A case- and plural-insensitive key: "Alaska summits" and "the summit in Alaska" share "alaska summit". */
export function eventKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/(summit|meeting|election|referendum|attack|accord)s\b/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Drops leading determiners and prepositions a sentence start capitalised ("The Quillmark"). */
function nameWords(modifier: string): { words: string; skipped: number } | null {
  const words = modifier.split(/\s+/);
  let skipped = 0;
  while (words.length > 0 && NOT_A_NAME.test(words[0]!)) skipped += words.shift()!.length + 1;
  return words.length > 0 ? { words: words.join(' '), skipped } : null;
}

/** Event nouns as whole words: one alternation regex is far cheaper than a word-by-word scan. */
const HEAD_RE = new RegExp(`\\b(?:${EVENT_HEADS.join('|')})\\b`, 'gi');

function headPositions(text: string): Array<{ index: number; head: string }> {
  const out: Array<{ index: number; head: string }> = [];
  HEAD_RE.lastIndex = 0;
  for (let m = HEAD_RE.exec(text); m; m = HEAD_RE.exec(text))
    out.push({ index: m.index, head: m[0] });
  return out;
}

/** Every named event mentioned in a text. */
export function namedEvents(text: string): NamedEvent[] {
  const out: NamedEvent[] = [];
  for (const w of headPositions(text)) {
    const head = w.head;
    const headEnd = w.index + head.length;
    const from = Math.max(0, w.index - 60);
    const before = MODIFIER_BEFORE.exec(text.slice(from, w.index));
    const mod = before ? nameWords(before[1]!) : null;
    if (before && mod) {
      let start = from + before.indices![1]![0] + mod.skipped;
      const lead = THE_BEFORE.exec(text.slice(Math.max(0, start - 4), start));
      if (lead) start -= lead[0].length;
      out.push({
        name: `${mod.words} ${head}`,
        key: eventKey(`${mod.words} ${head}`),
        modifier: mod.words,
        start,
        end: headEnd,
      });
      continue;
    }
    PLACE_AFTER.lastIndex = headEnd;
    const after = PLACE_AFTER.exec(text);
    const place = after ? nameWords(after[1]!) : null;
    if (after && place && place.skipped === 0) {
      let start = w.index;
      const lead = THE_BEFORE.exec(text.slice(Math.max(0, start - 4), start));
      if (lead) start -= lead[0].length;
      const name = `${place.words} ${head}`;
      out.push({
        name,
        key: eventKey(name),
        modifier: place.words,
        start,
        end: PLACE_AFTER.lastIndex,
      });
    }
  }
  return out;
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

/** "a week before ", "shortly after ", "following " right before an event mention. */
const ANCHOR_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${initialCaps(NUMBER_RE)})[\\s-]+(${UNIT_RE})\\s+)?(?:${initialCaps('(?:shortly|soon|just|immediately|right|days|weeks|months|hours|years)')}\\s+)?(${initialCaps('(?:before|ahead of|prior to|on the eve of|in the run-up to|until|after|following|since|in the wake of|during|at the time of)')})\\s+$`,
  'du',
);

/** Time phrases anchored to the named events of a text (English). */
export function anchoredCandidates(text: string, events: NamedEvent[]): Candidate[] {
  const out: Candidate[] = [];
  for (const e of events) {
    const from = Math.max(0, e.start - 70);
    const m = ANCHOR_BEFORE.exec(text.slice(from, e.start));
    if (!m) continue;
    const amount = m[1] ? parseAmount(m[1]) : null;
    const unit = m[2] ? parseUnit(m[2]) : null;
    if (amount === undefined) continue;
    out.push({
      start: from + m.index,
      end: e.end,
      type: 'DATE',
      meaning: {
        kind: 'anchored',
        event: e.name,
        unit,
        amount,
        direction: DIRECTIONS[m[3]!.toLowerCase()] ?? 'at',
      },
      rule: 'en/event-anchored',
    });
  }
  return out;
}
