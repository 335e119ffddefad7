import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { PostgresStore } from '../../src/6-store/postgres/postgres-store.js';
import { storeArticle } from '../../src/pipeline/ingest.js';
import { article } from './conformance.js';
import { createTestDatabase, type TestDatabase } from './postgres-db.js';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase('migrations');
});
after(async () => {
  await db?.drop();
});

/** Invented reports of one event over two weeks, one of them undated. */
function report(i: number): string {
  const date = i === 3 ? '' : `date 2026-03-${String(2 + i * 4).padStart(2, '0')}\n`;
  return `Ferry service to Pellow Isle cut again
${date}source Outlet ${i}

The ferry link between Cardle and Pellow Isle was cut for the ${i + 2}th time this winter after storm damage to the Cardle slipway.
Harbour master Idris Vane said repairs to the slipway would take at least ${i + 3} weeks.`;
}

describe('PostgreSQL postings by week migration', () => {
  it('a store made before migration 4 has the same postings, each under its article week', async () => {
    const schema = 'before_weeks';
    const store = await PostgresStore.open({ url: db.url, schema });
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      for (let i = 0; i < 4; i++)
        await storeArticle(store, article(report(i), `r${i}.txt`), report(i));
      await c.query(`SET search_path TO ${schema}`);
      const postings = async () =>
        (
          await c.query(
            'SELECT bucket, term, story_id, hits FROM term_postings ORDER BY bucket, term COLLATE "C", story_id COLLATE "C"',
          )
        ).rows;
      const before = await postings();
      assert.ok(new Set(before.map((r) => r.bucket)).size >= 3, 'dated weeks and undated');
      // Back to the schema before migration 4: postings by term and story only.
      await c.query(`
        CREATE TABLE old_postings (term TEXT NOT NULL, story_id TEXT NOT NULL, hits INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (term, story_id));
        INSERT INTO old_postings SELECT term, story_id, SUM(hits) FROM term_postings GROUP BY 1, 2;
        DROP TABLE term_postings;
        ALTER TABLE old_postings RENAME TO term_postings;
        CREATE INDEX term_postings_story ON term_postings(story_id);
        DELETE FROM schema_migrations WHERE version = 4;
      `);
      await store.close();
      const reopened = await PostgresStore.open({ url: db.url, schema });
      try {
        assert.deepEqual(await postings(), before);
      } finally {
        await reopened.close();
      }
    } finally {
      await c.end();
    }
  });
});
