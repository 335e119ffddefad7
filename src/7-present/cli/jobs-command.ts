import { jobCounts, listFailedJobs } from '../../queue/failed-jobs.js';
import { ARTICLE_QUEUE } from '../../queue/queue.js';
import { intOption, withBoss, printQueueJson, type QueueCliContext } from './queue-context.js';

/** `parallax jobs`: the queue by state; `--failed`: the dead-letter list with reasons. */
export async function runJobs(ctx: QueueCliContext): Promise<number> {
  return withBoss(ctx, async (boss) => {
    if (ctx.values.failed) {
      const failed = await listFailedJobs(boss, intOption(ctx, 'limit', 100, 100_000));
      if (ctx.json) {
        printQueueJson(ctx, { schemaVersion: 1, failed });
        return 0;
      }
      for (const f of failed) {
        ctx.out(
          `${f.id}  ${f.failedAt}  ${f.origin ?? '(no origin)'}\n    ${f.reason} (after ${f.retries} ${f.retries === 1 ? 'retry' : 'retries'})\n`,
        );
      }
      ctx.out(`${failed.length} failed job${failed.length === 1 ? '' : 's'}\n`);
      return 0;
    }
    const counts = await jobCounts(boss);
    if (ctx.json) {
      printQueueJson(ctx, { schemaVersion: 1, queue: ARTICLE_QUEUE, counts });
      return 0;
    }
    const states = ['created', 'retry', 'active', 'completed', 'failed', 'cancelled'];
    ctx.out(`${ARTICLE_QUEUE}: ${states.map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}\n`);
    return 0;
  });
}
