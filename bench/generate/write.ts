/**
 * Writes a generated stream to disk as plain-text files (one per article, in arrival order
 * by path) and as one JSONL file, plus a manifest saying how it was made.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  articleFile,
  articleJson,
  generateStream,
  STREAM_DEFAULTS,
  type StreamOptions,
} from './stream.js';

export interface StreamManifest {
  options: StreamOptions;
  articles: number;
  events: number;
  words: number;
  bytes: number;
  kinds: Record<string, number>;
}

/** Path of article `seq` under `dir/text`: 1,000 files per folder, sorted = arrival order. */
export function textPath(dir: string, seq: number): string {
  return join(
    dir,
    'text',
    String(Math.floor(seq / 1000)).padStart(4, '0'),
    `${String(seq).padStart(7, '0')}.txt`,
  );
}

/** Generates and writes the stream unless `dir` already holds one made with the same options. */
export function writeStream(dir: string, options: Partial<StreamOptions> = {}): StreamManifest {
  const o = { ...STREAM_DEFAULTS, ...options };
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const old = JSON.parse(readFileSync(manifestFile, 'utf8')) as StreamManifest;
    if (JSON.stringify(old.options) === JSON.stringify(o)) return old;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const jsonl = openSync(join(dir, 'stream.jsonl'), 'w');
  const events = new Set<string>();
  const kinds: Record<string, number> = {};
  let words = 0;
  let bytes = 0;
  let n = 0;
  for (const a of generateStream(o)) {
    const file = textPath(dir, a.seq);
    if (a.seq % 1000 === 0) mkdirSync(join(file, '..'), { recursive: true });
    const text = articleFile(a);
    writeFileSync(file, text);
    writeSync(jsonl, articleJson(a) + '\n');
    events.add(a.event);
    kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
    words += a.body.split(/\s+/).length;
    bytes += Buffer.byteLength(text);
    n++;
  }
  closeSync(jsonl);
  const manifest: StreamManifest = {
    options: o,
    articles: n,
    events: events.size,
    words,
    bytes,
    kinds,
  };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
