import type { Readable } from 'node:stream';
import { gzipFailure } from '../1-ingest/gzip-failure.js';
import { InputError } from '../1-ingest/input-error.js';
import { recordArticle } from '../1-ingest/jsonl/jsonl-record.js';
import { readLines } from '../1-ingest/jsonl/read-lines.js';
import type { AnalyseJob } from './analyse-job.js';
import { analyseInOrder } from './analyse-pool.js';
import type { IngestRun } from './ingest-run.js';

/**
 * Ingests a JSON Lines stream one line at a time: memory stays bounded by the
 * longest line (times the jobs in flight), whatever the file's size. A bad line is a
 * failure named "file:line" and the next line is read; a stream error (truncated gzip)
 * ends this input after what was read. With more than one thread the records are
 * analysed in the worker pool and stored in line order.
 */
export async function ingestJsonl(run: IngestRun, input: string, stream: Readable): Promise<void> {
  let last = 0;
  const threads = run.options.threads ?? 1;
  try {
    const records = parsedRecords(run, input, stream, (n) => (last = n));
    if (threads > 1) {
      for await (const outcome of analyseInOrder(records, threads)) {
        if (run.stopped) break;
        await run.outcome(outcome);
      }
      return;
    }
    for await (const r of records) await run.article(r.input, r.parsed, r.raw);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code?.startsWith('Z_')
      ? gzipFailure(err)
      : `read error (${(err as Error).message})`;
    run.fail(new InputError(input, `${reason} after line ${last}`), input);
  } finally {
    stream.destroy();
  }
}

/**
 * The stream's records as analysis jobs, read as they are asked for; a bad line is reported
 * as it is read. Stops when the run is stopped.
 */
async function* parsedRecords(
  run: IngestRun,
  input: string,
  stream: Readable,
  reached: (lineNo: number) => void,
): AsyncGenerator<Extract<AnalyseJob, { kind: 'parsed' }>> {
  const source = run.options.source;
  for await (const line of readLines(stream)) {
    reached(line.lineNo);
    if (run.stopped) return;
    const name = `${input}:${line.lineNo}`;
    if ('error' in line) {
      run.fail(new InputError(name, line.error), name);
      continue;
    }
    if (line.text.trim() === '') continue;
    try {
      const parsed = recordArticle(name, line.text, source ? { source } : {});
      yield { kind: 'parsed', parsed, raw: line.text, input: name };
    } catch (err) {
      run.fail(err, name);
    }
  }
}
