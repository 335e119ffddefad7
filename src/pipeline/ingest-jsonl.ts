import type { Readable } from 'node:stream';
import { gzipFailure } from '../1-ingest/gzip-failure.js';
import { InputError } from '../1-ingest/input-error.js';
import { recordArticle } from '../1-ingest/jsonl/jsonl-record.js';
import { readLines } from '../1-ingest/jsonl/read-lines.js';
import type { IngestRun } from './ingest-run.js';

/**
 * Ingests a JSON Lines stream one line at a time: memory stays bounded by the
 * longest line, whatever the file's size. A bad line is a failure named
 * "file:line" and the next line is read; a stream error (truncated gzip)
 * ends this input after what was read.
 */
export async function ingestJsonl(run: IngestRun, input: string, stream: Readable): Promise<void> {
  let last = 0;
  try {
    for await (const line of readLines(stream)) {
      last = line.lineNo;
      if (run.stopped) break;
      const name = `${input}:${line.lineNo}`;
      if ('error' in line) {
        run.fail(new InputError(name, line.error), name);
        continue;
      }
      if (line.text.trim() === '') continue;
      try {
        const source = run.options.source;
        const parsed = recordArticle(name, line.text, source ? { source } : {});
        await run.article(name, parsed, line.text);
      } catch (err) {
        run.fail(err, name);
      }
    }
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code?.startsWith('Z_')
      ? gzipFailure(err)
      : `read error (${(err as Error).message})`;
    run.fail(new InputError(input, `${reason} after line ${last}`), input);
  } finally {
    stream.destroy();
  }
}
