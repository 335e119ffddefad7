import { tokenize } from '../3-analyse/tokens.js';
import type { Quote, Span } from '../types.js';
import type { Passage, QuoteRendering, SpeakerQuotes } from './comparison.js';
import { spellingKey } from './diff.js';
import { synonymKey } from './synonyms.js';

/** The group name of quotes whose speaker nobody resolved. */
export const UNATTRIBUTED = '(unattributed)';

export interface QuoteArticle {
  id: string;
  /** The outlet. */
  source: string;
  text: string;
  quotes: Quote[];
  /** Language code for stemming; English when absent. */
  language?: string;
}

/** Two renderings are one utterance when this share of the shorter one's content words match. */
export const SAME_UTTERANCE = { minShare: 0.5, minShared: 2 };

/**
 * Who said what across a story: quotes grouped by speaker (`speakerKey` maps an article's
 * quote to a story-level speaker), and within a speaker, renderings of the same utterance
 * (content words overlap, stemmed and synonym-folded) share an `utterance` index.
 * Groups with the most outlets come first.
 */
export function quotesBySpeaker(
  articles: QuoteArticle[],
  speakerKey: (articleId: string, quote: Quote) => { id: string | null; name: string },
): SpeakerQuotes[] {
  const groups = new Map<string, SpeakerQuotes & { keys: Array<Set<string>> }>();
  for (const a of articles) {
    for (const q of a.quotes) {
      const who = speakerKey(a.id, q);
      const name = who.name.trim() || UNATTRIBUTED;
      const key = who.id ? `id:${who.id}` : `name:${name.split(/\s+/).map(spellingKey).join(' ')}`;
      let g = groups.get(key);
      if (!g) {
        g = { entityId: who.id, speaker: name, renderings: [], keys: [] };
        groups.set(key, g);
      }
      // Keep the fullest name seen ("Sergei Lavrov" over "Lavrov").
      if (name !== UNATTRIBUTED && name.length > g.speaker.length) g.speaker = name;
      g.renderings.push(rendering(a, q));
      g.keys.push(contentKeys(a.text, q.content, a.language));
    }
  }
  mergeSurnames(groups);
  const out: SpeakerQuotes[] = [];
  for (const g of groups.values()) {
    assignUtterances(g.renderings, g.keys);
    out.push({ entityId: g.entityId, speaker: g.speaker, renderings: g.renderings });
  }
  const outlets = (g: SpeakerQuotes) => new Set(g.renderings.map((r) => r.articleId)).size;
  return out.sort(
    (a, b) =>
      Number(a.speaker === UNATTRIBUTED) - Number(b.speaker === UNATTRIBUTED) ||
      outlets(b) - outlets(a) ||
      b.renderings.length - a.renderings.length ||
      a.speaker.localeCompare(b.speaker),
  );
}

/**
 * Name-only groups whose name ends another group's name join it ("Lavrov" → "Sergei Lavrov"),
 * when exactly one such fuller name exists; entity-keyed groups are left as resolved.
 */
function mergeSurnames(groups: Map<string, SpeakerQuotes & { keys: Array<Set<string>> }>): void {
  const named = [...groups.keys()].filter(
    (k) => k.startsWith('name:') && k !== `name:${spellingKey(UNATTRIBUTED)}`,
  );
  for (const short of named) {
    const tail = short.slice(5);
    const fuller = named.filter((k) => k !== short && k.endsWith(` ${tail}`) && groups.has(k));
    if (fuller.length !== 1 || !groups.has(short)) continue;
    const into = groups.get(fuller[0]!)!;
    const from = groups.get(short)!;
    into.renderings.push(...from.renderings);
    into.keys.push(...from.keys);
    groups.delete(short);
  }
}

function passage(articleId: string, text: string, span: Span): Passage {
  return { articleId, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

function rendering(a: QuoteArticle, q: Quote): QuoteRendering {
  return {
    articleId: a.id,
    source: a.source,
    kind: q.kind,
    content: passage(a.id, a.text, q.content),
    cue: q.cue ? passage(a.id, a.text, q.cue) : null,
    speakerSpan: q.source ? passage(a.id, a.text, q.source) : null,
    utterance: -1,
  };
}

/** Stemmed, synonym-folded content words of a span. */
export function contentKeys(text: string, span: Span, language = 'en'): Set<string> {
  return new Set(
    tokenize(text, span.start, span.end, language)
      .filter((t) => t.term)
      .map((t) => synonymKey(t.term)),
  );
}

/** Share of the smaller set found in the larger, and the count shared. */
export function overlap(a: Set<string>, b: Set<string>): { share: number; shared: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const k of small) if (large.has(k)) shared++;
  return { share: small.size ? shared / small.size : 0, shared };
}

/** Greedy clustering in input order: each rendering joins the utterance it overlaps most. */
function assignUtterances(renderings: QuoteRendering[], keys: Array<Set<string>>): void {
  const members: number[][] = [];
  renderings.forEach((r, i) => {
    let best = -1;
    let bestShare = 0;
    members.forEach((m, u) => {
      for (const j of m) {
        const o = overlap(keys[i]!, keys[j]!);
        if (
          o.shared >= SAME_UTTERANCE.minShared &&
          o.share >= SAME_UTTERANCE.minShare &&
          o.share > bestShare
        ) {
          best = u;
          bestShare = o.share;
        }
      }
    });
    if (best < 0) {
      best = members.length;
      members.push([]);
    }
    members[best]!.push(i);
    r.utterance = best;
  });
}
