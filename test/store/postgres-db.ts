import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Test databases on a real PostgreSQL server (127.0.0.1:5432, trust auth, role `postgres`,
 * or PARALLAX_TEST_PG_URL). Each test file creates its own uniquely named database and drops
 * it at the end. An unreachable server is a test FAILURE with a message saying what to do,
 * never a silent skip.
 */
export const ADMIN_URL =
  process.env.PARALLAX_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `parallax_test_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(err as Error).message}). ` +
        'These tests need a real server: start it with ' +
        '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` ' +
        '(see .ci/run) or set PARALLAX_TEST_PG_URL.',
    );
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
