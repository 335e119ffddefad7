import { readFile, stat } from 'node:fs/promises';
import { decodeText, MAX_TEXT_BYTES } from '../1-ingest/decode-text.js';
import { InputError } from '../1-ingest/input-error.js';
import { parseTextArticle } from '../1-ingest/text-metadata.js';
import { analyseArticle } from '../3-analyse/analyse.js';
import { clusterFeatures, type ClusterFeatures } from '../4-cluster/features.js';
import type { AnalysedArticle } from '../types.js';

/** One input to analyse: a file to read, or text already in hand (a JSONL record, a feed item). */
export type AnalyseJob =
  | { kind: 'file'; path: string; source?: string }
  | { kind: 'text'; raw: string; origin: string; source?: string; fileYear?: number };

/** Everything the store needs, computed without touching the store. */
export interface Analysed {
  article: AnalysedArticle;
  raw: string;
  features: ClusterFeatures;
}

export type AnalyseOutcome =
  ({ ok: true; input: string } & Analysed) | { ok: false; input: string; reason: string };

export function jobInput(job: AnalyseJob): string {
  return job.kind === 'file' ? job.path : job.origin;
}

/**
 * Raw input → analysed article and its clustering features. No store, no shared state:
 * this is what runs in the worker threads, so anything added to analysis (entities,
 * quotes, time) runs in parallel for free.
 */
export async function runAnalyseJob(job: AnalyseJob): Promise<AnalyseOutcome> {
  const input = jobInput(job);
  try {
    let raw: string;
    let fileYear: number | undefined;
    if (job.kind === 'file') {
      const info = await stat(job.path);
      if (info.size > MAX_TEXT_BYTES) {
        throw new InputError(
          job.path,
          `file too large (${(info.size / 1048576).toFixed(0)} MB; the limit for one article is ${MAX_TEXT_BYTES / 1048576} MB)`,
        );
      }
      raw = decodeText(job.path, await readFile(job.path));
      fileYear = info.mtime.getUTCFullYear();
    } else {
      raw = job.raw;
      fileYear = job.fileYear;
    }
    const article = analyseRaw(raw, input, job.source, fileYear);
    return { ok: true, input, article, raw, features: clusterFeatures(article) };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, input: err.input, reason: err.reason };
    return { ok: false, input, reason: `internal error: ${(err as Error).message}` };
  }
}

/** Parses and analyses decoded text; refuses an article with no body sentences. */
export function analyseRaw(
  raw: string,
  origin: string,
  source?: string,
  fileYear?: number,
): AnalysedArticle {
  const parsed = parseTextArticle(raw, {
    origin,
    ...(source ? { source } : {}),
    ...(fileYear !== undefined ? { fileYear } : {}),
  });
  const article = analyseArticle(parsed);
  if (article.sentences.length === 0)
    throw new InputError(origin, 'no article text (nothing but headers or artifacts)');
  return article;
}
