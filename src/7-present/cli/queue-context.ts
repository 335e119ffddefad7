import type PgBoss from 'pg-boss';
import { ensureQueues, startBoss } from '../../queue/queue.js';
import { UsageError } from './usage.js';

/** What the queue commands (worker, migrate, jobs) get: a database URL rather than a store. */
export interface QueueCliContext {
  databaseUrl: string | undefined;
  json: boolean;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  out: (s: string) => void;
  err: (s: string) => void;
}

export function requireDatabaseUrl(ctx: QueueCliContext): string {
  if (!ctx.databaseUrl) {
    throw new UsageError(
      'needs PostgreSQL: give --database-url postgres://… or set PARALLAX_DATABASE_URL',
    );
  }
  return ctx.databaseUrl;
}

/** Runs `work` with a started pg-boss whose queues exist; always stops it. */
export async function withBoss<T>(
  ctx: QueueCliContext,
  work: (boss: PgBoss) => Promise<T>,
): Promise<T> {
  const boss = await startBoss({ url: requireDatabaseUrl(ctx), poolSize: 2 }, (e) =>
    ctx.err(`parallax: queue error: ${e.message}\n`),
  );
  try {
    await ensureQueues(boss);
    return await work(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** A positive whole number from an option, or the default. */
export function intOption(
  ctx: QueueCliContext,
  name: string,
  fallback: number,
  max = 1000,
): number {
  const raw = ctx.values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max} (got "${raw}")`);
  return n;
}

/** JSON output, as printJson does for the store commands. */
export function printQueueJson(ctx: QueueCliContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2) + '\n');
}
