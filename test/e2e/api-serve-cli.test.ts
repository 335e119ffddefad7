import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI } from '../paths.js';

describe('parallax serve (the command)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-serve-'));
  const db = join(dir, 'p.db');
  const env = { ...process.env, PARALLAX_TOKEN: '' };
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its URL, answers over HTTP and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', db], { env });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const res = await fetch(`${url}/api/health`);
    assert.deepEqual(await res.json(), { status: 'ok' });
    const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.kill('SIGTERM');
    assert.equal(await code, 0);
  });

  it('refuses a non-loopback host without PARALLAX_TOKEN, and a bad port', () => {
    const open = spawnSync(
      process.execPath,
      [CLI, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', db],
      { env, encoding: 'utf8' },
    );
    assert.equal(open.status, 1);
    assert.match(
      open.stderr,
      /refusing to listen on 0\.0\.0\.0 without a token: set PARALLAX_TOKEN/,
    );
    const bad = spawnSync(process.execPath, [CLI, 'serve', '--port', 'eighty', '--db', db], {
      env,
      encoding: 'utf8',
    });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--port "eighty" is not a port number/);
  });
});
