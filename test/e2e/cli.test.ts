import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  openSync,
  ftruncateSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, DEMO_CORPUS, SEEDS } from '../paths.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    cwd: dir,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('parallax CLI', () => {
  it('prints help and exits 0; exits 2 on usage errors', () => {
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /parallax ingest <path>/);
    assert.equal(run([]).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['ingest']).code, 2);
    assert.equal(run(['stories', '--no-such-flag']).code, 2);
  });

  it('ingests, lists stories as JSON with article fields, shows and compares', () => {
    const db = join(dir, 'seeds.db');
    const ingest = run(['ingest', SEEDS, '--db', db, '--json']);
    assert.equal(ingest.code, 0, ingest.err);
    const report = JSON.parse(ingest.out);
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.added.length, 2);
    const stories = JSON.parse(run(['stories', '--db', db, '--json']).out);
    assert.equal(stories.schemaVersion, 1);
    assert.equal(stories.stories.length, 1);
    const article = stories.stories[0].articles[0];
    for (const k of ['id', 'source', 'title', 'published', 'origin']) assert.ok(k in article, k);
    const show = JSON.parse(run(['show', article.id, '--db', db, '--json']).out);
    assert.equal(show.schemaVersion, 1);
    for (const s of show.article.sentences)
      assert.equal(show.article.text.slice(s.start, s.end), s.text);
    const cmp = run(['compare', stories.stories[0].id, '--db', db, '--json']);
    assert.equal(JSON.parse(cmp.out).schemaVersion, 2);
    const md = run(['compare', stories.stories[0].id, '--db', db, '--format', 'md']);
    assert.match(md.out, /^# Lavrov told what happened/);
    const text = run(['compare', stories.stories[0].id, '--db', db]);
    assert.match(text.out, /Shared statements/);
    assert.equal(run(['compare', 's_nope', '--db', db]).code, 1);
    assert.equal(run(['show', 'a_nope', '--db', db]).code, 1);
  });

  it('uses PARALLAX_DB and reports duplicates on a second ingest with exit 0', () => {
    const db = join(dir, 'env.db');
    assert.equal(run(['ingest', DEMO_CORPUS], { PARALLAX_DB: db }).code, 0);
    const again = run(['ingest', DEMO_CORPUS, '--json'], { PARALLAX_DB: db });
    assert.equal(again.code, 0);
    const r = JSON.parse(again.out);
    assert.equal(r.added.length, 0);
    assert.equal(r.duplicates.length, 5);
  });

  it('reports every bad input with its reason, keeps the good ones, and exits 1 only when all fail', () => {
    const bad = join(dir, 'bad');
    mkdirSync(join(bad, 'empty-folder'), { recursive: true });
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(
      join(bad, 'latin1.txt'),
      Buffer.from('Caf\xe9 owners in Brindlemouth protest new tax.\n', 'latin1'),
    );
    const huge = join(bad, 'huge.txt');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 200 * 1024 * 1024); // sparse: 200 MB without writing it
    closeSync(fd);
    const db = join(dir, 'bad.db');
    const allBad = run(['ingest', bad, join(dir, 'missing.txt'), '--db', db, '--json']);
    assert.equal(allBad.code, 1);
    const reasons = Object.fromEntries(
      JSON.parse(allBad.out).failed.map((f: { input: string; reason: string }) => [
        f.input.split('/').pop(),
        f.reason,
      ]),
    );
    assert.match(reasons['empty.txt'], /empty/);
    assert.match(reasons['binary.bin'], /binary/);
    assert.match(reasons['latin1.txt'], /UTF-8/);
    assert.match(reasons['huge.txt'], /too large/);
    assert.match(reasons['missing.txt'], /no such file/);
    const mixed = run(['ingest', bad, join(SEEDS, '000_65b8a1822454dde8.txt'), '--db', db]);
    assert.equal(mixed.code, 0);
    assert.match(mixed.out, /1 new, 0 duplicate, 4 failed/);
    assert.match(mixed.err, /huge\.txt: file too large/);
    const emptyDir = run(['ingest', join(bad, 'empty-folder'), '--db', db]);
    assert.equal(emptyDir.code, 1);
    assert.match(emptyDir.err, /holds no article files/);
  });
});
