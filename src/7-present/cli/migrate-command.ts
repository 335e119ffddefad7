import { openPool, redactUrl } from '../../6-store/postgres/connection.js';
import { migratePostgres } from '../../6-store/postgres/migrate.js';
import { QUEUE_SCHEMA } from '../../queue/queue.js';
import {
  requireDatabaseUrl,
  withBoss,
  printQueueJson,
  type QueueCliContext,
} from './queue-context.js';

/** Brings the store's tables and the job queue's schema up to date. Safe to run repeatedly. */
export async function runMigrate(ctx: QueueCliContext): Promise<number> {
  const url = requireDatabaseUrl(ctx);
  const pool = openPool({ url, poolSize: 1 });
  let applied: number[];
  let version: number;
  try {
    applied = await migratePostgres(pool);
    version = Number(
      (await pool.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations')).rows[0].v,
    );
  } finally {
    await pool.end();
  }
  await withBoss(ctx, async () => {}); // pg-boss creates or upgrades its schema on start
  if (ctx.json) {
    printQueueJson(ctx, {
      schemaVersion: 1,
      applied,
      storeVersion: version,
      queueSchema: QUEUE_SCHEMA,
    });
  } else {
    ctx.out(
      `${redactUrl(url)}: store schema at version ${version}` +
        (applied.length ? ` (applied ${applied.join(', ')})` : ' (up to date)') +
        `; job queue ready in schema ${QUEUE_SCHEMA}\n`,
    );
  }
  return 0;
}
