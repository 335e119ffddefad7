import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { jobInput, runAnalyseJob, type AnalyseJob, type AnalyseOutcome } from './analyse-job.js';

/**
 * Jobs in flight per worker: enough to hide message latency and the wait for the oldest job
 * (results are taken in input order), few enough to bound memory.
 */
const IN_FLIGHT_PER_WORKER = 8;

/** The default for `--threads`: one analysis thread per core. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

interface Pending {
  job: AnalyseJob;
  resolve: (o: AnalyseOutcome) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * A fixed set of worker threads running `runAnalyseJob`; results come back by job id.
 * An idle worker does not keep the process alive (it is unref'd while it holds no job),
 * so a pool can outlive one ingest and be reused by the next.
 */
export class AnalysePool {
  private readonly workers: Slot[] = [];
  private nextId = 0;
  private closedFlag = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./analyse-worker.js', import.meta.url));
    const slot: Slot = { worker, pending: new Map<number, Pending>() };
    worker.on('message', (msg: { id: number; outcome: AnalyseOutcome }) => {
      const p = slot.pending.get(msg.id);
      slot.pending.delete(msg.id);
      if (slot.pending.size === 0) worker.unref();
      p?.resolve(msg.outcome);
    });
    // A crashed worker fails only the jobs it held; a fresh one takes its place.
    const fail = (reason: string) => {
      for (const p of slot.pending.values())
        p.resolve({ ok: false, input: jobInput(p.job), reason: `internal error: ${reason}` });
      slot.pending.clear();
      const i = this.workers.indexOf(slot);
      if (i >= 0 && !this.closedFlag) this.workers[i] = this.spawn();
    };
    worker.on('error', (err) => fail(`analysis worker crashed: ${err.message}`));
    worker.on('exit', (code) => {
      if (!this.closedFlag) fail(`analysis worker exited with code ${code}`);
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    return slot;
  }

  run(job: AnalyseJob): Promise<AnalyseOutcome> {
    if (this.closedFlag) throw new Error('AnalysePool: closed');
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve) => {
      // A worker with work keeps the process alive until it answers.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { job, resolve });
      slot.worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closedFlag = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * The process's analysis pool, started on first use and kept between ingests: starting a
 * worker loads the language and entity models (seconds of CPU each), and a reused worker's
 * code is already compiled. Asking for another size replaces it.
 */
let shared: AnalysePool | null = null;

export function sharedAnalysePool(threads: number): AnalysePool {
  if (shared && !shared.closed && shared.size === threads) return shared;
  const old = shared;
  shared = new AnalysePool(threads);
  void old?.close();
  return shared;
}

/** Stops the shared pool's workers (the next ingest starts new ones). */
export async function closeSharedAnalysePool(): Promise<void> {
  const old = shared;
  shared = null;
  await old?.close();
}

/** Analyses one job: inline with one thread, in the shared pool with more. */
export function analyseOne(job: AnalyseJob, threads: number): Promise<AnalyseOutcome> {
  return threads <= 1 ? runAnalyseJob(job) : sharedAnalysePool(threads).run(job);
}

/**
 * Analyses `jobs` and yields the outcomes in job order, so the caller can store them in
 * arrival order on its own thread. `threads` ≤ 1 analyses inline; more runs the shared
 * worker pool with a bounded number of jobs in flight (the consumer's pace limits memory).
 * The jobs may come from a stream (a JSONL dump read line by line): they are pulled only as
 * room frees up.
 */
export async function* analyseInOrder(
  jobs: Iterable<AnalyseJob> | AsyncIterable<AnalyseJob>,
  threads: number,
): AsyncGenerator<AnalyseOutcome> {
  if (threads <= 1) {
    for await (const job of jobs) yield await runAnalyseJob(job);
    return;
  }
  const source =
    Symbol.asyncIterator in jobs ? jobs[Symbol.asyncIterator]() : jobs[Symbol.iterator]();
  const queue: Array<Promise<AnalyseOutcome>> = [];
  const limit = threads * IN_FLIGHT_PER_WORKER;
  let pool: AnalysePool | null = null;
  let done = false;
  // A source that fails (a truncated gzip) still has its jobs so far stored first.
  let failure: { error: unknown } | null = null;
  const fill = async () => {
    while (!done && queue.length < limit) {
      let next: IteratorResult<AnalyseJob>;
      try {
        next = await source.next();
      } catch (error) {
        failure = { error };
        done = true;
        return;
      }
      if (next.done) done = true;
      // Started on the first job: an empty input starts no workers.
      else queue.push((pool ??= sharedAnalysePool(threads)).run(next.value));
    }
  };
  try {
    await fill();
    while (queue.length) {
      const outcome = await queue.shift()!;
      await fill();
      yield outcome;
    }
    if (failure) throw (failure as { error: unknown }).error;
  } finally {
    // Stopped early: let the source clean up (a JSONL stream closes its file).
    if (!done) await source.return?.();
  }
}
