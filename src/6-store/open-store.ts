import { redactUrl } from './postgres/connection.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Which backend to use: one SQLite file, or a PostgreSQL server shared by many workers. */
export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface StoreChoice {
  /** --db FILE */
  db?: string;
  /** --database-url postgres://… */
  databaseUrl?: string;
}

/**
 * Options beat the environment, and an explicit choice beats a default:
 * --database-url, --db, $PARALLAX_DATABASE_URL, $PARALLAX_DB, then ./parallax.db.
 */
export function storeTarget(choice: StoreChoice, env = process.env): StoreTarget {
  if (choice.databaseUrl) return { kind: 'postgres', url: choice.databaseUrl };
  if (choice.db) return { kind: 'sqlite', path: choice.db };
  if (env.PARALLAX_DATABASE_URL) return { kind: 'postgres', url: env.PARALLAX_DATABASE_URL };
  return { kind: 'sqlite', path: env.PARALLAX_DB ?? 'parallax.db' };
}

export async function openStore(target: StoreTarget): Promise<Store> {
  return target.kind === 'postgres'
    ? PostgresStore.open({ url: target.url })
    : new SqliteStore(target.path);
}

/** For messages: the file, or the URL without its password. */
export function describeTarget(target: StoreTarget): string {
  return target.kind === 'postgres' ? redactUrl(target.url) : target.path;
}
