import type PgBoss from 'pg-boss';
import { ARTICLE_QUEUE, QUEUE_SCHEMA } from './queue.js';

/*
 * Two operations pg-boss 10 has no batch form for, written against its job table (the same
 * statements its own complete/fail use). pg-boss is pinned to major version 10 in package.json.
 */

/** Marks active jobs completed, each with its own output, in one statement. */
export async function completeJobs(
  boss: PgBoss,
  done: Array<{ id: string; output: unknown }>,
): Promise<void> {
  if (!done.length) return;
  await boss.getDb().executeSql(
    `UPDATE ${QUEUE_SCHEMA}.job j SET completed_on = now(), state = 'completed', output = x.output
       FROM unnest($2::uuid[], $3::jsonb[]) AS x(id, output)
       WHERE j.name = $1 AND j.id = x.id AND j.state = 'active'`,
    [ARTICLE_QUEUE, done.map((d) => d.id), done.map((d) => JSON.stringify(d.output))],
  );
}

/**
 * Hands fetched but unstarted jobs back to the queue (on shutdown) without counting an attempt:
 * another worker takes them at once.
 */
export async function releaseJobs(boss: PgBoss, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await boss.getDb().executeSql(
    `UPDATE ${QUEUE_SCHEMA}.job SET state = 'retry', started_on = NULL, start_after = now()
       WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
    [ARTICLE_QUEUE, ids],
  );
}
