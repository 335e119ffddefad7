import { resolve } from 'node:path';
import { walkInputs } from '../1-ingest/walk.js';
import { analyseInOrder } from './analyse-pool.js';
import { ingestFile, sniffFile, sniffGzipped } from './ingest-file.js';
import { IngestRun, type IngestOptions, type IngestReport } from './ingest-run.js';
import { ingestUrl, isUrl } from './ingest-web.js';

export { storeArticle, IngestRun } from './ingest-run.js';
export { analyseText, readTextInput } from './analyse-job.js';
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
  const pooled = await pooledFiles(targets, options.threads ?? 1);
  const analysed = analyseInOrder(
    pooled.map(({ path, kind, gzip }) => ({ kind, path, gzip, source: options.source })),
    options.threads ?? 1,
  );
  const pooledSet = new Set(pooled.map((p) => p.path));
  try {
    for (const target of targets) {
      if (run.stopped) break;
      run.current = target;
      try {
        if (pooledSet.has(target)) await run.outcome((await analysed.next()).value!);
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
 * With more than one thread, plain-text and HTML files (gzipped or not) are read and
 * analysed ahead in a worker pool (outcomes come back in input order, so stories are assigned in arrival
 * order); JSONL dumps use the pool record by record (ingest-jsonl.ts); other inputs (feeds,
 * OPML, URLs) are analysed on this thread.
 */
async function pooledFiles(
  targets: string[],
  threads: number,
): Promise<Array<{ path: string; kind: 'file' | 'html'; gzip: boolean }>> {
  if (threads <= 1) return [];
  const out: Array<{ path: string; kind: 'file' | 'html'; gzip: boolean }> = [];
  for (const t of targets) {
    if (isUrl(t)) continue;
    let kind = await sniffFile(t);
    const gzip = kind === 'gzip';
    if (gzip) kind = await sniffGzipped(t).catch(() => null);
    if (kind === 'text') out.push({ path: t, kind: 'file', gzip });
    else if (kind === 'html') out.push({ path: t, kind: 'html', gzip });
  }
  return out;
}
