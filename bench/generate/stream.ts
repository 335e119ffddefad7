/**
 * A deterministic stream of invented news: events arrive day by day, each covered by
 * several outlets that paraphrase and omit, some republishing a wire agency's copy, with
 * unrelated one-off articles mixed in. The same options always give the same stream, and a
 * shorter stream is a prefix of a longer one (the density per day does not depend on size).
 */
import { mulberry32, shuffled } from '../lib/prng.js';
import { fillerSentence, makeEvent, monthDay, type NewsEvent } from './events.js';
import { int, makeLexicon, pick, type Lexicon, type Random } from './words.js';

export interface StreamOptions {
  seed: number;
  /** Articles to produce. */
  articles: number;
  /** Outlets in the stream (M); an event is covered by 2 to 8 of them. */
  outlets: number;
  /** Articles published per day, on average. */
  perDay: number;
  /** Share of events that are one-off articles no other outlet covers. */
  unrelatedShare: number;
  /** Share of covered events where a wire agency's copy is republished by other outlets. */
  wireShare: number;
  /** First day of the stream (ISO). */
  start: string;
}

export const STREAM_DEFAULTS: StreamOptions = {
  seed: 1,
  articles: 1000,
  outlets: 12,
  perDay: 150,
  unrelatedShare: 0.15,
  wireShare: 0.25,
  start: '2024-01-01',
};

export type ArticleKind = 'report' | 'wire-copy' | 'unrelated';

export interface GeneratedArticle {
  /** Arrival position, from 0. */
  seq: number;
  id: string;
  /** Gold story label. */
  event: string;
  kind: ArticleKind;
  outlet: string;
  date: string;
  title: string;
  /** Body text (what follows the header lines). */
  body: string;
  /** For wire copies: the id of the article copied. */
  wireOf: string | null;
}

/** The article as a plain-text file: header lines, a blank line, the body. */
export function articleFile(a: GeneratedArticle): string {
  return `title: ${a.title}\nsource: ${a.outlet}\ndate: ${a.date}\n\n${a.body}\n`;
}

/** One JSONL record (gold event included, for scoring). */
export function articleJson(a: GeneratedArticle): string {
  return JSON.stringify({
    id: a.id,
    seq: a.seq,
    event: a.event,
    kind: a.kind,
    source: a.outlet,
    date: a.date,
    title: a.title,
    url: `https://example.invalid/${a.id}`,
    text: a.body,
    wireOf: a.wireOf,
  });
}

/** FNV-1a over a string: turns "seed:event:42" into a PRNG seed. */
export function seedOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

type Pending = Omit<GeneratedArticle, 'seq' | 'id'> & { key: string };

export function* generateStream(options: Partial<StreamOptions> = {}): Generator<GeneratedArticle> {
  const o = { ...STREAM_DEFAULTS, ...options };
  if (o.outlets < 2) throw new Error('generateStream: need at least 2 outlets');
  const lex = makeLexicon(mulberry32(o.seed));
  const outlets = lex.outlets.slice(0, o.outlets);
  const wire = outlets[0]!; // the first outlet is the agency others republish
  const start = new Date(`${o.start}T00:00:00Z`);
  const pending = new Map<number, Pending[]>();
  let emitted = 0;
  let eventNo = 0;
  for (let day = 0; emitted < o.articles; day++) {
    const dayRandom = mulberry32(seedOf(`${o.seed}:day:${day}`));
    let planned = 0;
    // Schedule events starting today until today's share of articles is planned.
    while (planned < o.perDay) {
      const id = `ev${String(eventNo).padStart(6, '0')}`;
      const random = mulberry32(seedOf(`${o.seed}:event:${eventNo++}`));
      const ev = makeEvent(random, lex, id, day, start);
      const articles =
        random() < o.unrelatedShare
          ? [unrelated(random, lex, ev, outlets)]
          : coverage(random, lex, ev, outlets, wire, o);
      for (const a of articles) {
        const d = Math.round((Date.parse(a.date) - start.getTime()) / 86_400_000);
        pending.set(d, [...(pending.get(d) ?? []), a]);
      }
      planned += articles.length;
    }
    // Nothing dated today can still appear: later events start later.
    const today = shuffled(
      (pending.get(day) ?? []).sort((a, b) => (a.key < b.key ? -1 : 1)),
      dayRandom,
    );
    pending.delete(day);
    for (const a of today) {
      if (emitted >= o.articles) return;
      const { key: _key, ...rest } = a;
      yield { ...rest, seq: emitted, id: `g${o.seed}-${String(emitted).padStart(6, '0')}` };
      emitted++;
    }
  }
}

function unrelated(random: Random, lex: Lexicon, ev: NewsEvent, outlets: string[]): Pending {
  const outlet = pick(random, outlets);
  const { title, body } = renderArticle(random, lex, ev, outlet, int(random, 0, 2), ev.date);
  return {
    key: `${ev.id}:${outlet}`,
    event: ev.id,
    kind: 'unrelated',
    outlet,
    date: ev.date,
    title,
    body,
    wireOf: null,
  };
}

function coverage(
  random: Random,
  lex: Lexicon,
  ev: NewsEvent,
  outlets: string[],
  wire: string,
  o: StreamOptions,
): Pending[] {
  const k = int(random, 2, Math.min(8, outlets.length));
  const covering = shuffled(outlets, random).slice(0, k);
  const out: Pending[] = [];
  const useWire = random() < o.wireShare;
  const dateOf = () => {
    const lag = random() < 0.7 ? 0 : random() < 0.7 ? 1 : 2;
    return new Date(Date.parse(ev.date) + lag * 86_400_000).toISOString().slice(0, 10);
  };
  let wireCopy: Pending | null = null;
  if (useWire) {
    const { title, body } = renderArticle(random, lex, ev, wire, 0, ev.date);
    wireCopy = {
      key: `${ev.id}:${wire}`,
      event: ev.id,
      kind: 'report',
      outlet: wire,
      date: ev.date,
      title,
      body,
      wireOf: null,
    };
    out.push(wireCopy);
  }
  covering.forEach((outlet, i) => {
    if (outlet === wire && wireCopy) return;
    const date = dateOf();
    if (wireCopy && random() < 0.5) {
      // Republished wire copy: verbatim, sometimes with a credit line or a new headline.
      const credit = random() < 0.7 ? `\n\nThis story was provided by ${wire}.` : '';
      const title = random() < 0.5 ? wireCopy.title : ev.headlines[(i + 1) % ev.headlines.length]!;
      out.push({
        key: `${ev.id}:${outlet}`,
        event: ev.id,
        kind: 'wire-copy',
        outlet,
        date,
        title,
        body: wireCopy.body + credit,
        wireOf: wireCopy.key,
      });
      return;
    }
    const { title, body } = renderArticle(random, lex, ev, outlet, i + 1, date);
    out.push({
      key: `${ev.id}:${outlet}`,
      event: ev.id,
      kind: 'report',
      outlet,
      date,
      title,
      body,
      wireOf: null,
    });
  });
  return out;
}

const words = (s: string) => s.split(' ').length;

/** One outlet's article on an event: its choice of statements, wordings, context and length. */
export function renderArticle(
  random: Random,
  lex: Lexicon,
  ev: NewsEvent,
  outlet: string,
  style: number,
  date: string,
): { title: string; body: string } {
  const target = 300 + Math.floor(random() ** 1.5 * 1200);
  const wording = (variants: string[]) =>
    variants[(random() < 0.6 ? style : int(random, 0, 2)) % variants.length]!;
  const sentences = [wording(ev.facts[0]!)];
  const rest = ev.facts.slice(1).filter(() => random() > 0.25);
  // Outlets mostly keep the order of events but move a statement now and then.
  for (let i = 0; i + 1 < rest.length; i++)
    if (random() < 0.15) [rest[i], rest[i + 1]] = [rest[i + 1]!, rest[i]!];
  const background = shuffled(ev.background, random);
  for (const fact of rest) {
    sentences.push(wording(fact));
    if (random() < 0.4 && background.length) sentences.push(background.pop()!);
  }
  let count = sentences.reduce((n, s) => n + words(s), 0);
  while (count < target) {
    const s =
      background.length && random() < 0.6 ? background.pop()! : fillerSentence(random, lex, ev);
    sentences.push(s);
    count += words(s);
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const n = i === 0 ? 1 : int(random, 1, 3);
    paragraphs.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  if (style % 3 === 1)
    paragraphs[0] = `${ev.place.toUpperCase()}, ${monthDay(date)} (${outlet}) — ${paragraphs[0]}`;
  if (random() < 0.1) {
    const p = ev.people[0]!;
    paragraphs.splice(1, 0, `${p.first} ${p.last} in ${ev.place}. Photo: ${outlet}`);
  }
  return { title: ev.headlines[style % ev.headlines.length]!, body: paragraphs.join('\n\n') };
}
