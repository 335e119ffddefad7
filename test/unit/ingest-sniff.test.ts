import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sniffKind } from '../../src/1-ingest/sniff.js';
import { FIXTURES } from '../paths.js';

const b = (s: string) => Buffer.from(s);
const fixture = (dir: string, name: string) => readFileSync(join(FIXTURES, dir, name));

it('classifies by content first: feeds, OPML, HTML, JSONL, gzip, binary, text', () => {
  assert.equal(sniffKind(fixture('feeds', 'feed-atom-with-content.xml'), 'a.xml'), 'feed');
  assert.equal(sniffKind(fixture('feeds', 'feed-rdf.xml'), 'a.rdf'), 'feed');
  assert.equal(sniffKind(fixture('feeds', 'feed-rss091-netscape-doctype.xml'), 'x'), 'feed');
  assert.equal(sniffKind(fixture('feeds', 'feed-billion-laughs.xml'), 'x.xml'), 'feed');
  assert.equal(sniffKind(fixture('feeds', 'feed-external-entity.xml'), 'x'), 'feed');
  assert.equal(sniffKind(fixture('feeds', 'subscriptions.opml'), 'subs'), 'opml');
  assert.equal(
    sniffKind(fixture('feeds', 'feed-is-html.xml'), 'feed.xml'),
    'html',
    'an HTML page saved as .xml',
  );
  assert.equal(sniffKind(fixture('feeds', 'page-article.html'), 'page.txt'), 'html');
  assert.equal(sniffKind(fixture('dumps', 'dump-mixed.jsonl'), 'dump.txt'), 'jsonl');
  assert.equal(sniffKind(gzipSync(b('hello')), 'x.txt'), 'gzip');
  assert.equal(sniffKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'x.html'), 'binary');
  assert.equal(sniffKind(Buffer.alloc(4096), 'huge.jsonl'), 'binary');
  assert.equal(sniffKind(b('\ufeffThe ferry left Velmora.\n'), 'a.txt'), 'text');
  assert.equal(sniffKind(b('<p>A fragment</p>'), 'a.txt'), 'html');
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('<?xml version="1.0"?><rss version="2.0"/>', 'utf16le'),
  ]);
  assert.equal(sniffKind(utf16, 'feed'), 'feed', 'UTF-16 is text, not binary');
});

it('uses the name or media type when content is ambiguous', () => {
  assert.equal(sniffKind(b('   \n'), 'dump.ndjson'), 'jsonl');
  assert.equal(sniffKind(b('Plain words'), 'page.html'), 'html');
  assert.equal(sniffKind(b('Plain words'), '/feed', 'application/rss+xml'), 'feed');
  assert.equal(sniffKind(b('Plain words'), '/x', 'text/html; charset=utf-8'), 'html');
  assert.equal(sniffKind(b('Plain words'), 'notes'), 'text');
});
