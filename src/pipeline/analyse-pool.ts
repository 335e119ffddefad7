import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { jobInput, runAnalyseJob, type AnalyseJob, type AnalyseOutcome } from './analyse-job.js';

/** Jobs in flight per worker: enough to hide message latency, few enough to bound memory. */
const IN_FLIGHT_PER_WORKER = 4;

/** The default for `--threads`: one analysis thread per core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

interface Pending {
  job: AnalyseJob;
  resolve: (o: AnalyseOutcome) => void;
}

/** A fixed set of worker threads running `runAnalyseJob`; results come back by job id. */
export class AnalysePool {
  private readonly workers: Array<{ worker: Worker; pending: Map<number, Pending> }> = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  private spawn() {
    const worker = new Worker(new URL('./analyse-worker.js', import.meta.url));
    const slot = { worker, pending: new Map<number, Pending>() };
    worker.on('message', (msg: { id: number; outcome: AnalyseOutcome }) => {
      const p = slot.pending.get(msg.id);
      slot.pending.delete(msg.id);
      p?.resolve(msg.outcome);
    });
    // A crashed worker fails only the jobs it held; a fresh one takes its place.
    const fail = (reason: string) => {
      for (const p of slot.pending.values())
        p.resolve({ ok: false, input: jobInput(p.job), reason: `internal error: ${reason}` });
      slot.pending.clear();
      const i = this.workers.indexOf(slot);
      if (i >= 0 && !this.closed) this.workers[i] = this.spawn();
    };
    worker.on('error', (err) => fail(`analysis worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.closed) fail(`analysis worker exited with code ${code}`);
    });
    return slot;
  }

  run(job: AnalyseJob): Promise<AnalyseOutcome> {
    if (this.closed) throw new Error('AnalysePool: closed');
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.pending.set(id, { job, resolve });
      slot.worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * Analyses `jobs` and yields the outcomes in job order, so the caller can store them in
 * arrival order on its own thread. `threads` ≤ 1 analyses inline; more runs a worker pool
 * with a bounded number of jobs in flight (the consumer's pace limits memory).
 */
export async function* analyseInOrder(
  jobs: Iterable<AnalyseJob>,
  threads: number,
): AsyncGenerator<AnalyseOutcome> {
  if (threads <= 1) {
    for (const job of jobs) yield await runAnalyseJob(job);
    return;
  }
  const pool = new AnalysePool(threads);
  try {
    const queue: Array<Promise<AnalyseOutcome>> = [];
    const source = jobs[Symbol.iterator]();
    const limit = threads * IN_FLIGHT_PER_WORKER;
    const fill = () => {
      while (queue.length < limit) {
        const next = source.next();
        if (next.done) return;
        queue.push(pool.run(next.value));
      }
    };
    fill();
    while (queue.length) {
      const outcome = await queue.shift()!;
      fill();
      yield outcome;
    }
  } finally {
    await pool.close();
  }
}
