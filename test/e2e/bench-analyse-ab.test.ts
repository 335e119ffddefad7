import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../paths.js';

const SCRIPT = join(REPO_ROOT, 'dist', 'bench', 'analyse-ab.js');

function run(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000 });
}

test('bench:analyse-ab compares a build with itself and prints a RESULT line', () => {
  const r = run(['--base', REPO_ROOT, '--part', 'times', '--articles', '4', '--rounds', '3']);
  assert.equal(r.status, 0, r.stderr);
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  assert.ok(line, r.stdout);
  const result = JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
  assert.equal(result.part, 'times');
  assert.equal(result.articles, 4);
  assert.equal(typeof result.changePercent, 'number');
  assert.ok((result.baseMs as number) > 0 && (result.thisMs as number) > 0);
});

test('bench:analyse-ab names a base it cannot load', () => {
  const r = run(['--base', join(REPO_ROOT, 'no-such-checkout')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no-such-checkout.*built\?/);
});
