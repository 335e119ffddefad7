import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown, type BenchReport } from '../../bench/report/markdown.js';
import {
  collectQuality,
  parseResultLine,
  QUALITY_SCRIPTS,
  type ScriptRunner,
} from '../../bench/report/quality.js';
import { slopePer10k } from '../../bench/throughput/measure.js';

test('parseResultLine reads the last RESULT line and refuses what is not a JSON object', () => {
  assert.deepEqual(parseResultLine('x\nRESULT {"f1":0.5}\nRESULT {"f1":0.7}\n'), { f1: 0.7 });
  assert.equal(parseResultLine('no result here\n'), null);
  assert.equal(parseResultLine('RESULT {broken'), null);
  assert.equal(parseResultLine('RESULT [1,2]'), null);
});

function report(quality: BenchReport['quality']): BenchReport {
  return {
    schemaVersion: 1,
    mode: 'quick',
    machine: {
      date: '2031-01-01T00:00:00Z',
      commit: 'abc',
      node: 'v20',
      cpu: 'test cpu',
      cores: 2,
      memoryGB: 4,
      os: 'test',
      loadAverage: { start: [0, 0, 0], end: [0, 0, 0] },
    },
    throughput: null,
    quality,
    target: null,
  };
}

test('missing bench scripts show as "not implemented", never as a score', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  try {
    writeFileSync(join(dir, 'cluster.js'), '');
    writeFileSync(join(dir, 'time.js'), '');
    const run: ScriptRunner = (file) =>
      file.endsWith('cluster.js')
        ? { status: 0, stdout: 'F1 0.9\nRESULT {"f1":0.9123}\n', stderr: '', timedOut: false }
        : { status: 1, stdout: '', stderr: 'boom: no data', timedOut: false };
    const rows = collectQuality(dir, { timeoutMs: 1000, run });
    assert.equal(rows.length, QUALITY_SCRIPTS.length);
    const by = new Map(rows.map((r) => [r.name, r]));
    assert.equal(by.get('cluster')!.status, 'ok');
    assert.equal(by.get('time')!.status, 'failed');
    for (const name of ['extract', 'ner', 'attribution', 'compare', 'workers'])
      assert.equal(by.get(name)!.status, 'not implemented', name);
    const md = renderMarkdown(report(rows));
    const line = (name: string) => md.split('\n').find((l) => l.includes(`bench:${name}\``))!;
    assert.match(line('ner'), /\| not implemented \|/);
    assert.doesNotMatch(line('ner'), /\| 0(\.0+)? \|/);
    assert.match(line('cluster'), /f1 0\.912/);
    assert.match(line('time'), /failed \(exit code 1: boom: no data\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('slope is ms/article per 10,000 stored articles, zero when flat', () => {
  const flat = [0, 1, 2, 3].map((i) => ({ from: i * 1000, to: (i + 1) * 1000, msPerArticle: 4 }));
  assert.equal(slopePer10k(flat), 0);
  const growing = [0, 1, 2, 3].map((i) => ({
    from: i * 1000,
    to: (i + 1) * 1000,
    msPerArticle: 4 + i * 0.1,
  }));
  assert.ok(Math.abs(slopePer10k(growing) - 1) < 1e-9);
});
