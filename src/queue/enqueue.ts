import { randomBytes } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { InputError } from '../1-ingest/input-error.js';
import { walkInputs } from '../1-ingest/walk.js';
import { readTextInput } from '../pipeline/ingest.js';
import type { ArticleJob } from './jobs.js';
import { ARTICLE_QUEUE } from './queue.js';

export interface EnqueueReport {
  enqueued: Array<{ input: string; jobId: string }>;
  failed: Array<{ input: string; reason: string }>;
}

/** Jobs per INSERT: big enough to be fast, small enough to keep one statement modest. */
const BATCH = 200;

/**
 * Reads every file under `paths` and puts one job per article on the queue. Files are
 * decoded here (so unreadable ones are reported at once, as `parallax ingest` does);
 * analysis happens in the workers.
 */
export async function enqueuePaths(
  boss: PgBoss,
  paths: string[],
  options: { source?: string } = {},
): Promise<EnqueueReport> {
  const report: EnqueueReport = { enqueued: [], failed: [] };
  const { files, errors } = await walkInputs(paths);
  for (const e of errors) report.failed.push({ input: e.input, reason: e.reason });
  let batch: Array<{ input: string; job: ArticleJob }> = [];
  const flush = async () => {
    if (!batch.length) return;
    const ids = batch.map(() => orderedJobId());
    await boss.insert(batch.map((b, i) => ({ id: ids[i], name: ARTICLE_QUEUE, data: b.job })));
    batch.forEach((b, i) => report.enqueued.push({ input: b.input, jobId: ids[i]! }));
    batch = [];
  };
  for (const file of files) {
    try {
      const { raw, context } = await readTextInput(file, options.source);
      batch.push({ input: file, job: { kind: 'text', raw, context } });
    } catch (err) {
      if (err instanceof InputError) report.failed.push({ input: err.input, reason: err.reason });
      else report.failed.push({ input: file, reason: `cannot read: ${(err as Error).message}` });
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}

/** Puts already-read articles on the queue (used by tests and benchmarks). */
export async function enqueueArticles(boss: PgBoss, jobs: ArticleJob[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < jobs.length; i += BATCH) {
    const part = jobs.slice(i, i + BATCH).map((data) => ({
      id: orderedJobId(),
      name: ARTICLE_QUEUE,
      data,
    }));
    await boss.insert(part);
    ids.push(...part.map((p) => p.id));
  }
  return ids;
}

let lastMs = 0;
let counter = 0;

/**
 * A UUID whose byte order follows creation order (time, then a counter), like UUIDv7.
 * pg-boss hands out jobs by creation time, then id, and one INSERT gives all its jobs the
 * same creation time; ordered ids keep a single worker processing files in the order given.
 */
export function orderedJobId(): string {
  const now = Date.now();
  counter = now === lastMs ? counter + 1 : 0;
  lastMs = now;
  const hex =
    now.toString(16).padStart(12, '0') +
    (0x7000 | (counter & 0xfff)).toString(16) +
    ((0x8000 | (counter >>> 12)) & 0xbfff).toString(16).padStart(4, '0') +
    randomBytes(6).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
