import type { Entity, EntityMention, Quote, StoredArticle, TimeExpression } from '../../types.js';

/**
 * The analysis spans an article may carry (filled by the analyse stage when
 * it runs; absent on articles stored before it). Read defensively.
 */
export interface ArticleAnalysis {
  entities?: Entity[];
  mentions?: EntityMention[];
  quotes?: Quote[];
  times?: TimeExpression[];
}

/** An article as the API returns it: metadata, the cleaned text and every span into it. */
export function articleView(a: StoredArticle) {
  const x = a as StoredArticle & ArticleAnalysis;
  return {
    schemaVersion: 1,
    id: a.id,
    storyId: a.storyId,
    meta: a.meta,
    language: a.language,
    ingestedAt: a.ingestedAt,
    text: a.text,
    artifacts: a.artifacts,
    sentences: a.sentences,
    entities: x.entities ?? [],
    mentions: x.mentions ?? [],
    quotes: x.quotes ?? [],
    times: x.times ?? [],
  };
}
export type ArticleView = ReturnType<typeof articleView>;
