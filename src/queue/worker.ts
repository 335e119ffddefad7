import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { InputError } from '../1-ingest/input-error.js';
import type { Store } from '../6-store/store.js';
import { parseArticleJob, type ArticleJobOutput } from './jobs.js';
import { processArticleJob } from './process-article.js';
import { completeJobs, releaseJobs } from './complete.js';
import { ARTICLE_QUEUE, QUEUE_SCHEMA } from './queue.js';

export interface WorkerOptions {
  /** Jobs processed at once by this process. */
  concurrency: number;
  /** Jobs taken per fetch; their completions are also sent together. */
  batchSize: number;
  /** Wait between polls when the queue is empty. */
  pollIntervalMs: number;
  /** On shutdown, how long in-flight jobs may take before they are handed back to the queue. */
  shutdownTimeoutMs: number;
  /** Stop by itself once no job is waiting, retrying or running anywhere (batch runs). */
  untilEmpty?: boolean;
  onJob?: (event: JobEvent) => void;
}

export type JobEvent =
  | { jobId: string; outcome: 'done'; output: ArticleJobOutput; ms: number }
  | { jobId: string; outcome: 'failed'; reason: string; final: boolean; ms: number };

export const WORKER_DEFAULTS: WorkerOptions = {
  concurrency: 2,
  batchSize: 4,
  pollIntervalMs: 1000,
  shutdownTimeoutMs: 20_000,
};

/**
 * Takes article jobs from the queue and processes them, `concurrency` at a time.
 *
 * A job is marked complete only after the store's transaction has committed, so a worker
 * killed at any point leaves either nothing (the job expires and is retried) or a committed
 * article whose retry is recognised as a duplicate by its content hash.
 * Our own fetch loop rather than `boss.work`: that one waits a full polling interval after
 * every batch even when more jobs are waiting, and does not await completion.
 */
export class ArticleWorker {
  private stopping = false;
  private readonly wake = new AbortController();
  private readonly inFlight = new Set<string>();
  private slots: Promise<void>[] = [];
  readonly counts = { done: 0, failed: 0 };
  /** Where this worker's time went (summed over jobs): queue round trips, analysis, store. */
  readonly timings = { fetchMs: 0, idleMs: 0, analyseMs: 0, storeMs: 0, completeMs: 0 };

  constructor(
    private readonly boss: PgBoss,
    private readonly store: Store,
    private readonly options: WorkerOptions = WORKER_DEFAULTS,
  ) {}

  /** Starts the fetch loops; resolves when they have all stopped (after `stop`). */
  start(): Promise<void> {
    for (let i = 0; i < this.options.concurrency; i++) this.slots.push(this.loop());
    return Promise.all(this.slots).then(() => undefined);
  }

  /**
   * Graceful shutdown: no new jobs are taken; in-flight ones may finish within the timeout,
   * then whatever is still running is handed back to the queue for another worker.
   * Returns the number of jobs handed back.
   */
  async stop(): Promise<number> {
    this.stopping = true;
    this.wake.abort();
    const finished = Promise.all(this.slots).then(() => true);
    const timedOut = sleep(this.options.shutdownTimeoutMs, false, { ref: false });
    if (await Promise.race([finished, timedOut])) return 0;
    const left = [...this.inFlight];
    for (const id of left) {
      await this.boss.fail(ARTICLE_QUEUE, id, {
        message: 'worker shut down before the job finished; returned to the queue',
      });
    }
    return left.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let jobs: PgBoss.Job<unknown>[] = [];
      const t0 = performance.now();
      try {
        jobs = await this.boss.fetch<unknown>(ARTICLE_QUEUE, { batchSize: this.options.batchSize });
      } catch {
        jobs = []; // the database is unreachable: wait and poll again
      }
      this.timings.fetchMs += performance.now() - t0;
      if (!jobs.length) {
        if (this.options.untilEmpty && (await this.queueDrained())) {
          this.stopping = true;
          this.wake.abort();
          break;
        }
        const t1 = performance.now();
        await sleep(this.options.pollIntervalMs, undefined, { signal: this.wake.signal }).catch(
          () => {},
        );
        this.timings.idleMs += performance.now() - t1;
        continue;
      }
      for (const job of jobs) this.inFlight.add(job.id);
      const done: Array<{ id: string; output: ArticleJobOutput }> = [];
      try {
        for (const job of jobs) {
          if (this.stopping) break;
          const output = await this.run(job);
          if (output) done.push({ id: job.id, output });
        }
      } finally {
        // Complete only after the articles are committed: one round trip for the batch.
        const t1 = performance.now();
        try {
          await completeJobs(this.boss, done);
        } catch {
          // Cannot reach the queue: the jobs expire and are retried, then found as duplicates.
        }
        this.timings.completeMs += performance.now() - t1;
        const unstarted = jobs.filter(
          (j) => this.inFlight.has(j.id) && !done.some((d) => d.id === j.id),
        );
        await releaseJobs(
          this.boss,
          unstarted.map((j) => j.id),
        ).catch(() => {});
        for (const job of jobs) this.inFlight.delete(job.id);
      }
    }
  }

  /** Processes one job; returns its output, or null after recording a failure. */
  private async run(job: PgBoss.Job<unknown>): Promise<ArticleJobOutput | null> {
    const started = performance.now();
    try {
      const output = await processArticleJob(this.store, parseArticleJob(job.data), this.timings);
      this.counts.done++;
      this.options.onJob?.({
        jobId: job.id,
        outcome: 'done',
        output,
        ms: performance.now() - started,
      });
      return output;
    } catch (err) {
      const reason = err instanceof InputError ? err.reason : (err as Error).message;
      // Bad input fails the same way every time: do not retry it, send it straight to the dead letters.
      const final = err instanceof InputError || /^job (data|has)|unknown job kind/.test(reason);
      this.counts.failed++;
      try {
        if (final) await this.noMoreRetries(job.id);
        await this.boss.fail(ARTICLE_QUEUE, job.id, { message: reason, final });
      } catch {
        // Cannot reach the queue: the job stays active, expires and is retried.
      }
      this.inFlight.delete(job.id);
      this.options.onJob?.({
        jobId: job.id,
        outcome: 'failed',
        reason,
        final,
        ms: performance.now() - started,
      });
      return null;
    }
  }

  /** No job created, waiting for a retry or active in any worker. */
  private async queueDrained(): Promise<boolean> {
    try {
      return (await this.boss.getQueueSize(ARTICLE_QUEUE, { before: 'completed' })) === 0;
    } catch {
      return false;
    }
  }

  /** pg-boss retries while retry_count < retry_limit; equalising them makes the next failure final. */
  private async noMoreRetries(jobId: string): Promise<void> {
    await this.boss
      .getDb()
      .executeSql(
        `UPDATE ${QUEUE_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`,
        [ARTICLE_QUEUE, jobId],
      );
  }
}
