import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeText, MAX_TEXT_BYTES } from '../1-ingest/decode-text.js';
import { InputError } from '../1-ingest/input-error.js';
import { parseTextArticle, type TextContext } from '../1-ingest/text-metadata.js';
import { walkInputs } from '../1-ingest/walk.js';
import { analyseArticle } from '../3-analyse/analyse.js';
import type { AnalysedArticle } from '../types.js';
import { analyseInOrder } from './analyse-pool.js';
import type { AnalyseOutcome } from './analyse-job.js';
import { ingestFile, sniffFile } from './ingest-file.js';
import { IngestRun, type IngestOptions, type IngestReport } from './ingest-run.js';
import { ingestUrl, isUrl } from './ingest-web.js';

export { storeArticle, IngestRun } from './ingest-run.js';
export type {
  AddedItem,
  IngestedItem,
  IngestOptions,
  IngestProgress,
  IngestReport,
  StoreResult,
} from './ingest-run.js';

/**
 * Ingests files, folders (walked recursively) and http(s) URLs. Each input is
 * dispatched by what it is (text, HTML, feed, OPML, JSONL, gzip), judged by
 * content as well as name. One bad input never stops the rest.
 */
export async function ingestPaths(
  store: IngestRun['store'],
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const run = new IngestRun(store, options);
  const targets: string[] = [];
  const excluded = new Set((options.exclude ?? []).map((f) => resolve(f)));
  for (const path of paths) {
    if (isUrl(path)) {
      targets.push(path);
      continue;
    }
    const { files, errors } = await walkInputs([path]);
    for (const e of errors) run.fail(e, e.input);
    targets.push(...files.filter((f) => !excluded.has(resolve(f))));
  }
  run.inputsTotal = targets.length;
  const pooled = await pooledTextFiles(targets, options.threads ?? 1);
  const analysed = analyseInOrder(
    pooled.map((path) => ({ kind: 'file' as const, path, source: options.source })),
    options.threads ?? 1,
  );
  const pooledSet = new Set(pooled);
  try {
    for (const target of targets) {
      if (run.stopped) break;
      run.current = target;
      try {
        if (pooledSet.has(target)) await storeOutcome(run, (await analysed.next()).value!);
        else if (isUrl(target)) await ingestUrl(run, target);
        else await ingestFile(run, target);
      } catch (err) {
        run.fail(err, target);
      }
      run.inputsDone++;
    }
  } finally {
    await analysed.return(undefined);
  }
  run.progress();
  return run.report;
}

/**
 * With more than one thread, plain-text files are analysed ahead in a worker pool
 * (outcomes come back in input order, so stories are assigned in arrival order);
 * other inputs (HTML, feeds, dumps, URLs) are read on this thread.
 */
async function pooledTextFiles(targets: string[], threads: number): Promise<string[]> {
  if (threads <= 1) return [];
  const out: string[] = [];
  for (const t of targets) if (!isUrl(t) && (await sniffFile(t)) === 'text') out.push(t);
  return out;
}

async function storeOutcome(run: IngestRun, outcome: AnalyseOutcome): Promise<void> {
  if (!outcome.ok) run.fail(new InputError(outcome.input, outcome.reason), outcome.input);
  else await run.analysed(outcome.input, outcome.article, outcome.raw, outcome.features);
}

/** Reads one plain-text article from disk and analyses it (no store involved). */
export async function readTextArticle(
  file: string,
  source?: string,
): Promise<{ article: AnalysedArticle; raw: string }> {
  const { raw, context } = await readTextInput(file, source);
  return { article: analyseText(raw, context), raw };
}

/** Reads and decodes one text file (size, encoding checks); analysis can happen elsewhere. */
export async function readTextInput(
  file: string,
  source?: string,
): Promise<{ raw: string; context: TextContext }> {
  const info = await stat(file);
  if (info.size > MAX_TEXT_BYTES) {
    throw new InputError(
      file,
      `file too large (${(info.size / 1048576).toFixed(0)} MB; the limit for one article is ${MAX_TEXT_BYTES / 1048576} MB)`,
    );
  }
  const raw = decodeText(file, await readFile(file));
  return {
    raw,
    context: { origin: file, ...(source ? { source } : {}), fileYear: info.mtime.getUTCFullYear() },
  };
}

/** Parses and analyses decoded text; refuses a text with nothing to analyse. */
export function analyseText(raw: string, context: TextContext): AnalysedArticle {
  const article = analyseArticle(parseTextArticle(raw, context));
  if (article.sentences.length === 0)
    throw new InputError(context.origin, 'no article text (nothing but headers or artifacts)');
  return article;
}
