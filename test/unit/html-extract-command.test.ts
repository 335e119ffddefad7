import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { readHtmlFile } from '../../src/1-ingest/html/html-file.js';
import { InputError } from '../../src/1-ingest/input-error.js';
import { main } from '../../src/7-present/cli/main.js';
import { REPO_ROOT } from '../paths.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'html');
const dir = mkdtempSync(join(tmpdir(), 'parallax-extract-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => {
      out += s;
      return true;
    },
    err: (s) => {
      err += s;
      return true;
    },
  });
  return { code, out, err };
}

describe('parallax extract (files)', () => {
  it('is listed in the help', async () => {
    const r = await run(['--help']);
    assert.match(r.out, /parallax extract <file\|url> \[--json\]/);
  });

  it('prints metadata and text for an .html file, and stores nothing', async () => {
    const db = join(dir, 'never.db');
    const r = await run(['extract', join(FIXTURES, 'page-with-cookie-banner.html'), '--db', db]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Title: +Tidal barrier at Orrin Bay to close for repairs$/m);
    assert.match(r.out, /^Published: +2024-03-05 \(stated: json-ld datePublished\)$/m);
    assert.match(r.out, /^Captions:\n {2}- The Orrin Bay barrier at low tide last winter/m);
    assert.match(r.out, /\n\nThe tidal barrier that protects/);
    assert.equal(existsSync(db), false, 'extract must not create a database');
  });

  it('--json gives the documented shape', async () => {
    const r = await run(['extract', join(FIXTURES, 'page-og-meta-dates.html'), '--json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.schemaVersion, 1);
    assert.equal(j.method, 'readability');
    assert.deepEqual(j.charset, { name: 'utf-8', evidence: 'meta' });
    assert.equal(j.source, 'Velmora Courier');
    assert.equal(j.published.value, '2021-06-02');
    assert.equal(j.modified, '2021-06-03T08:00:00-04:00');
    assert.equal(j.byline, 'Ines Varga');
    assert.equal(j.language, 'en');
    assert.deepEqual(j.captions, []);
    assert.match(j.text, /^For forty years Amund Rask/);
  });

  it('reads .html.gz, refuses truncated gzip with a clear reason', async () => {
    const raw = readFileSync(join(FIXTURES, 'page-cp1251-no-charset.html'));
    const gz = join(dir, 'page-cp1251.html.gz');
    writeFileSync(gz, gzipSync(raw));
    const ok = await run(['extract', gz]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^Charset: +windows-1251 \(detected\)$/m);
    assert.match(ok.out, /Власти города Велмора/);

    const truncated = join(dir, 'page-truncated.html.gz');
    const full = gzipSync(readFileSync(join(FIXTURES, 'page-with-cookie-banner.html')));
    writeFileSync(truncated, full.subarray(0, Math.floor(full.length / 2)));
    const bad = await run(['extract', truncated]);
    assert.equal(bad.code, 1);
    assert.equal(bad.out, '');
    assert.match(bad.err, /page-truncated\.html\.gz: truncated gzip file/);
  });

  it('exit 1 with a reason for a page without an article or a missing file; 2 for usage', async () => {
    const none = await run(['extract', join(FIXTURES, 'page-no-article.html')]);
    assert.equal(none.code, 1);
    assert.match(none.err, /page-no-article\.html: no article text found in the page/);
    const missing = await run(['extract', join(dir, 'nope.html')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /nope\.html: no such file/);
    assert.equal((await run(['extract'])).code, 2);
    assert.equal((await run(['extract', 'a.html', 'b.html'])).code, 2);
  });

  it('refuses gzip bombs and files named .gz that are not gzip', async () => {
    const bomb = join(dir, 'bomb.html.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x20)));
    await assert.rejects(
      readHtmlFile(bomb),
      (e: unknown) => e instanceof InputError && /refused/.test(e.reason),
    );
    const fake = join(dir, 'fake.html.gz');
    writeFileSync(fake, '<html><body><p>not compressed</p></body></html>');
    await assert.rejects(
      readHtmlFile(fake),
      (e: unknown) => e instanceof InputError && /not gzip/.test(e.reason),
    );
  });
});

describe('parallax extract (URL, local server on 127.0.0.1)', () => {
  let server: Server;
  let base = '';
  before(async () => {
    const cp1251 = readFileSync(join(FIXTURES, 'page-cp1251-no-charset.html'));
    server = createServer((req, res) => {
      if (req.url === '/2024/03/05/barrier') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(readFileSync(join(FIXTURES, 'page-url-date-only.html')));
      } else if (req.url === '/ru') {
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
        res.end(cp1251);
      } else if (req.url === '/image') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.alloc(10));
      } else {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<p>not here</p>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('fetches, decodes by the HTTP charset and dates from the URL', async () => {
    const r = await run([
      'extract',
      `${base}/2024/03/05/barrier`,
      '--json',
      '--allow-private-network',
    ]);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.url, `${base}/2024/03/05/barrier`);
    assert.deepEqual(j.published, {
      value: '2024-03-05',
      certainty: 'inferred',
      evidence: 'date in URL',
    });
    assert.equal(j.source, '127.0.0.1');
    const ru = JSON.parse(
      (await run(['extract', `${base}/ru`, '--json', '--allow-private-network'])).out,
    );
    assert.deepEqual(ru.charset, { name: 'windows-1251', evidence: 'http-header' });
    assert.match(ru.text, /^Власти города Велмора/);
  });

  it('reports HTTP errors and non-HTML content with exit code 1', async () => {
    const missing = await run(['extract', `${base}/missing`, '--allow-private-network']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /HTTP 404/);
    const image = await run(['extract', `${base}/image`, '--allow-private-network']);
    assert.equal(image.code, 1);
    assert.match(image.err, /unsupported content type image\/png/);
  });
});
