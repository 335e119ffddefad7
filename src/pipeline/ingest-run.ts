import type { FetchOptions } from '../1-ingest/fetch/fetch-url.js';
import { HostLimiter } from '../1-ingest/fetch/host-limiter.js';
import { InputError } from '../1-ingest/input-error.js';
import { assignStory } from '../4-cluster/assign.js';
import { clusterFeatures, type ClusterFeatures } from '../4-cluster/features.js';
import type { AddResult, ArticleLinkKind, Store } from '../6-store/store.js';
import type { AnalysedArticle, ParsedArticle, SerialisedArticle } from '../types.js';
import { analyseParsed, type AnalyseOutcome } from './analyse-job.js';
import { contentHash } from './content-hash.js';
import { relationsFor } from './relations.js';

export interface IngestOptions {
  /** Outlet name to use when the input does not name one. */
  source?: string;
  /** Called after each article (or failure), for progress display. */
  onProgress?: (progress: IngestProgress) => void;
  /** Fetch loopback/private addresses (feeds and pages on the local network). */
  allowPrivateNetwork?: boolean;
  /** Fetch settings (timeouts, limits, DNS); tests inject a resolver here. */
  fetch?: Omit<FetchOptions, 'allowPrivateNetwork' | 'signal'>;
  /** Minimum gap between two requests to one host (default 1000 ms). */
  hostIntervalMs?: number;
  /** Stops the run between articles. */
  signal?: AbortSignal;
  /** Files never to read, e.g. the database being written (and its -wal/-shm). */
  exclude?: string[];
  /** Analysis threads for plain-text files: 1 analyses inline, more uses a worker pool. */
  threads?: number;
}

export interface IngestProgress {
  /** Articles stored, duplicates and failures so far. */
  done: number;
  inputsDone: number;
  inputsTotal: number;
  /** The input being read. */
  current: string;
  /** How far into the current input (0..1), when known (streamed dumps). */
  currentFraction?: number;
}

export interface IngestedItem {
  input: string;
  articleId: string;
  storyId: string;
  title: string;
  source: string;
}

export interface AddedItem extends IngestedItem {
  newStory: boolean;
  /** The earlier version this article updates (same outlet, near-duplicate text). */
  versionOf?: string;
  /** Articles from other outlets with the same text. */
  sameTextAs?: string[];
}

export interface IngestReport {
  added: AddedItem[];
  duplicates: IngestedItem[];
  failed: Array<{ input: string; reason: string }>;
}

export type StoreResult = AddResult & { links: Array<{ kind: ArticleLinkKind; to: string }> };

/**
 * Clusters and stores one analysed article, recording versions and same-text links. An
 * article serialised where it was analysed comes with its features (they need the sentences).
 */
export async function storeArticle(
  store: Store,
  article: AnalysedArticle | SerialisedArticle,
  raw: string,
  features: ClusterFeatures = featuresOf(article),
  hash: string = contentHash(article.text),
): Promise<StoreResult> {
  const links = relationsFor(article, await store.similarArticles(features.bands), hash);
  const result = await store.addArticle(
    { article, contentHash: hash, raw, features, links },
    (candidates, stats) => assignStory(features, candidates, stats),
  );
  return { ...result, links: result.status === 'added' ? links : [] };
}

/** One ingest: where results go, shared fetch settings, progress. */
export class IngestRun {
  readonly report: IngestReport = { added: [], duplicates: [], failed: [] };
  readonly fetchOptions: FetchOptions;
  inputsDone = 0;
  inputsTotal = 0;
  current = '';
  /** Reports how far into the current input the run is (set while streaming a dump). */
  currentFraction: (() => number) | null = null;

  constructor(
    readonly store: Store,
    readonly options: IngestOptions,
  ) {
    this.fetchOptions = {
      limiter: new HostLimiter(options.hostIntervalMs ?? 1000),
      ...options.fetch,
      allowPrivateNetwork: options.allowPrivateNetwork ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }

  get stopped(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  /** Analyses and stores a parsed article, recording the outcome under `input`. */
  async article(input: string, parsed: ParsedArticle, raw: string): Promise<StoreResult | null> {
    let article: AnalysedArticle;
    try {
      article = analyseParsed(parsed, input);
    } catch (err) {
      this.fail(err, input);
      return null;
    }
    return this.analysed(input, article, raw);
  }

  /** Stores what the analysis pool made of one input, or records why it failed. */
  async outcome(outcome: AnalyseOutcome): Promise<StoreResult | null> {
    if (!outcome.ok) {
      this.fail(new InputError(outcome.input, outcome.reason), outcome.input);
      return null;
    }
    return this.analysed(
      outcome.input,
      outcome.article,
      outcome.raw,
      outcome.features,
      outcome.contentHash,
    );
  }

  /**
   * Stores an article analysed elsewhere (e.g. in a worker thread) and records the outcome;
   * a serialised article comes with its features.
   */
  async analysed(
    input: string,
    article: AnalysedArticle | SerialisedArticle,
    raw: string,
    features?: ClusterFeatures,
    hash?: string,
  ): Promise<StoreResult | null> {
    try {
      const result = await storeArticle(this.store, article, raw, features, hash);
      const item = {
        input,
        articleId: result.articleId,
        storyId: result.storyId,
        title: article.meta.title,
        source: article.meta.source,
      };
      if (result.status === 'added') {
        const versionOf = result.links.find((l) => l.kind === 'version-of')?.to;
        const sameTextAs = result.links.filter((l) => l.kind === 'same-text-as').map((l) => l.to);
        this.report.added.push({
          ...item,
          newStory: result.newStory,
          ...(versionOf ? { versionOf } : {}),
          ...(sameTextAs.length ? { sameTextAs } : {}),
        });
      } else this.report.duplicates.push(item);
      this.progress();
      return result;
    } catch (err) {
      this.fail(err, input);
      return null;
    }
  }

  /** Records a failure; anything but an InputError is reported as an internal error. */
  fail(err: unknown, input: string): void {
    if (err instanceof InputError)
      this.report.failed.push({ input: err.input, reason: err.reason });
    else this.report.failed.push({ input, reason: `internal error: ${(err as Error).message}` });
    this.progress();
  }

  progress(): void {
    const r = this.report;
    this.options.onProgress?.({
      done: r.added.length + r.duplicates.length + r.failed.length,
      inputsDone: this.inputsDone,
      inputsTotal: this.inputsTotal,
      current: this.current,
      ...(this.currentFraction ? { currentFraction: Math.min(1, this.currentFraction()) } : {}),
    });
  }
}

function featuresOf(article: AnalysedArticle | SerialisedArticle): ClusterFeatures {
  if ('analysisJson' in article) throw new Error('a serialised article needs its cluster features');
  return clusterFeatures(article);
}
