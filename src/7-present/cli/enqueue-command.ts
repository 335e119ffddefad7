import { setTimeout as sleep } from 'node:timers/promises';
import { enqueuePaths } from '../../queue/enqueue.js';
import { jobStates } from '../../queue/failed-jobs.js';
import { ARTICLE_QUEUE } from '../../queue/queue.js';
import { withBoss, printQueueJson, type QueueCliContext } from './queue-context.js';
import { UsageError } from './usage.js';

/**
 * `parallax ingest` with PostgreSQL: each file becomes a job for the workers.
 * `--wait` blocks until the workers have processed these jobs and reports each one.
 */
export async function runEnqueue(ctx: QueueCliContext): Promise<number> {
  if (ctx.positionals.length === 0) throw new UsageError('give at least one file or folder');
  return withBoss(ctx, async (boss) => {
    const report = await enqueuePaths(boss, ctx.positionals, {
      ...(typeof ctx.values.source === 'string' ? { source: ctx.values.source } : {}),
    });
    for (const f of report.failed) ctx.err(`! ${f.input}: ${f.reason}\n`);
    if (!ctx.values.wait) {
      if (ctx.json) printQueueJson(ctx, { schemaVersion: 1, queue: ARTICLE_QUEUE, ...report });
      else
        ctx.out(
          `${report.enqueued.length} queued for the workers (parallax worker), ${report.failed.length} failed\n`,
        );
      return report.enqueued.length > 0 ? 0 : 1;
    }
    const ids = report.enqueued.map((e) => e.jobId);
    let states = await jobStates(boss, ids);
    while (states.some((s) => s.state !== 'completed' && s.state !== 'failed')) {
      await sleep(500);
      states = await jobStates(boss, ids);
    }
    const byId = new Map(states.map((s) => [s.id, s]));
    const results = report.enqueued.map((e) => ({ input: e.input, ...byId.get(e.jobId) }));
    if (ctx.json) {
      printQueueJson(ctx, { schemaVersion: 1, results, failed: report.failed });
    } else {
      for (const r of results) {
        const o = r.output ?? {};
        if (r.state === 'failed') ctx.err(`! ${r.input}: ${String(o.message ?? 'failed')}\n`);
        else if (o.status === 'added')
          ctx.out(
            `+ ${o.articleId} -> ${o.storyId}${o.newStory ? ' (new story)' : ''}  ${r.input}\n`,
          );
        else ctx.out(`= ${o.articleId} duplicate of stored article: ${r.input}\n`);
      }
      const count = (s: string) => results.filter((r) => r.output?.status === s).length;
      const failed = results.filter((r) => r.state === 'failed').length + report.failed.length;
      ctx.out(`${count('added')} new, ${count('duplicate')} duplicate, ${failed} failed\n`);
    }
    return results.some((r) => r.state === 'completed') ? 0 : 1;
  });
}
