import { readFile, stat } from 'node:fs/promises';
import { decodeText, MAX_TEXT_BYTES } from '../1-ingest/decode-text.js';
import { InputError } from '../1-ingest/input-error.js';
import { parseTextArticle } from '../1-ingest/text-metadata.js';
import { walkInputs } from '../1-ingest/walk.js';
import { analyseArticle } from '../3-analyse/analyse.js';
import { assignStory } from '../4-cluster/assign.js';
import { clusterFeatures } from '../4-cluster/features.js';
import type { AddResult, Store } from '../6-store/store.js';
import type { AnalysedArticle } from '../types.js';
import { analyseInOrder } from './analyse-pool.js';
import { contentHash } from './content-hash.js';

export interface IngestOptions {
  /** Outlet name to use when the text does not name one. */
  source?: string;
  /** Called after each input, for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Analysis threads: 1 analyses inline, more uses a worker pool (see analyse-pool.ts). */
  threads?: number;
}

export interface IngestedItem {
  input: string;
  articleId: string;
  storyId: string;
  title: string;
  source: string;
}

export interface IngestReport {
  added: Array<IngestedItem & { newStory: boolean }>;
  duplicates: IngestedItem[];
  failed: Array<{ input: string; reason: string }>;
}

/** Reads, analyses, clusters and stores every file under `paths`. One bad input never stops the rest. */
export async function ingestPaths(
  store: Store,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const report: IngestReport = { added: [], duplicates: [], failed: [] };
  const { files, errors } = await walkInputs(paths);
  for (const e of errors) report.failed.push({ input: e.input, reason: e.reason });
  let done = 0;
  const jobs = files.map((path) => ({ kind: 'file' as const, path, source: options.source }));
  // Analysis may run in worker threads; storing stays here, in arrival order.
  for await (const outcome of analyseInOrder(jobs, options.threads ?? 1)) {
    if (!outcome.ok) report.failed.push({ input: outcome.input, reason: outcome.reason });
    else {
      try {
        const { article, raw, features } = outcome;
        const result = await storeArticle(store, article, raw, features);
        const item = {
          input: outcome.input,
          articleId: result.articleId,
          storyId: result.storyId,
          title: article.meta.title,
          source: article.meta.source,
        };
        if (result.status === 'added') report.added.push({ ...item, newStory: result.newStory });
        else report.duplicates.push(item);
      } catch (err) {
        report.failed.push({
          input: outcome.input,
          reason: `internal error: ${(err as Error).message}`,
        });
      }
    }
    options.onProgress?.(++done, files.length);
  }
  return report;
}

/** Reads one plain-text article from disk and analyses it (no store involved). */
export async function readTextArticle(
  file: string,
  source?: string,
): Promise<{ article: AnalysedArticle; raw: string }> {
  const info = await stat(file);
  if (info.size > MAX_TEXT_BYTES) {
    throw new InputError(
      file,
      `file too large (${(info.size / 1048576).toFixed(0)} MB; the limit for one article is ${MAX_TEXT_BYTES / 1048576} MB)`,
    );
  }
  const raw = decodeText(file, await readFile(file));
  const parsed = parseTextArticle(raw, {
    origin: file,
    ...(source ? { source } : {}),
    fileYear: info.mtime.getUTCFullYear(),
  });
  const article = analyseArticle(parsed);
  if (article.sentences.length === 0)
    throw new InputError(file, 'no article text (nothing but headers or artifacts)');
  return { article, raw };
}

/** Clusters and stores one analysed article. */
export async function storeArticle(
  store: Store,
  article: AnalysedArticle,
  raw: string,
  features = clusterFeatures(article),
): Promise<AddResult> {
  return store.addArticle(
    { article, contentHash: contentHash(article.text), raw, features },
    (candidates, stats) => assignStory(features, candidates, stats),
  );
}
