import type { Assignment, CandidateStory } from '../4-cluster/assign.js';
import type { ClusterFeatures } from '../4-cluster/features.js';
import type { DocFreq } from '../4-cluster/weights.js';
import type { AnalysedArticle, SerialisedArticle, StoredArticle, StorySummary } from '../types.js';

/** Everything needed to store a new article. */
export interface NewArticle {
  article: AnalysedArticle | SerialisedArticle;
  /** Hash of the normalised body text: equal hashes are the same article. */
  contentHash: string;
  /** The input exactly as read (before header parsing), kept for audit. */
  raw: string;
  features: ClusterFeatures;
  /** Relations to stored articles, recorded when the article is added (not for a duplicate). */
  links?: Array<{ kind: ArticleLinkKind; to: string }>;
}

/**
 * version-of: a near-duplicate from the same outlet (an updated article), pointing at the
 * earlier version. same-text-as: the same text from another outlet (wire copy).
 */
export type ArticleLinkKind = 'version-of' | 'same-text-as';

/** A recorded relation; `from` is the article added later. */
export interface ArticleLink {
  kind: ArticleLinkKind;
  from: string;
  to: string;
}

/** A stored article sharing a near-duplicate key with a new one. */
export interface SimilarArticle {
  id: string;
  source: string;
  contentHash: string;
  text: string;
}

/** Polling state of one watched feed. */
export interface FeedState {
  feed: string;
  etag: string | null;
  lastModified: string | null;
  /** ISO time of the last poll, successful or not. */
  lastPolledAt: string | null;
  /** Consecutive failed polls (drives the backoff); 0 after a success. */
  failures: number;
}

/** Chooses a story from the candidates; the store calls it inside its transaction. */
export type Decide = (candidates: CandidateStory[], stats: DocFreq) => Assignment;

export type AddResult =
  | {
      status: 'added';
      articleId: string;
      /** The story the article is in now (after any merge). */
      storyId: string;
      newStory: boolean;
      score: number;
      /** Stories the article bridged that merged into `storyId` (they now redirect to it). */
      merged?: string[];
      /** Members that no longer fitted the changed story, and the story each went to. */
      left?: Array<{ articleId: string; storyId: string }>;
    }
  | { status: 'duplicate'; articleId: string; storyId: string };

export interface SearchHit {
  articleId: string;
  storyId: string;
  title: string;
  source: string;
  /** A short excerpt around the match. */
  snippet: string;
}

/**
 * The one interface the pipeline talks to. Every backend (SQLite now,
 * PostgreSQL for scale-out) passes the same conformance suite
 * (test/store/conformance.ts); no other code knows which backend it has.
 */
export interface Store {
  /** Stores an article once (idempotent by content hash) and assigns it to a story atomically. */
  addArticle(input: NewArticle, decide: Decide): Promise<AddResult>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Live stories (never one merged into another), largest first, then newest. */
  listStories(): Promise<StorySummary[]>;
  /** One story (a merged story's old id resolves to the story it merged into). */
  getStory(id: string): Promise<StorySummary | null>;
  /** The story's articles in publication order, fully loaded. */
  storyArticles(storyId: string): Promise<StoredArticle[]>;
  /** Full-text search over titles and texts. */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** Stored articles sharing at least one MinHash band key with `bands`, most shared first. */
  similarArticles(bands: string[], limit?: number): Promise<SimilarArticle[]>;
  /** Every link from or to the article, in the order they were recorded. */
  articleLinks(articleId: string): Promise<ArticleLink[]>;
  getFeedState(feed: string): Promise<FeedState | null>;
  putFeedState(state: FeedState): Promise<void>;
  /** The subset of `itemIds` already marked seen for `feed`. */
  seenFeedItems(feed: string, itemIds: string[]): Promise<string[]>;
  markFeedItemsSeen(feed: string, itemIds: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Article ids derive from content, so the same text gets the same id in every store. */
export function articleIdFor(contentHash: string): string {
  return `a_${contentHash.slice(0, 12)}`;
}

export function storyIdFor(firstArticleHash: string): string {
  return `s_${firstArticleHash.slice(0, 10)}`;
}
