import { readFileSync, statSync, type Stats } from 'node:fs';
import { checkArticleSize, decodeText } from '../1-ingest/decode-text.js';
import { gunzipLimited } from '../1-ingest/gunzip-limited.js';
import { articleFromBytes } from '../1-ingest/article-from-bytes.js';
import { InputError } from '../1-ingest/input-error.js';
import { parseTextArticle, type TextContext } from '../1-ingest/text-metadata.js';
import { analyseArticle } from '../3-analyse/analyse.js';
import { clusterFeatures, type ClusterFeatures } from '../4-cluster/features.js';
import { serialiseArticle } from '../6-store/rows.js';
import type { AnalysedArticle, ParsedArticle, SerialisedArticle } from '../types.js';
import { contentHash } from './content-hash.js';

/**
 * One input to analyse: a file to read, text already in hand (a feed item), or an article
 * parsed already (a JSONL record: `raw` is its line, `input` names it "file:line").
 */
export type AnalyseJob =
  | { kind: 'file'; path: string; source?: string; gzip?: boolean }
  | { kind: 'html'; path: string; source?: string; gzip?: boolean }
  | { kind: 'text'; raw: string; origin: string; source?: string; fileYear?: number }
  | { kind: 'parsed'; parsed: ParsedArticle; raw: string; input: string };

/** Everything the store needs, computed without touching the store. */
export interface Analysed {
  /** Serialised here: a worker thread then passes one string, not the analysis objects. */
  article: SerialisedArticle;
  raw: string;
  features: ClusterFeatures;
  /** `contentHash(article.text)`, made where the analysis ran. */
  contentHash: string;
}

export type AnalyseOutcome =
  ({ ok: true; input: string } & Analysed) | { ok: false; input: string; reason: string };

export function jobInput(job: AnalyseJob): string {
  return job.kind === 'file' || job.kind === 'html'
    ? job.path
    : job.kind === 'parsed'
      ? job.input
      : job.origin;
}

/**
 * Raw input → analysed article and its clustering features. No store, no shared state:
 * this is what runs in the worker threads, so anything added to analysis (entities,
 * quotes, time) runs in parallel for free.
 */
export async function runAnalyseJob(job: AnalyseJob): Promise<AnalyseOutcome> {
  const input = jobInput(job);
  try {
    const { article, raw } = await analyseJob(job, input);
    return {
      ok: true,
      input,
      article: serialiseArticle(article),
      raw,
      features: clusterFeatures(article),
      contentHash: contentHash(article.text),
    };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, input: err.input, reason: err.reason };
    return { ok: false, input, reason: `internal error: ${(err as Error).message}` };
  }
}

// Synchronous reads, as readTextInput's: the analysis right after blocks this thread far longer.
async function analyseJob(
  job: AnalyseJob,
  input: string,
): Promise<{ article: AnalysedArticle; raw: string }> {
  if (job.kind === 'parsed') return { article: analyseParsed(job.parsed, input), raw: job.raw };
  if (job.kind === 'text') {
    const context = {
      origin: job.origin,
      ...(job.source ? { source: job.source } : {}),
      ...(job.fileYear !== undefined ? { fileYear: job.fileYear } : {}),
    };
    return { article: analyseText(job.raw, context), raw: job.raw };
  }
  const { bytes, info } = readInputBytes(job.path, job.gzip ?? false);
  const { parsed, raw } = articleFromBytes(job.path, bytes, job.kind === 'html' ? 'html' : 'text', {
    ...(job.source ? { source: job.source } : {}),
    fileYear: info.mtime.getUTCFullYear(),
  });
  return { article: analyseParsed(parsed, input), raw };
}

/**
 * Reads and decodes one text file (size, encoding checks); analysis can happen elsewhere.
 * Synchronous reads: an article is a few KB, and the promise round trips cost more CPU than
 * the read (0.1 ms a file); analysis right after blocks this thread far longer anyway.
 */
export async function readTextInput(
  file: string,
  source?: string,
): Promise<{ raw: string; context: TextContext }> {
  const { bytes, info } = readInputBytes(file, false);
  const raw = decodeText(file, bytes);
  return {
    raw,
    context: { origin: file, ...(source ? { source } : {}), fileYear: info.mtime.getUTCFullYear() },
  };
}

/** A file's bytes within the one-article limit (a gzip file's, unpacked within it too). */
function readInputBytes(file: string, gzip: boolean): { bytes: Uint8Array; info: Stats } {
  const info = statSync(file);
  if (info.size === 0) throw new InputError(file, 'empty file');
  checkArticleSize(file, info.size);
  const bytes = readFileSync(file);
  return { bytes: gzip ? gunzipLimited(file, bytes) : bytes, info };
}

/** Parses and analyses decoded text; refuses a text with nothing to analyse. */
export function analyseText(raw: string, context: TextContext): AnalysedArticle {
  return analyseParsed(parseTextArticle(raw, context), context.origin);
}

/** Analyses a parsed article (text, HTML, feed item); refuses one with no body sentences. */
export function analyseParsed(parsed: ParsedArticle, input: string): AnalysedArticle {
  const article = analyseArticle(parsed);
  if (article.sentences.length === 0)
    throw new InputError(input, 'no article text (nothing but headers or artifacts)');
  return article;
}
