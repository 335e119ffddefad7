/**
 * Row shapes both stores share (the SQL schemas mirror each other), so an
 * article, a link or a feed state reads back the same from SQLite and PostgreSQL.
 */
import type { AnalysedArticle, SerialisedArticle, StoredArticle } from '../types.js';
import type { ArticleLink, FeedState, SimilarArticle } from './store.js';

type Row = Record<string, unknown>;

/** The analysis passes' output as stored in `analysis_json`. */
export function analysisJson(article: AnalysedArticle): string {
  return JSON.stringify({
    language: article.language,
    artifacts: article.artifacts,
    sentences: article.sentences,
    entities: article.entities,
    mentions: article.mentions,
    quotes: article.quotes,
    times: article.times,
  });
}

/** An article as stored: its analysis serialised once, where it was made. */
export function serialiseArticle(article: AnalysedArticle): SerialisedArticle {
  return {
    meta: article.meta,
    text: article.text,
    language: article.language,
    analysisJson: analysisJson(article),
  };
}

/** The `analysis_json` of an article to store, serialised already or not. */
export function storedAnalysisJson(article: AnalysedArticle | SerialisedArticle): string {
  return 'analysisJson' in article ? article.analysisJson : analysisJson(article);
}

export function articleFromRow(row: Row): StoredArticle {
  const analysis = JSON.parse(row.analysis_json as string);
  return {
    id: row.id as string,
    storyId: row.story_id as string,
    contentHash: row.content_hash as string,
    ingestedAt: row.ingested_at as string,
    meta: JSON.parse(row.meta_json as string),
    text: row.text as string,
    language: analysis.language,
    artifacts: analysis.artifacts,
    sentences: analysis.sentences,
    // Rows written before analysis had these passes carry none.
    entities: analysis.entities ?? [],
    mentions: analysis.mentions ?? [],
    quotes: analysis.quotes ?? [],
    times: analysis.times ?? [],
  };
}

export function similarFromRow(r: Row): SimilarArticle {
  return {
    id: r.id as string,
    source: r.source as string,
    contentHash: r.content_hash as string,
    text: r.text as string,
  };
}

export function linkFromRow(r: Row): ArticleLink {
  return { kind: r.kind as ArticleLink['kind'], from: r.from_id as string, to: r.to_id as string };
}

export function feedStateFromRow(feed: string, r: Row): FeedState {
  return {
    feed,
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    lastPolledAt: (r.last_polled_at as string | null) ?? null,
    failures: r.failures as number,
  };
}
