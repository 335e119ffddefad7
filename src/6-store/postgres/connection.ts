import pg from 'pg';

/** Where to find PostgreSQL: a URL and, optionally, a schema other than `public`. */
export interface PgOptions {
  url: string;
  /** Tables live in this schema (created if missing); lets tests and tenants share a database. */
  schema?: string;
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /**
   * Commit article transactions without waiting for the WAL flush. Only for callers that make
   * something later durable with a normal commit (the worker's job completion flushes the WAL
   * up to and including the article), so a server crash can lose the article only together
   * with the job's completion, and the job runs again. See docs/scaling.md.
   */
  asyncCommit?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A connection pool whose sessions all use the configured schema. */
export function openPool(options: PgOptions): pg.Pool {
  if (!/^postgres(ql)?:\/\//.test(options.url)) {
    throw new Error(
      `database URL must start with postgres:// or postgresql:// (got "${redactUrl(options.url)}")`,
    );
  }
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 4,
    options: `-c search_path=${schema}`,
    application_name: 'parallax',
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

/** A URL fit for messages: the password is never printed. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  /** Statements (no parameters) sent with BEGIN in the same round trip. */
  begin = '',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin ? `BEGIN; ${begin}` : 'BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackErr) {
      broken = rollbackErr as Error; // the connection is gone: do not return it to the pool
    }
    throw err;
  } finally {
    client.release(broken);
  }
}
