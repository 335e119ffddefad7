import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CLI } from '../paths.js';
import { BRIDGE, EARLY_1, EARLY_2, LATE_1, LATE_2 } from '../unit/kessridge-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-merged-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('compare and export accept a merged story id and say where it went', () => {
  const db = join(dir, 'merged.db');
  const first = join(dir, 'first');
  mkdirSync(first);
  [EARLY_1, EARLY_2, LATE_1, LATE_2].forEach((t, i) => writeFileSync(join(first, `${i}.txt`), t));
  const before = run(['ingest', first, '--db', db, '--json']);
  assert.equal(before.code, 0, before.err);
  const added = JSON.parse(before.out).added as Array<{ storyId: string }>;
  const ids = [...new Set(added.map((a) => a.storyId))];
  assert.equal(ids.length, 2);
  writeFileSync(join(dir, 'bridge.txt'), BRIDGE);
  assert.equal(run(['ingest', join(dir, 'bridge.txt'), '--db', db]).code, 0);

  const stories = JSON.parse(run(['stories', '--db', db, '--json']).out).stories;
  assert.equal(stories.length, 1);
  const live = stories[0].id as string;
  assert.ok(ids.includes(live));
  const old = ids.find((id) => id !== live)!;
  const cmp = run(['compare', old, '--db', db, '--json']);
  assert.equal(cmp.code, 0, cmp.err);
  assert.equal(JSON.parse(cmp.out).story.id, live);
  assert.equal(JSON.parse(cmp.out).articles.length, 5);
  assert.match(cmp.err, new RegExp(`story "${old}" merged into "${live}"`));
  const md = run(['export', old, '--db', db, '--format', 'md']);
  assert.equal(md.code, 0, md.err);
  assert.match(md.err, /merged into/);
  const direct = run(['compare', live, '--db', db, '--json']);
  assert.equal(direct.err, '');
});
