import { forEachWord } from '../3-analyse/tokens.js';
import type { AnalysedArticle } from '../types.js';
import { minhashBands } from './minhash.js';

/** What clustering needs from an article: term counts, names, near-duplicate keys, date. */
export interface ClusterFeatures {
  /** term -> count, over the title and every sentence outside artifacts. */
  terms: Map<string, number>;
  /** Terms of capitalised words not at a sentence start: names of people, places, bodies. */
  names: Set<string>;
  /** MinHash LSH band keys over word shingles (near-duplicate detection). */
  bands: string[];
  date: string | null;
}

export function clusterFeatures(article: AnalysedArticle): ClusterFeatures {
  const terms = new Map<string, number>();
  const names = new Set<string>();
  const sequence: string[] = [];
  const add = (term: string, weight: number) => terms.set(term, (terms.get(term) ?? 0) + weight);
  const lang = article.language.code;
  forEachWord(article.meta.title, 0, article.meta.title.length, lang, (_s, _e, _w, term) => {
    if (term) add(term, 2); // a headline word says more about the event than a body word
  });
  for (const s of article.sentences) {
    let first = true;
    forEachWord(article.text, s.start, s.end, lang, (_s, _e, _w, term, capital) => {
      const opening = first;
      first = false;
      if (!term) return;
      add(term, 1);
      sequence.push(term);
      if (capital && !opening && term.length > 1) names.add(term);
    });
  }
  return { terms, names, bands: minhashBands(sequence), date: article.meta.published.value };
}
