import { randomUUID } from 'node:crypto';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job<R> {
  id: string;
  kind: string;
  status: JobStatus;
  createdAt: string;
  finishedAt: string | null;
  result: R | null;
  error: string | null;
}

/**
 * An in-process job runner: jobs run one at a time in arrival order, so the
 * store sees one writer from this process. Finished jobs are kept (up to
 * `keep`) so clients can poll their status.
 */
export class JobRunner<R> {
  private readonly jobs = new Map<string, Job<R>>();
  private queue: Array<{ job: Job<R>; work: () => Promise<R> }> = [];
  private running = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly keep = 1000) {}

  submit(kind: string, work: () => Promise<R>): Job<R> {
    const job: Job<R> = {
      id: `j_${randomUUID()}`,
      kind,
      status: 'queued',
      createdAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.prune();
    this.queue.push({ job, work });
    void this.drain();
    return job;
  }

  get(id: string): Job<R> | null {
    return this.jobs.get(id) ?? null;
  }

  /** Resolves when no job is queued or running (used on shutdown and in tests). */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.queue.length) {
      const { job, work } = this.queue.shift()!;
      job.status = 'running';
      try {
        job.result = await work();
        job.status = 'done';
      } catch (e) {
        job.error = (e as Error).message;
        job.status = 'failed';
      }
      job.finishedAt = new Date().toISOString();
    }
    this.running = false;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private prune(): void {
    if (this.jobs.size <= this.keep) return;
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.keep) break;
      if (job.status === 'done' || job.status === 'failed') this.jobs.delete(id);
    }
  }
}
