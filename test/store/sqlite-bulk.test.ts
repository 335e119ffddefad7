/**
 * The SQLite store's in-memory caches (document frequencies, parsed centroids) and grouped
 * commits: whatever the interleaving of writers, rollbacks and commit groups, every
 * decision sees the frequencies a fresh read of the stored articles would give.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { assignStory } from '../../src/4-cluster/assign.js';
import { clusterFeatures } from '../../src/4-cluster/features.js';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import type { Decide } from '../../src/6-store/store.js';
import { contentHash } from '../../src/pipeline/content-hash.js';
import { article } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-sqlite-bulk-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TOWNS = ['Brindlemouth', 'Grayhaven', 'Allowmere', 'Velmora', 'Tidewick', 'Oskarn'];
const TOPICS = [
  ['dockworkers', 'walked out over night-shift pay', 'cargo ships wait offshore'],
  ['growers', 'picked a record quince harvest', 'frost netting saved the yield'],
  ['ferry crews', 'stopped sailing after a pay offer', 'islanders queued for the last boat'],
];

/** Distinct articles, several per event, so stories grow and terms repeat. */
function text(i: number): string {
  const town = TOWNS[i % TOWNS.length]!;
  const [who, did, then] = TOPICS[i % TOPICS.length]!;
  return `${who} in ${town} ${did}
date 2026-02-0${1 + (i % 5)}
source Outlet ${i % 4}

The ${who} of ${town} ${did} on Monday, officials said in report number ${i}.
Witnesses said ${then}, and talks would resume on day ${i % 7}.
A spokesperson for ${town} council declined to comment on case ${1000 + i}.`;
}

/** Term document frequencies over the articles added so far, as a fresh store would count them. */
class Expected {
  docs = 0;
  df = new Map<string, number>();
  add(terms: Iterable<string>) {
    this.docs++;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }
}

async function add(
  store: SqliteStore,
  i: number,
  expected: Expected,
  options: { fail?: boolean } = {},
): Promise<void> {
  const a = article(text(i), `t${i}.txt`);
  const features = clusterFeatures(a);
  const decide: Decide = (candidates, stats) => {
    assert.equal(stats.docs, expected.docs, `docs seen by article ${i}`);
    for (const term of features.terms.keys())
      assert.equal(stats.df.get(term), expected.df.get(term), `df of "${term}" at article ${i}`);
    if (options.fail) throw new Error('decision failed');
    return assignStory(features, candidates, stats);
  };
  const input = { article: a, contentHash: contentHash(a.text), raw: text(i), features };
  if (options.fail) {
    await assert.rejects(store.addArticle(input, decide), /decision failed/);
    return;
  }
  const r = await store.addArticle(input, decide);
  assert.equal(r.status, 'added');
  expected.add(features.terms.keys());
}

function storedDf(store: SqliteStore): Map<string, number> {
  const rows = store.db.prepare('SELECT term, df FROM term_df').raw().all() as Array<
    [string, number]
  >;
  return new Map(rows.filter(([, n]) => n > 0));
}

describe('SQLite store caches and grouped commits', () => {
  it('two connections writing in turn, one in bulk, see exact document frequencies', async () => {
    const path = join(dir, 'two.db');
    const a = new SqliteStore(path);
    const b = new SqliteStore(path);
    const expected = new Expected();
    try {
      let i = 0;
      for (let round = 0; round < 3; round++) {
        await a.bulk(async () => {
          for (let k = 0; k < 5; k++) await add(a, i++, expected);
        }, 2);
        for (let k = 0; k < 3; k++) await add(b, i++, expected);
      }
      assert.deepEqual(storedDf(a), expected.df);
      assert.deepEqual(storedDf(b), expected.df);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('an article that fails inside a commit group leaves no count behind', async () => {
    const store = new SqliteStore(join(dir, 'fail.db'));
    const expected = new Expected();
    try {
      await store.bulk(async () => {
        for (let i = 0; i < 12; i++) await add(store, i, expected, { fail: i % 4 === 1 });
      }, 3);
      for (let i = 12; i < 15; i++) await add(store, i, expected, { fail: i === 13 });
      assert.deepEqual(storedDf(store), expected.df);
      const docs = store.db.prepare("SELECT value FROM counters WHERE name = 'docs'").pluck().get();
      assert.equal(docs, expected.docs);
    } finally {
      await store.close();
    }
  });

  it('a rolled-back commit group is forgotten, not counted from memory', async () => {
    const store = new SqliteStore(join(dir, 'rollback.db'));
    const expected = new Expected();
    try {
      for (let i = 0; i < 3; i++) await add(store, i, expected);
      await assert.rejects(
        store.bulk(async () => {
          const lost = new Expected();
          Object.assign(lost, { docs: expected.docs, df: new Map(expected.df) });
          for (let i = 3; i < 6; i++) await add(store, i, lost);
          store.db.exec('ROLLBACK');
          throw new Error('gave up');
        }),
        /gave up/,
      );
      for (let i = 6; i < 9; i++) await add(store, i, expected);
      assert.deepEqual(storedDf(store), expected.df);
    } finally {
      await store.close();
    }
  });

  it('a story joined many times scores against its current centroid', async () => {
    const path = join(dir, 'centroid.db');
    const a = new SqliteStore(path);
    const b = new SqliteStore(path);
    try {
      const expected = new Expected();
      // Both connections keep parsed centroids; each sees the other's updates.
      for (let i = 0; i < 12; i++) await add(i % 2 ? a : b, i * 3, expected);
      const stories = a.db
        .prepare('SELECT story_id AS id, centroid FROM story_centroids')
        .all() as Array<{ id: string; centroid: string }>;
      assert.ok(stories.some((s) => JSON.parse(s.centroid).length > 0));
      const seen: Array<Map<string, number>> = [];
      const c = article(text(36), 't36.txt');
      const features = clusterFeatures(c);
      await a.addArticle(
        { article: c, contentHash: contentHash(c.text), raw: text(36), features },
        (candidates, stats) => {
          for (const cand of candidates) {
            const row = stories.find((s) => s.id === cand.id)!;
            assert.deepEqual([...cand.centroid], JSON.parse(row.centroid));
            seen.push(cand.centroid);
          }
          return assignStory(features, candidates, stats);
        },
      );
      assert.ok(seen.length > 0, 'the article had candidates');
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('SQLite full-text index migration', () => {
  it('a store made before migration 5 searches the same after it', async () => {
    const path = join(dir, 'fts.db');
    const store = new SqliteStore(path);
    const expected = new Expected();
    for (let i = 0; i < 9; i++) await add(store, i, expected);
    const queries = ['Grayhaven', 'quince harvest', 'ferry crews pay', 'report 7'];
    const before = await Promise.all(queries.map((q) => store.search(q)));
    assert.ok(before.every((hits) => hits.length > 0));
    // Back to the schema of migration 1: the index keeps its own copy of titles and texts.
    store.db.exec(`
      DROP TABLE articles_fts;
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles;
      DELETE FROM schema_migrations WHERE version = 5;
    `);
    assert.deepEqual(await Promise.all(queries.map((q) => store.search(q))), before);
    await store.close();
    const reopened = new SqliteStore(path);
    try {
      const sql = reopened.db
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")
        .pluck()
        .get() as string;
      assert.match(sql, /content\s*=\s*'articles'/);
      assert.deepEqual(await Promise.all(queries.map((q) => reopened.search(q))), before);
      await add(reopened, 9, expected);
      assert.equal((await reopened.search('case 1009')).length, 1);
    } finally {
      await reopened.close();
    }
  });
});

describe('SQLite full-text index inside commit groups', () => {
  const ftsRows = (store: SqliteStore) =>
    store.db.prepare('SELECT count(*) FROM articles_fts').pluck().get() as number;
  const integrity = (store: SqliteStore) =>
    store.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");

  it('a search inside a group finds the articles the group has not committed yet', async () => {
    const store = new SqliteStore(join(dir, 'fts-bulk.db'));
    const expected = new Expected();
    try {
      await store.bulk(async () => {
        for (let i = 0; i < 4; i++) await add(store, i, expected);
        const hits = await store.search('Grayhaven');
        assert.equal(hits.length, 1);
        for (let i = 4; i < 7; i++) await add(store, i, expected);
      }, 100);
      assert.equal(ftsRows(store), 7);
      assert.equal((await store.search('quince harvest')).length, 2);
      integrity(store);
    } finally {
      await store.close();
    }
  });

  it('failed articles and a rolled-back group leave no rows in the index', async () => {
    const store = new SqliteStore(join(dir, 'fts-rollback.db'));
    const expected = new Expected();
    try {
      await store.bulk(async () => {
        for (let i = 0; i < 6; i++) await add(store, i, expected, { fail: i === 2 });
      }, 4);
      assert.equal(ftsRows(store), 5);
      await assert.rejects(
        store.bulk(async () => {
          const lost = new Expected();
          Object.assign(lost, { docs: expected.docs, df: new Map(expected.df) });
          for (let i = 6; i < 9; i++) await add(store, i, lost);
          store.db.exec('ROLLBACK');
          throw new Error('gave up');
        }),
        /gave up/,
      );
      for (let i = 9; i < 11; i++) await add(store, i, expected);
      assert.equal(ftsRows(store), 7);
      assert.equal((await store.search('report 7')).length, 0);
      assert.equal((await store.search('report 10')).length, 1);
      integrity(store);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite story centroids migration', () => {
  it('a store made before migration 6 keeps its centroids in their own table', async () => {
    const path = join(dir, 'centroids.db');
    const store = new SqliteStore(path);
    const expected = new Expected();
    for (let i = 0; i < 9; i++) await add(store, i, expected);
    const before = store.db
      .prepare('SELECT story_id, centroid FROM story_centroids ORDER BY story_id')
      .all();
    assert.ok(before.length > 0);
    // Back to the schema before migration 6: the centroid is a column of stories.
    store.db.exec(`
      ALTER TABLE stories ADD COLUMN centroid TEXT;
      UPDATE stories SET centroid = (SELECT centroid FROM story_centroids WHERE story_id = stories.id);
      DROP TABLE story_centroids;
      DELETE FROM schema_migrations WHERE version = 6;
    `);
    await store.close();
    const reopened = new SqliteStore(path);
    try {
      const after = reopened.db
        .prepare('SELECT story_id, centroid FROM story_centroids ORDER BY story_id')
        .all();
      assert.deepEqual(after, before);
      const columns = reopened.db.prepare('PRAGMA table_info(stories)').all() as Array<{
        name: string;
      }>;
      assert.ok(!columns.some((c) => c.name === 'centroid'));
      // And it goes on clustering with them.
      for (let i = 9; i < 12; i++) await add(reopened, i, expected);
      assert.deepEqual(storedDf(reopened), expected.df);
    } finally {
      await reopened.close();
    }
  });
});

describe('SQLite postings by week migration', () => {
  it('a store made before migration 7 has the same postings, each under its article week', async () => {
    const path = join(dir, 'postings.db');
    const store = new SqliteStore(path);
    const expected = new Expected();
    for (let i = 0; i < 9; i++) await add(store, i, expected);
    const postings = (db: SqliteStore['db']) =>
      db.prepare('SELECT bucket, term, story_id, hits FROM term_postings ORDER BY 1, 2, 3').all();
    const before = postings(store.db);
    assert.ok(before.length > 0);
    // Back to the schema before migration 7: postings by term and story only.
    store.db.exec(`
      CREATE TABLE old_postings (term TEXT NOT NULL, story_id TEXT NOT NULL, hits INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (term, story_id)) WITHOUT ROWID;
      INSERT INTO old_postings SELECT term, story_id, SUM(hits) FROM term_postings GROUP BY 1, 2;
      DROP TABLE term_postings;
      ALTER TABLE old_postings RENAME TO term_postings;
      CREATE INDEX term_postings_story ON term_postings(story_id);
      DELETE FROM schema_migrations WHERE version = 7;
    `);
    await store.close();
    const reopened = new SqliteStore(path);
    try {
      assert.deepEqual(postings(reopened.db), before);
      // And it goes on clustering with them.
      for (let i = 9; i < 12; i++) await add(reopened, i, expected);
      assert.deepEqual(storedDf(reopened), expected.df);
    } finally {
      await reopened.close();
    }
  });
});
