import type PgBoss from 'pg-boss';
import { ARTICLE_QUEUE, QUEUE_SCHEMA } from './queue.js';

export interface FailedJob {
  id: string;
  /** The file or URL the article came from. */
  origin: string | null;
  reason: string;
  /** Retries made before giving up. */
  retries: number;
  failedAt: string;
}

/**
 * Jobs that failed for good, newest first — from the live table and from pg-boss's archive
 * (where it moves finished jobs after a while).
 */
export async function listFailedJobs(boss: PgBoss, limit = 100): Promise<FailedJob[]> {
  const columns = `id::text, data->'context'->>'origin' AS origin,
      COALESCE(output->>'message', output->'value'->>'message', output::text) AS reason,
      retry_count, completed_on`;
  const { rows } = await boss.getDb().executeSql(
    `SELECT * FROM (
       SELECT ${columns} FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state = 'failed'
       UNION ALL
       SELECT ${columns} FROM ${QUEUE_SCHEMA}.archive WHERE name = $1 AND state = 'failed'
     ) f ORDER BY completed_on DESC, id LIMIT $2`,
    [ARTICLE_QUEUE, limit],
  );
  return rows.map((r) => ({
    id: r.id as string,
    origin: (r.origin as string | null) ?? null,
    reason: (r.reason as string | null) ?? '(no reason recorded)',
    retries: r.retry_count as number,
    failedAt: new Date(r.completed_on as string).toISOString(),
  }));
}

/** Jobs of the article queue by state (created, retry, active, completed, failed…). */
export async function jobCounts(boss: PgBoss): Promise<Record<string, number>> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT state::text, COUNT(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1 GROUP BY state ORDER BY state`,
      [ARTICLE_QUEUE],
    );
  const out: Record<string, number> = {};
  for (const r of rows) out[r.state as string] = r.n as number;
  return out;
}

/** The state and output of given jobs (to wait for the ones just enqueued). */
export async function jobStates(
  boss: PgBoss,
  ids: string[],
): Promise<Array<{ id: string; state: string; output: Record<string, unknown> | null }>> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT id::text, state::text, output FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])`,
      [ARTICLE_QUEUE, ids],
    );
  return rows as Array<{ id: string; state: string; output: Record<string, unknown> | null }>;
}
