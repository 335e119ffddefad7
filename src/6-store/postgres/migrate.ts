import type pg from 'pg';
import { inTransaction } from './connection.js';
import { PG_MIGRATIONS } from './migrations.js';

/**
 * Applies pending migrations in one transaction; returns the versions applied. An advisory
 * lock makes concurrent callers (many workers starting together) wait, then find nothing to do.
 */
export async function migratePostgres(pool: pg.Pool, schema = 'public'): Promise<number[]> {
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`parallax:migrate:${schema}`]);
    if (schema !== 'public') await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await c.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (await c.query('SELECT version FROM schema_migrations')).rows.map((r) => r.version as number),
    );
    const applied: number[] = [];
    for (const m of PG_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
