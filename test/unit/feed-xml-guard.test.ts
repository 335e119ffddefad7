import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseFeed } from '../../src/1-ingest/feeds/parse-feed.js';
import { safeXml } from '../../src/1-ingest/feeds/xml-guard.js';
import { InputError } from '../../src/1-ingest/input-error.js';
import { FIXTURES } from '../paths.js';

const read = (name: string) => readFileSync(join(FIXTURES, 'feeds', name), 'utf8');

describe('XML guard', () => {
  it('refuses a billion-laughs bomb (3 GB expanded) at once, in bounded memory', () => {
    const bomb = read('feed-billion-laughs.xml');
    const rss = process.memoryUsage().rss;
    const started = process.hrtime.bigint();
    assert.throws(
      () => parseFeed('feed-billion-laughs.xml', bomb),
      (e: unknown) =>
        e instanceof InputError &&
        e.input === 'feed-billion-laughs.xml' &&
        /declares entities|internal DTD subset/.test(e.reason) &&
        /refused without expanding/.test(e.reason),
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(ms < 500, `took ${ms} ms`);
    assert.ok(process.memoryUsage().rss - rss < 64 * 1024 * 1024, 'memory stayed bounded');
  });

  it('refuses external entities and external DTDs without reading them', () => {
    assert.throws(
      () => parseFeed('ext', read('feed-external-entity.xml')),
      /refused without expanding/,
    );
    assert.throws(
      () => parseFeed('sys', read('feed-external-dtd-system.xml')),
      /external DTD \(SYSTEM\): refused/,
    );
  });

  it('refuses entity declarations hidden after the root element', () => {
    assert.throws(
      () => safeXml('late', '<rss><!DOCTYPE x [<!ENTITY a "b">]><channel/></rss>'),
      /internal DTD subset|declares entities/,
    );
  });

  it('ignores DOCTYPE and ENTITY text inside CDATA and comments', () => {
    const xml =
      '<?xml version="1.0"?><!-- <!ENTITY not "real"> --><rss><channel><item><description><![CDATA[<!DOCTYPE html><!ENTITY x "y">]]></description></item></channel></rss>';
    assert.equal(safeXml('ok', xml), xml);
  });

  it('removes a DOCTYPE that declares nothing', () => {
    const out = safeXml('rss091', read('feed-rss091-netscape-doctype.xml'));
    assert.doesNotMatch(out, /DOCTYPE/);
    assert.match(out, /<rss version="0.91">/);
  });

  it('refuses twenty thousand small entity declarations quickly', () => {
    const decls = Array.from({ length: 20000 }, (_, i) => `<!ENTITY e${i} "x">`).join('');
    const started = Date.now();
    assert.throws(
      () => safeXml('many', `<?xml version="1.0"?><!DOCTYPE r [${decls}]><r/>`),
      /refused/,
    );
    assert.ok(Date.now() - started < 500);
  });
});
