import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/7-present/cli/main.js';
import { DEMO_CORPUS } from '../paths.js';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => ((out += s), true),
    err: (s) => ((err += s), true),
  });
  return { code, out, err };
}

describe('parallax export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
  const db = join(dir, 'p.db');
  let storyId = '';
  before(async () => {
    await run(['ingest', DEMO_CORPUS, '--db', db]);
    storyId = JSON.parse((await run(['stories', '--db', db, '--json'])).out).stories[0].id;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each format to stdout or --out', async () => {
    const json = await run(['export', storyId, '--format', 'json', '--db', db]);
    assert.equal(json.code, 0);
    assert.equal(JSON.parse(json.out).schemaVersion, 2);
    assert.match((await run(['export', storyId, '--db', db])).out, /^# /, 'Markdown by default');
    const out = join(dir, 'r.html');
    const html = await run(['export', storyId, '--format', 'html', '--out', out, '--db', db]);
    assert.equal(html.code, 0);
    assert.equal(html.out, '');
    assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/);
    assert.match((await run(['export', storyId, '--format', 'csv', '--db', db])).out, /^row_type,/);
  });

  it('exports every story as JSON Lines with --all', async () => {
    const r = await run(['export', '--all', '--format', 'jsonl', '--db', db]);
    assert.equal(r.code, 0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => l.schemaVersion === 2));
    const file = join(dir, 'all.jsonl');
    assert.equal(
      (await run(['export', '--all', '--format', 'jsonl', '--out', file, '--db', db])).code,
      0,
    );
    assert.equal(readFileSync(file, 'utf8'), r.out);
  });

  it('fails clearly on bad usage and unknown stories', async () => {
    assert.equal((await run(['export', '--db', db])).code, 2);
    const bad = await run(['export', storyId, '--format', 'pdf', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown --format "pdf"/);
    assert.equal((await run(['export', '--all', '--format', 'csv', '--db', db])).code, 2);
    const missing = await run(['export', 's_nope', '--db', db]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no story "s_nope"/);
  });
});
