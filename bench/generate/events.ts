/**
 * Invented news events: who, where, when, how many, and the statements an outlet can
 * report about them. Every statement comes in several wordings (paraphrases) so outlets
 * covering one event differ the way real coverage does.
 */
import { capitalise, int, pick, type Lexicon, type Random } from './words.js';

export interface Person {
  first: string;
  last: string;
  /** "transport minister", "spokeswoman for the Dravin Council". */
  role: string;
}

export interface NewsEvent {
  id: string;
  /** Day number from the stream's first day. */
  day: number;
  date: string;
  place: string;
  people: Person[];
  orgs: string[];
  /** Topic nouns, most important first. */
  topic: string[];
  headlines: string[];
  /** Each statement in several wordings; the first is the lead. */
  facts: string[][];
  /** Context sentences outlets draw on for length. */
  background: string[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ROLES = [
  'transport minister',
  'finance minister',
  'mayor',
  'chief executive',
  'spokeswoman',
  'spokesman',
  'opposition leader',
  'union leader',
  'chief prosecutor',
  'foreign minister',
  'central bank governor',
  'health minister',
  'police chief',
  'regional governor',
];
const SAID = [
  ['said', 'told reporters', 'stated'],
  ['warned', 'cautioned', 'said'],
  ['added', 'noted', 'said'],
  ['insisted', 'argued', 'maintained'],
];
const ACTIONS: Array<[string, string, string]> = [
  ['postponed', 'delayed', 'pushed back'],
  ['approved', 'passed', 'signed off on'],
  ['rejected', 'dismissed', 'turned down'],
  ['announced', 'unveiled', 'made public'],
  ['suspended', 'halted', 'froze'],
  ['cancelled', 'called off', 'scrapped'],
];
const EVENT_NOUNS: Array<[string, string]> = [
  ['talks', 'negotiations'],
  ['plan', 'proposal'],
  ['strike', 'walkout'],
  ['inquiry', 'investigation'],
  ['agreement', 'deal'],
  ['vote', 'ballot'],
  ['summit', 'meeting'],
];

export function isoDate(start: Date, day: number): string {
  return new Date(start.getTime() + day * 86_400_000).toISOString().slice(0, 10);
}

export function monthDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

function weekday(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}

function monthYear(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function amount(random: Random): string {
  const n = int(random, 2, 950);
  return random() < 0.5 ? `${n} million` : `${(n / 10).toFixed(1)} billion`;
}

function count(random: Random): string {
  const n = int(random, 12, 48_000);
  return n >= 1000 ? n.toLocaleString('en-US') : String(n);
}

function full(p: Person): string {
  return `${p.first} ${p.last}`;
}

/** Builds one event from its own PRNG, so it does not depend on what was generated before it. */
export function makeEvent(
  random: Random,
  lex: Lexicon,
  id: string,
  day: number,
  start: Date,
): NewsEvent {
  const date = isoDate(start, day);
  const place = pick(random, lex.places);
  const orgs = [pick(random, lex.organisations), pick(random, lex.organisations)];
  const people: Person[] = Array.from({ length: int(random, 2, 4) }, (_, i) => {
    const role = pick(random, ROLES);
    return {
      first: pick(random, lex.firstNames),
      last: pick(random, lex.surnames),
      role: role.startsWith('spokes') ? `${role} for the ${orgs[i % 2]}` : role,
    };
  });
  const topic = Array.from({ length: int(random, 4, 7) }, () => pick(random, lex.nouns));
  const adj = Array.from({ length: 3 }, () => pick(random, lex.adjectives));
  const [a, b] = [people[0]!, people[1]!];
  const c = people[people.length - 1]!;
  const action = pick(random, ACTIONS);
  const thing = pick(random, EVENT_NOUNS);
  const earlier = isoDate(start, day - int(random, 3, 200));
  const later = isoDate(start, day + int(random, 2, 60));
  const money = amount(random);
  const people2 = count(random);
  const pct = int(random, 2, 64);
  const cur = pick(random, ['crowns', 'marks', 'florins', 'dinars']);
  const t = (i: number) => topic[i % topic.length]!;
  const say = (i: number) => SAID[i % SAID.length]!;
  const quote1 = `We will not accept a ${adj[0]} ${t(0)} that leaves ${place} without its ${t(1)}`;
  const quote2 = `The ${t(2)} was never about ${t(3)}, it was about who pays for it`;
  const quote3 = `Nobody in the ${orgs[1]} saw the figures before ${weekday(date)}`;

  const facts: string[][] = [
    [
      `The ${orgs[0]} ${action[0]} the ${adj[0]} ${t(0)} ${thing[0]} in ${place} on ${weekday(date)}, ${full(a)}, the ${a.role}, ${say(0)[0]}.`,
      `${full(a)}, the ${a.role}, ${say(0)[1]} on ${weekday(date)} that the ${orgs[0]} had ${action[1]} the ${adj[0]} ${t(0)} ${thing[1]} in ${place}.`,
      `The ${adj[0]} ${t(0)} ${thing[0]} in ${place} has been ${action[2]} by the ${orgs[0]}, according to ${full(a)}, the ${a.role}.`,
    ],
    [
      `"${quote1}," ${a.last} ${say(0)[0]}.`,
      `"${quote1}," ${a.last} ${say(0)[1]}.`,
      `${a.last} ${say(0)[2]} the ${orgs[0]} would not accept a ${adj[0]} ${t(0)} that left ${place} without its ${t(1)}.`,
    ],
    [
      `The ${t(0)} ${thing[0]} had been expected to cost ${money} ${cur}, about ${pct} percent more than first planned.`,
      `Its cost was put at ${money} ${cur}, roughly ${pct} percent above the original estimate.`,
      `Officials estimated the price at ${money} ${cur}.`,
    ],
    [
      `At least ${people2} residents of ${place} depend on the ${t(1)} for their work, the ${orgs[1]} said in a statement.`,
      `No fewer than ${people2} people in ${place} rely on the ${t(1)} for a living, according to a statement from the ${orgs[1]}.`,
      `The ${orgs[1]} said some ${people2} local residents depend on the ${t(1)}.`,
    ],
    [
      `${full(b)}, the ${b.role}, ${say(1)[0]} that the decision would "${pick(random, ['put', 'leave', 'place'])} thousands of families in an impossible position".`,
      `The decision would put thousands of families in an impossible position, ${full(b)}, the ${b.role}, ${say(1)[1]}.`,
      `${b.last}, the ${b.role}, ${say(1)[2]} of the consequences for families in ${place}.`,
    ],
    [
      `The first ${t(0)} ${thing[0]} took place on ${monthDay(earlier)}, when the ${orgs[0]} and the ${orgs[1]} failed to agree on the ${t(2)}.`,
      `Talks first broke down on ${monthDay(earlier)} over the ${t(2)}, with neither the ${orgs[0]} nor the ${orgs[1]} willing to move.`,
    ],
    [
      `"${quote2}," ${b.last} ${say(2)[0]}.`,
      `${b.last} ${say(2)[1]} that the ${t(2)} had never been about ${t(3)} but about who would pay for it.`,
    ],
    [
      `A new round of ${thing[0]} is scheduled for ${monthDay(later)}, the ${orgs[0]} said.`,
      `The ${orgs[0]} said the two sides would meet again on ${monthDay(later)}.`,
      `Another round is planned for ${monthDay(later)}.`,
    ],
    [
      `${full(c)}, the ${c.role}, ${say(3)[0]} that "${quote3}".`,
      `"${quote3}," ${c.last} ${say(3)[1]}.`,
    ],
    [
      `The ${adj[1]} ${t(3)} in ${place} was first proposed in ${monthYear(earlier)} after ${pick(random, ['a dispute', 'a series of protests', 'an audit', 'a court ruling'])} over the ${t(4)}.`,
      `The ${t(3)} project was put forward in ${monthYear(earlier)}, following disagreements about the ${t(4)}.`,
    ],
    [
      `Shares in the ${orgs[1]} fell ${(pct / 10).toFixed(1)} percent after the announcement.`,
      `The ${orgs[1]}'s shares dropped ${(pct / 10).toFixed(1)} percent on the news.`,
    ],
    [
      `Critics of the ${thing[0]} have said the ${adj[2]} ${t(5)} rules were written to favour the ${orgs[0]}.`,
      `Opponents argue the ${adj[2]} ${t(5)} rules favour the ${orgs[0]}.`,
    ],
  ];
  const headlines = [
    `${capitalise(orgs[0]!)} ${action[0]} ${t(0)} ${thing[0]} in ${place}`,
    `${place} ${t(0)} ${thing[1]} ${action[1]}, ${a.last} says`,
    `${capitalise(action[2])}: ${place}'s ${adj[0]} ${t(0)} ${thing[0]}`,
  ];
  const background = Array.from({ length: 14 }, (_, i) =>
    backgroundSentence(random, lex, i, place, people, orgs, topic, adj),
  );
  return { id, day, date, place, people, orgs, topic, headlines, facts, background };
}

function backgroundSentence(
  random: Random,
  lex: Lexicon,
  i: number,
  place: string,
  people: Person[],
  orgs: string[],
  topic: string[],
  adj: string[],
): string {
  const p = people[i % people.length]!;
  const t = (k: number) => topic[(i + k) % topic.length]!;
  const n = () => pick(random, lex.nouns);
  const year = 1990 + int(random, 0, 34);
  switch (i % 7) {
    case 0:
      return `${place} has been at the centre of the ${t(0)} debate since ${year}, when the ${orgs[0]} first took control of the ${n()}.`;
    case 1:
      return `${p.last} has long argued that the ${t(1)} should be run by the ${orgs[1]} rather than by private ${n()} firms.`;
    case 2:
      return `The ${adj[1]} ${t(2)} sector employs about ${count(random)} people across the region, many of them in small ${n()} workshops.`;
    case 3:
      return `Earlier this year the ${orgs[i % 2]} published a report on the ${t(3)} that found ${int(random, 3, 40)} cases of ${n()} mismanagement.`;
    case 4:
      return `Residents interviewed in ${place} said they had heard little about the ${t(0)} plans until the ${n()} notices arrived.`;
    case 5:
      return `The ${t(4)} question has divided the ${orgs[0]} for years, with ${int(random, 2, 9)} members voting against every ${n()} proposal.`;
    default:
      return `Before entering politics, ${p.first} ${p.last} worked as a ${n()} engineer in ${pick(random, lex.places)} for ${int(random, 3, 20)} years.`;
  }
}

/** Commentary an outlet adds on its own: on topic words, but not shared with other outlets. */
export function fillerSentence(random: Random, lex: Lexicon, ev: NewsEvent): string {
  const t = pick(random, ev.topic);
  const n = () => pick(random, lex.nouns);
  const a = () => pick(random, lex.adjectives);
  switch (int(random, 0, 5)) {
    case 0:
      return `Analysts said the ${a()} ${n()} market would feel the effect of the ${t} decision for months.`;
    case 1:
      return `In ${pick(random, lex.places)}, a similar ${n()} dispute ended in ${int(random, 1998, 2024)} with a ${a()} compromise.`;
    case 2:
      return `The ${pick(random, lex.organisations)} did not respond to a request for comment about the ${n()}.`;
    case 3:
      return `Some economists expect ${n()} prices to rise by ${int(random, 1, 15)} percent if the ${t} plan goes ahead.`;
    case 4:
      return `Local newspapers have covered the ${t} story closely, and a ${a()} petition has gathered ${count(random)} signatures.`;
    default:
      return `Officials declined to say whether the ${a()} ${n()} would be included in the next budget.`;
  }
}
