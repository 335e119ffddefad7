import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeHtmlBytes } from '../../src/1-ingest/html/charset.js';
import { REPO_ROOT } from '../paths.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'html');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Encodes text in a single-byte charset by inverting TextDecoder's table for it. */
function encodeSingleByte(text: string, charset: string): Uint8Array {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  // Node 20 decodes windows-1252 0x80-0x9F to nothing; these are the ones the tests use.
  if (charset === 'windows-1252')
    table.set('\u2014', 0x97).set('\u201c', 0x93).set('\u201d', 0x94).set('\u20ac', 0x80);
  return new Uint8Array(
    Array.from(text, (ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${ch} is not in ${charset}`);
      return b;
    }),
  );
}

const RUSSIAN =
  '<html><body><p>Жители Велморы вышли на субботник, чтобы очистить берег реки от мусора после весеннего паводка. Работы продолжатся до вечера воскресенья.</p></body></html>';

test('windows-1251 page without any declaration is detected', () => {
  const r = decodeHtmlBytes(fixture('page-cp1251-no-charset.html'));
  assert.equal(r.charset, 'windows-1251');
  assert.equal(r.evidence, 'detected');
  assert.match(r.text, /Власти города Велмора в понедельник открыли новый речной порт/);
});

test('KOI8-R page without any declaration is detected, not read as windows-1251', () => {
  const r = decodeHtmlBytes(fixture('page-koi8r-no-charset.html'));
  assert.equal(r.charset, 'koi8-r');
  assert.match(r.text, /Власти города Велмора/);
  const short = decodeHtmlBytes(encodeSingleByte(RUSSIAN, 'koi8-r'));
  assert.equal(short.charset, 'koi8-r');
  assert.match(short.text, /Жители Велморы вышли на субботник/);
});

test('Shift_JIS and GB18030 pages without declarations are told apart', () => {
  const ja = decodeHtmlBytes(fixture('page-shift-jis-no-charset.html'));
  assert.equal(ja.charset, 'shift_jis');
  assert.match(ja.text, /新しい市立図書館が開館した/);
  const zh = decodeHtmlBytes(fixture('page-gb18030-no-charset.html'));
  assert.equal(zh.charset, 'gb18030');
  assert.match(zh.text, /正式开通了第一条有轨电车线路/);
});

test('<meta http-equiv> charset is honoured (ISO-8859-2)', () => {
  const r = decodeHtmlBytes(fixture('page-iso-8859-2-meta-charset.html'));
  assert.equal(r.charset, 'iso-8859-2');
  assert.equal(r.evidence, 'meta');
  assert.match(r.text, /łączący stare miasto z dzielnicą przemysłową/);
});

test('<meta charset> is honoured for a Western page', () => {
  const html =
    '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 na\u00efve \u2014 fa\u00e7ade \u201c20\u20ac\u201d</p></body></html>';
  const r = decodeHtmlBytes(encodeSingleByte(html, 'windows-1252'));
  assert.equal(r.charset, 'windows-1252');
  assert.match(r.text, /Café naïve — façade “20€”/);
});

test('the HTTP header beats <meta>, and the BOM beats both', () => {
  const bytes = encodeSingleByte(
    '<meta charset="iso-8859-2"><p>Жители Велморы</p>',
    'windows-1251',
  );
  const r = decodeHtmlBytes(bytes, 'text/html; charset="windows-1251"');
  assert.equal(r.evidence, 'http-header');
  assert.match(r.text, /Жители Велморы/);
  const withBom = new Uint8Array([
    0xef,
    0xbb,
    0xbf,
    ...utf8('<meta charset="koi8-r"><p>Жители</p>'),
  ]);
  const b = decodeHtmlBytes(withBom, 'text/html; charset=windows-1251');
  assert.equal(b.evidence, 'bom');
  assert.equal(b.text, '<meta charset="koi8-r"><p>Жители</p>');
});

test('an unknown charset label falls through to detection', () => {
  const r = decodeHtmlBytes(
    utf8('<meta charset="x-no-such-charset"><p>Жители Велморы</p>'),
    'text/html; charset=bogus',
  );
  assert.equal(r.charset, 'utf-8');
  assert.equal(r.evidence, 'detected');
  assert.match(r.text, /Жители Велморы/);
});

test('a stale iso-8859-1 declaration on a valid UTF-8 page yields UTF-8', () => {
  const r = decodeHtmlBytes(utf8('<meta charset="iso-8859-1"><p>Malmö café — Ærø</p>'));
  assert.equal(r.charset, 'utf-8');
  assert.match(r.text, /Malmö café — Ærø/);
});

test('pure ASCII without a declaration is UTF-8 by default', () => {
  const r = decodeHtmlBytes(utf8('<p>Plain text only</p>'));
  assert.deepEqual([r.charset, r.evidence], ['utf-8', 'default']);
});

test('an undeclared Western page is read as windows-1252, curly quotes included', () => {
  const html =
    '<p>Le march\u00e9 de No\u00ebl de Velmora ouvre vendredi\u00a0: les exposants esp\u00e8rent une f\u00eate r\u00e9ussie apr\u00e8s une ann\u00e9e difficile, a d\u00e9clar\u00e9 le maire \u201cavec prudence\u201d.</p>';
  const r = decodeHtmlBytes(encodeSingleByte(html, 'windows-1252'));
  assert.equal(r.charset, 'windows-1252');
  assert.equal(r.text, html);
});
