import { readFileSync, statSync } from 'node:fs';
import { checkArticleSize, decodeText } from '../1-ingest/decode-text.js';
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
  | { kind: 'file'; path: string; source?: string }
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
  return job.kind === 'file' ? job.path : job.kind === 'parsed' ? job.input : job.origin;
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

async function analyseJob(
  job: AnalyseJob,
  input: string,
): Promise<{ article: AnalysedArticle; raw: string }> {
  if (job.kind === 'parsed') return { article: analyseParsed(job.parsed, input), raw: job.raw };
  const { raw, context } =
    job.kind === 'file'
      ? await readTextInput(job.path, job.source)
      : {
          raw: job.raw,
          context: {
            origin: job.origin,
            ...(job.source ? { source: job.source } : {}),
            ...(job.fileYear !== undefined ? { fileYear: job.fileYear } : {}),
          },
        };
  return { article: analyseText(raw, context), raw };
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
  const info = statSync(file);
  checkArticleSize(file, info.size);
  const raw = decodeText(file, readFileSync(file));
  return {
    raw,
    context: { origin: file, ...(source ? { source } : {}), fileYear: info.mtime.getUTCFullYear() },
  };
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
