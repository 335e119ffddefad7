import { after, before } from 'node:test';
import { PostgresStore } from '../../src/6-store/postgres/postgres-store.js';
import { storeConformance } from './conformance.js';
import { createTestDatabase, type TestDatabase } from './postgres-db.js';

// Every case of the conformance suite runs; none is skipped for PostgreSQL.
let db: TestDatabase;
let n = 0;
before(async () => {
  db = await createTestDatabase('store');
});
after(async () => {
  await db?.drop();
});

// A fresh schema per store: each case starts from an empty database, as the suite requires.
storeConformance('PostgreSQL', async () =>
  PostgresStore.open({ url: db.url, schema: `case_${n++}` }),
);
