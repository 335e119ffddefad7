import type { Comparison } from '../../src/5-compare/comparison.js';
import type { Store } from '../../src/6-store/store.js';
import type { StoredArticle } from '../../src/types.js';

/**
 * Fills the analysis fields of a real comparison with invented content
 * (entities, quotes, fidelity, timeline, provenance), so the UI's rendering
 * of them is tested before the analysis stages produce them.
 */
export function withInventedAnalysis(c: Comparison): Comparison {
  const [a, b] = c.articles;
  if (!a || !b) throw new Error('fixture needs two articles');
  const passage = (articleId: string, start: number, text: string) => ({
    articleId,
    start,
    end: start + text.length,
    text,
  });
  const renderingA = {
    articleId: a.id,
    source: a.source,
    kind: 'direct' as const,
    content: passage(a.id, 10, 'Every pillar will be checked before a single car crosses'),
    cue: passage(a.id, 70, 'said'),
    speakerSpan: passage(a.id, 75, 'Mayor Orsolya Venn'),
    utterance: 0,
  };
  const renderingB = {
    ...renderingA,
    articleId: b.id,
    source: b.source,
    kind: 'indirect' as const,
    content: passage(b.id, 40, 'the mayor said each pillar would be inspected first'),
    cue: passage(b.id, 44, 'said'),
    utterance: 0,
  };
  return {
    ...c,
    entities: [
      {
        id: 'p1',
        type: 'person',
        name: 'Orsolya Venn',
        aliases: ['Orsolya Venn', 'Mayor Venn', 'the mayor'],
        roles: ['Mayor of Velmora'],
        members: [
          {
            articleId: a.id,
            entityId: 'e1',
            mentions: [{ start: 75, end: 93, text: 'Mayor Orsolya Venn' }],
          },
        ],
      },
      {
        id: 'p2',
        type: 'place',
        name: 'Tollmarsh Quay',
        aliases: ['the quay'],
        roles: [],
        members: [],
      },
    ],
    quotes: [{ entityId: 'p1', speaker: 'Orsolya Venn', renderings: [renderingA, renderingB] }],
    quoteFidelity: [
      {
        kind: 'direct-vs-indirect',
        speaker: 'Orsolya Venn',
        renderings: [renderingA, renderingB],
        detail: `${a.source} quotes directly, ${b.source} paraphrases`,
      },
    ],
    timeline: [
      {
        value: '2026-03-12',
        granularity: 'day',
        label: 'Storm surge strikes the estuary',
        resolved: true,
        relative: true,
        participants: [],
        reports: [
          {
            articleId: a.id,
            source: a.source,
            time: passage(a.id, 0, 'Thursday'),
            sentence: passage(a.id, 0, 'late on Thursday'),
            value: '2026-03-12',
          },
          {
            articleId: b.id,
            source: b.source,
            time: passage(b.id, 0, 'Thursday night'),
            sentence: passage(b.id, 0, 'Thursday night'),
            value: '2026-03-12',
          },
        ],
        conflicts: [],
      },
      {
        value: '2026-04',
        granularity: 'month',
        label: 'Repairs expected to begin',
        resolved: true,
        relative: false,
        participants: ['Orsolya Venn'],
        reports: [
          {
            articleId: b.id,
            source: b.source,
            time: passage(b.id, 0, 'April'),
            sentence: passage(b.id, 0, 'in April'),
            value: '2026-04',
          },
        ],
        conflicts: [{ articleId: a.id, source: a.source, value: '2026-05', text: 'in May' }],
      },
      {
        value: 'XXXX-XX-XX',
        granularity: 'day',
        label: 'The week after the inspection',
        resolved: false,
        relative: true,
        participants: [],
        reports: [
          {
            articleId: a.id,
            source: a.source,
            time: passage(a.id, 0, 'the week after'),
            sentence: passage(a.id, 0, 'the week after'),
            value: 'XXXX-XX-XX',
          },
        ],
        conflicts: [],
      },
    ],
    provenance: [
      {
        a: a.id,
        b: b.id,
        kind: 'rewrite',
        derived: b.id,
        confidence: 0.71,
        shared: { a: 0.4, b: 0.62 },
        evidence: ['same quote order'],
      },
    ],
  };
}

/** An article whose analysis spans are filled with invented annotations over its own text. */
export function withInventedSpans(a: StoredArticle): StoredArticle {
  const find = (s: string) => {
    const i = a.text.indexOf(s);
    if (i < 0) throw new Error(`fixture text lacks "${s}"`);
    return { start: i, end: i + s.length };
  };
  const word = /\b[A-Z][a-z]+ [A-Z][a-z]+\b/.exec(a.text)!;
  const nameSpan = { start: word.index, end: word.index + word[0].length };
  const day = /\b(Thursday|Friday|Saturday)\b/.exec(a.text)!;
  const sentence = a.sentences[1] ?? a.sentences[0]!;
  return {
    ...a,
    entities: [
      { id: 'e1', type: 'place', name: word[0], aliases: [word[0]], roles: [], mentionCount: 1 },
    ],
    mentions: [
      { ...nameSpan, text: word[0], type: 'place', entityId: 'e1', kind: 'name', confidence: 0.9 },
    ],
    quotes: [
      {
        kind: 'indirect',
        source: null,
        speakerId: null,
        speaker: null,
        cue: null,
        content: { start: sentence.start, end: sentence.end },
        confidence: 0.6,
      },
    ],
    times: [
      {
        ...find(day[0]),
        text: day[0],
        type: 'DATE',
        value: '2026-03-12',
        granularity: 'day',
        relative: true,
        resolved: true,
        confidence: 0.8,
      },
    ],
  } as StoredArticle;
}

/** A store that hands out articles with invented spans (every other member is the store's own). */
export function storeWithSpans(store: Store): Store {
  const getArticle = async (id: string) => {
    const a = await store.getArticle(id);
    return a ? withInventedSpans(a) : null;
  };
  return new Proxy(store, {
    get(target, prop) {
      if (prop === 'getArticle') return getArticle;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
