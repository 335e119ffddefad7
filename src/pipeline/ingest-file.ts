import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { checkArticleSize } from '../1-ingest/decode-text.js';
import { InputError } from '../1-ingest/input-error.js';
import { sniffKind, SNIFF_BYTES } from '../1-ingest/sniff.js';
import type { IngestRun } from './ingest-run.js';
import { ingestJsonl } from './ingest-jsonl.js';
import { ingestBytes } from './ingest-web.js';

/**
 * Ingests one file by what its content is (text, HTML, feed, OPML, JSONL, gzip
 * of those). JSONL streams; everything else must fit the one-article limit,
 * checked before reading so a 2 GB file costs nothing.
 */
export async function ingestFile(run: IngestRun, file: string): Promise<void> {
  const info = await stat(file);
  if (info.size === 0) throw new InputError(file, 'empty file');
  const head = readHead(file);
  const kind = sniffKind(head, file);
  if (kind === 'jsonl') {
    const stream = createReadStream(file);
    return streamDump(run, file, stream, () => stream.bytesRead / info.size);
  }
  if (kind === 'gzip') {
    if ((await sniffGzipped(file)) === 'jsonl') {
      const raw = createReadStream(file);
      return streamDump(run, file, gunzipStream(raw), () => raw.bytesRead / info.size);
    }
  }
  checkArticleSize(file, info.size);
  await ingestBytes(run, file, await readFile(file), kind, {
    fileYear: info.mtime.getUTCFullYear(),
  });
}

/** What a file's first bytes say it is (null when it cannot be read: ingestFile reports why). */
export async function sniffFile(file: string): Promise<ReturnType<typeof sniffKind> | null> {
  try {
    return sniffKind(readHead(file), file);
  } catch {
    return null;
  }
}

async function streamDump(
  run: IngestRun,
  file: string,
  stream: Readable,
  fraction: () => number,
): Promise<void> {
  run.currentFraction = fraction;
  try {
    await ingestJsonl(run, file, stream);
  } finally {
    run.currentFraction = null;
  }
}

// Synchronous: 4 KB from a local file, and three promise round trips cost more CPU than the
// read (the main thread sniffs every input of an ingest).
function readHead(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const bytesRead = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    closeSync(fd);
  }
}

/** What a gzip file holds, judged by its first decompressed bytes. */
export async function sniffGzipped(file: string): Promise<ReturnType<typeof sniffKind>> {
  return sniffKind(await gunzipHead(file), file.replace(/\.gz$/i, ''));
}

/** The first decompressed bytes of a gzip file (empty when it is unreadable: the full read reports why). */
async function gunzipHead(file: string): Promise<Uint8Array> {
  const stream = gunzipStream(createReadStream(file));
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= SNIFF_BYTES) break;
    }
  } catch {
    // Truncated or corrupt: sniff what we got.
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, SNIFF_BYTES);
}

function gunzipStream(source: Readable): Readable {
  const gunzip = createGunzip();
  pipeline(source, gunzip, () => undefined);
  return gunzip;
}
