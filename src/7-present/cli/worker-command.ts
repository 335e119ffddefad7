import { PostgresStore } from '../../6-store/postgres/postgres-store.js';
import { ensureQueues, startBoss } from '../../queue/queue.js';
import { ArticleWorker, WORKER_DEFAULTS, type JobEvent } from '../../queue/worker.js';
import { intOption, requireDatabaseUrl, type QueueCliContext } from './queue-context.js';

/**
 * `parallax worker [--concurrency N] [--until-empty]`: processes article jobs until SIGINT or
 * SIGTERM (or, with --until-empty, until the queue is drained). Any number of these may run on
 * any number of machines against one database.
 */
export async function runWorker(ctx: QueueCliContext): Promise<number> {
  const url = requireDatabaseUrl(ctx);
  const concurrency = intOption(ctx, 'concurrency', WORKER_DEFAULTS.concurrency, 64);
  const env = process.env;
  const maintenance = Number(env.PARALLAX_QUEUE_MAINTENANCE_SECONDS ?? 30);
  // Asynchronous commit is safe here: the job's completion is committed synchronously after it.
  const store = await PostgresStore.open({ url, poolSize: concurrency + 1, asyncCommit: true });
  const boss = await startBoss(
    { url, poolSize: concurrency + 2, maintenanceIntervalSeconds: maintenance },
    (e) => ctx.err(`parallax worker: queue error: ${e.message}\n`),
  );
  await ensureQueues(boss);
  const worker = new ArticleWorker(boss, store, {
    concurrency,
    batchSize: Number(env.PARALLAX_WORKER_BATCH ?? WORKER_DEFAULTS.batchSize),
    pollIntervalMs: Number(env.PARALLAX_WORKER_POLL_MS ?? WORKER_DEFAULTS.pollIntervalMs),
    shutdownTimeoutMs: Number(env.PARALLAX_WORKER_SHUTDOWN_MS ?? WORKER_DEFAULTS.shutdownTimeoutMs),
    untilEmpty: ctx.values['until-empty'] === true,
    onJob: (e) => ctx.out(ctx.json ? JSON.stringify({ schemaVersion: 1, ...e }) + '\n' : line(e)),
  });
  if (!ctx.json)
    ctx.err(`parallax worker: ${concurrency} at a time; Ctrl-C stops after in-flight jobs\n`);

  let handedBack = 0;
  let stopping: Promise<void> | null = null;
  const onSignal = (signal: string) => {
    if (stopping) {
      ctx.err(`parallax worker: ${signal} again, exiting now (in-flight jobs will be retried)\n`);
      process.exit(130);
    }
    ctx.err(`parallax worker: ${signal}: finishing in-flight jobs…\n`);
    stopping = worker.stop().then((n) => {
      handedBack = n;
    });
  };
  const int = () => onSignal('SIGINT');
  const term = () => onSignal('SIGTERM');
  process.on('SIGINT', int);
  process.on('SIGTERM', term);
  try {
    await worker.start();
    await stopping;
  } finally {
    process.off('SIGINT', int);
    process.off('SIGTERM', term);
    await boss.stop({ graceful: false, wait: true });
    // A job handed back may still be running here; never wait on it.
    if (handedBack === 0) await store.close();
    else setTimeout(() => process.exit(0), 1000).unref();
  }
  const summary = { ...worker.counts, ...worker.timings, ...store.timings };
  if (ctx.json) {
    ctx.out(JSON.stringify({ schemaVersion: 1, summary }) + '\n');
  } else {
    ctx.err(
      `parallax worker: stopped; ${worker.counts.done} done, ${worker.counts.failed} failed` +
        (handedBack ? `, ${handedBack} returned to the queue` : '') +
        '\n',
    );
  }
  return 0;
}

function line(e: JobEvent): string {
  if (e.outcome === 'failed')
    return `! ${e.jobId}: ${e.reason}${e.final ? ' (failed for good)' : ' (will retry)'}\n`;
  const o = e.output;
  return o.status === 'added'
    ? `+ ${o.articleId} -> ${o.storyId}${o.newStory ? ' (new story)' : ''}  ${o.origin}\n`
    : `= ${o.articleId} duplicate  ${o.origin}\n`;
}
