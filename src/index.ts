/**
 * Parallax as a library: no database needed.
 *
 *   import { analyse, compare } from 'parallax';
 *   const a = analyse(textA, { origin: 'a.txt' });
 *   const b = analyse(textB, { origin: 'b.txt' });
 *   const comparison = compare([a, b]);
 */
import { normaliseText } from './1-ingest/decode-text.js';
import { parseTextArticle, type TextContext } from './1-ingest/text-metadata.js';
import { analyseArticle } from './3-analyse/analyse.js';
import { compareArticles } from './5-compare/compare.js';
import type { Comparison } from './5-compare/comparison.js';
import { articleIdFor } from './6-store/store.js';
import { contentHash } from './pipeline/content-hash.js';
import type { AnalysedArticle, StoredArticle } from './types.js';

export type * from './types.js';
export type * from './5-compare/comparison.js';
export type {
  Store,
  NewArticle,
  AddResult,
  SearchHit,
  ArticleLink,
  ArticleLinkKind,
  FeedState,
  SimilarArticle,
} from './6-store/store.js';
export { SqliteStore } from './6-store/sqlite/sqlite-store.js';
export { PostgresStore } from './6-store/postgres/postgres-store.js';
export { openStore, storeTarget, type StoreTarget } from './6-store/open-store.js';
export { ingestPaths, storeArticle } from './pipeline/ingest.js';
export { watchFeeds } from './pipeline/watch.js';
export { articleRelations } from './pipeline/article-relations.js';
export { fetchUrl } from './1-ingest/fetch/fetch-url.js';
export { compareStory } from './pipeline/compare-story.js';
export { comparisonMarkdown } from './7-present/format/comparison-markdown.js';

/** Parses, cleans and analyses one plain-text article. */
export function analyse(text: string, context: Partial<TextContext> = {}): AnalysedArticle {
  return analyseArticle(parseTextArticle(normaliseText(text), { origin: '(text)', ...context }));
}

/** Compares analysed articles as one story (ids are derived from their text). */
export function compare(articles: AnalysedArticle[], title?: string): Comparison {
  const stored: StoredArticle[] = articles.map((a) => {
    const hash = contentHash(a.text);
    return { ...a, id: articleIdFor(hash), storyId: 'adhoc', contentHash: hash, ingestedAt: '' };
  });
  const dates = articles
    .map((a) => a.meta.published.value)
    .filter((d): d is string => !!d)
    .sort();
  return compareArticles(
    {
      id: 'adhoc',
      title:
        title ??
        articles.find((a) => a.meta.titleSource === 'headline')?.meta.title ??
        articles[0]?.meta.title ??
        '',
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
    },
    stored,
  );
}
