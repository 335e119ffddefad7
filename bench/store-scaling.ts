/**
 * The store alone, as it grows: replays analysed articles into a fresh SQLite store and
 * reports the main thread's cost (relations, clustering, storing) per window of arrival.
 * End-to-end runs mix this cost with analysis; here it is measured on its own, so a change to
 * the store can be judged at 100k articles in minutes.
 *
 *   npm run bench:store -- --articles 100000 [--window 10000] [--statements] [--threads 2]
 *       [--limit 50000] [--cache-mb 256] [--group 100]
 *
 * The first run generates the stream (as bench:throughput does) and analyses it once with the
 * worker pool into `analysed.v8` beside it; later runs replay that file. `--statements` times
 * every SQL statement and prints the costliest per window (slower: it wraps each call).
 */
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/6-store/sqlite/sqlite-store.js';
import { withBulkWrites } from '../src/pipeline/bulk-writes.js';
import { analyseInOrder, closeSharedAnalysePool } from '../src/pipeline/analyse-pool.js';
import type { Analysed } from '../src/pipeline/analyse-job.js';
import { storeArticle } from '../src/pipeline/ingest-run.js';
import { textPath, writeStream } from './generate/write.js';
import { OUT_DIR } from './throughput.js';

interface Window {
  to: number;
  wallMs: number;
  cpuMs: number;
  stories: number;
  dbMB: number;
  statements: Array<[string, number]>;
}

/** Analyses the stream once into a file of length-prefixed v8 records. */
async function buildCache(dir: string, n: number, threads: number, file: string): Promise<void> {
  const tmp = file + '.tmp';
  const fd = openSync(tmp, 'w');
  const jobs = Array.from({ length: n }, (_, i) => ({
    kind: 'file' as const,
    path: textPath(dir, i),
  }));
  let i = 0;
  for await (const outcome of analyseInOrder(jobs, threads)) {
    if (!outcome.ok) continue;
    const { article, raw, features, contentHash } = outcome;
    const body = serialize({ article, raw, features, contentHash } satisfies Analysed);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(body.length);
    writeSync(fd, head);
    writeSync(fd, body);
    if (++i % 10_000 === 0) console.error(`analysed ${i}`);
  }
  closeSync(fd);
  await closeSharedAnalysePool();
  renameSync(tmp, file);
}

function* readCache(file: string, n: number): Generator<Analysed> {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(4);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (readSync(fd, head, 0, 4, pos) < 4) break;
    const len = head.readUInt32LE();
    const body = Buffer.alloc(len);
    readSync(fd, body, 0, len, pos + 4);
    pos += 4 + len;
    yield deserialize(body) as Analysed;
  }
  closeSync(fd);
}

/** Wraps better-sqlite3's statement calls to add up their time by SQL text. */
function timeStatements(): Map<string, number> {
  const totals = new Map<string, number>();
  const proto = (Database as unknown as { prototype: Database.Database }).prototype;
  const exec = proto.exec;
  proto.exec = function (this: Database.Database, sql: string) {
    const t = performance.now();
    const r = exec.call(this, sql);
    const key = sql.slice(0, 60);
    totals.set(key, (totals.get(key) ?? 0) + performance.now() - t);
    return r;
  };
  const probe = new Database(':memory:');
  const stmtProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  const keys = new WeakMap<object, string>();
  for (const name of ['run', 'get', 'all']) {
    const orig = stmtProto[name] as (...a: unknown[]) => unknown;
    stmtProto[name] = function (this: Database.Statement, ...args: unknown[]) {
      const t = performance.now();
      const r = orig.apply(this, args);
      let key = keys.get(this);
      if (key === undefined) keys.set(this, (key = this.source.replace(/\s+/g, ' ').slice(0, 60)));
      totals.set(key, (totals.get(key) ?? 0) + performance.now() - t);
      return r;
    };
  }
  return totals;
}

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100000' },
      window: { type: 'string', default: '10000' },
      threads: { type: 'string', default: '2' },
      seed: { type: 'string', default: '1' },
      statements: { type: 'boolean', default: false },
      // Experiments: the page cache in MB, and articles per grouped commit.
      'cache-mb': { type: 'string' },
      group: { type: 'string' },
      // Replays only the first N articles of the stream (a prefix of the same cache).
      limit: { type: 'string' },
    },
  });
  const n = Number(values.articles);
  const every = Number(values.window);
  const seed = Number(values.seed);
  const dir = join(OUT_DIR, 'streams', `s${seed}-m12-n${n}`);
  writeStream(dir, { seed, outlets: 12, articles: n });
  const cache = join(dir, 'analysed.v8');
  if (!existsSync(cache)) {
    console.error(`analysing ${n} articles once into ${cache}`);
    await buildCache(dir, n, Number(values.threads), cache);
  }
  const totals = values.statements ? timeStatements() : null;
  mkdirSync(join(OUT_DIR, 'db'), { recursive: true });
  const dbPath = join(OUT_DIR, 'db', 'store-scaling.db');
  for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });
  const store = new SqliteStore(dbPath);
  if (values['cache-mb']) store.db.pragma(`cache_size = -${Number(values['cache-mb']) * 1024}`);
  const group = values.group ? Number(values.group) : undefined;
  const windows: Window[] = [];
  let t = performance.now();
  let cpu = process.cpuUsage();
  let done = 0;
  const run = async () => {
    for (const a of readCache(cache, Number(values.limit ?? n))) {
      await storeArticle(store, a.article, a.raw, a.features, a.contentHash);
      if (++done % every !== 0) continue;
      const now = performance.now();
      const c = process.cpuUsage(cpu);
      const statements = totals ? [...totals].sort((x, y) => y[1] - x[1]).slice(0, 8) : [];
      totals?.clear();
      const size = ['', '-wal'].reduce(
        (s, suffix) => s + (existsSync(dbPath + suffix) ? statSync(dbPath + suffix).size : 0),
        0,
      );
      const w: Window = {
        to: done,
        wallMs: (now - t) / every,
        cpuMs: (c.user + c.system) / 1000 / every,
        stories: store.db.prepare('SELECT COUNT(*) FROM stories').pluck().get() as number,
        dbMB: size / 2 ** 20,
        statements: statements.map(([k, ms]) => [k, ms / every]),
      };
      windows.push(w);
      console.log(
        `${String(done).padStart(7)}  wall ${w.wallMs.toFixed(2)} ms/article  cpu ${w.cpuMs.toFixed(2)}  stories ${w.stories}  db ${w.dbMB.toFixed(0)} MB`,
      );
      for (const [k, ms] of w.statements) console.log(`           ${ms.toFixed(3)}  ${k}`);
      t = performance.now();
      cpu = process.cpuUsage();
    }
  };
  await (group ? store.bulk(run, group) : withBulkWrites(store, run));
  await store.close();
  const first = windows[0];
  const last = windows.at(-1);
  if (first && last)
    console.log(
      `RESULT store ${n} articles: wall ${first.wallMs.toFixed(2)} → ${last.wallMs.toFixed(2)} ms/article, cpu ${first.cpuMs.toFixed(2)} → ${last.cpuMs.toFixed(2)}`,
    );
}

await main();
