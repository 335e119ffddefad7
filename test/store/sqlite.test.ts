import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { storeConformance } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-sqlite-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));

storeConformance('SQLite (file)', async () => new SqliteStore(join(dir, `store-${n++}.db`)));
storeConformance('SQLite (in memory)', async () => new SqliteStore(':memory:'));
