/**
 * A seeded generator of invented news articles for the worker tests and bench:workers.
 * Every event has its own invented place, organisation, people and topic words, so which
 * articles belong together does not depend on the order they arrive in — any correct
 * serialisation of story assignment yields the same partition. Nothing here is real.
 */
import { mulberry32 } from '../../bench/lib/prng.js';

export interface GeneratedArticle {
  /** Unique file-like name: `gen/<event>/<n>.txt`. */
  origin: string;
  /** The event it reports (ground truth). */
  event: number;
  /** The article as plain text with headers, as `parallax ingest` reads it. */
  raw: string;
}

const SYLLABLES = [
  'bra',
  'quel',
  'dor',
  'vin',
  'sta',
  'mol',
  'ter',
  'gri',
  'fen',
  'lo',
  'cas',
  'pim',
  'ru',
  'zel',
  'har',
  'no',
  'vek',
  'til',
  'os',
  'man',
  'dre',
  'ul',
  'sor',
  'bek',
  'lia',
  'gan',
  'thu',
  'rim',
  'ves',
  'ka',
  'pol',
  'ed',
  'wyn',
  'cor',
  'mi',
  'jas',
  'tor',
  'ael',
  'bru',
];
const OUTLETS = [
  'Harrowgate Courier',
  'Veldmark Gazette',
  'Pellmoor Daily',
  'Sunbridge Wire',
  'Oldcastle Ledger',
  'Tamsin Valley Post',
  'Greywater Herald',
  'Northmere Times',
  'Ashcombe Observer',
  'Linden Bay Record',
  'Corrowin Press',
  'Eastfold Chronicle',
];
interface Event {
  place: string;
  org: string;
  people: string[];
  topics: string[];
  date: Date;
}

/** `events` events with 1–`maxPerEvent` articles each, until `count` articles exist. */
export function generateArticles(count: number, seed = 7, maxPerEvent = 12): GeneratedArticle[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const used = new Set<string>();
  const word = (syllables: number): string => {
    for (;;) {
      let w = '';
      for (let i = 0; i < syllables; i++) w += pick(SYLLABLES);
      if (!used.has(w)) {
        used.add(w);
        return w;
      }
    }
  };
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const out: GeneratedArticle[] = [];
  let eventNo = 0;
  while (out.length < count) {
    const ev: Event = {
      place: cap(word(3)),
      org: `${cap(word(3))} ${cap(word(2))}`,
      people: [`${cap(word(2))} ${cap(word(3))}`, `${cap(word(2))} ${cap(word(3))}`],
      topics: Array.from({ length: 6 }, () => word(3)),
      date: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 330) * 86_400_000),
    };
    const n = Math.min(count - out.length, 1 + Math.floor(random() * maxPerEvent));
    const texts: string[] = [];
    for (let i = 0; i < n; i++) {
      // Now and then a lightly edited copy of an earlier report: a near-duplicate.
      const base = texts.length && random() < 0.1 ? pick(texts) : null;
      const body = base
        ? `${base}\n\n${ev.people[0]} said ${n * 100 + i} ${ev.topics[0]} were ${ev.topics[1]}.`
        : article(ev, random, pick);
      texts.push(body);
      const day = new Date(ev.date.getTime() + Math.floor(random() * 3) * 86_400_000);
      const t = (k: number) => ev.topics[(k + i) % ev.topics.length]!;
      const raw =
        `title: ${ev.place} ${t(0)} and ${t(1)}\n` +
        `date ${day.toISOString().slice(0, 10)}\n` +
        `source ${pick(OUTLETS)}\nlanguage en\n\n${body}\n`;
      out.push({ origin: `gen/${eventNo}/${i}.txt`, event: eventNo, raw });
    }
    eventNo++;
  }
  return out;
}

function article(ev: Event, random: () => number, pick: <T>(items: readonly T[]) => T): string {
  const t = () => pick(ev.topics);
  const num = () => 2 + Math.floor(random() * 900);
  const [p1, p2] = ev.people as [string, string];
  // Only the event's own words and function words: shared everyday vocabulary would make
  // the clustering itself order-dependent, and this corpus tests the workers, not the clustering.
  const templates = [
    () => `${p1} said the ${t()} near ${ev.place} would ${t()} the ${t()}.`,
    () => `In ${ev.place}, the ${t()} and the ${t()} were ${t()}.`,
    () => `The ${ev.org} said ${num()} ${t()} were ${t()} after the ${t()}.`,
    () => `"The ${t()} is ${t()}," ${p1} said in ${ev.place}.`,
    () => `${p2} of the ${ev.org} said the ${t()} could ${t()} the ${t()} in ${ev.place}.`,
    () => `${p1} of the ${ev.org} called the ${t()} ${t()}.`,
  ];
  const sentences: string[] = [];
  const k = 4 + Math.floor(random() * 4);
  for (let i = 0; i < k; i++) sentences.push(pick(templates)());
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 2)
    paragraphs.push(sentences.slice(i, i + 2).join(' '));
  return paragraphs.join('\n\n');
}
