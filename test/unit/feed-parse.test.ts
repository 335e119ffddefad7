import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeXml } from '../../src/1-ingest/feeds/decode-xml.js';
import { feedItemArticle, fullContent } from '../../src/1-ingest/feeds/feed-item-article.js';
import { parseOpml } from '../../src/1-ingest/feeds/opml.js';
import { parseFeed } from '../../src/1-ingest/feeds/parse-feed.js';
import { InputError } from '../../src/1-ingest/input-error.js';
import { FIXTURES } from '../paths.js';

const FEEDS = join(FIXTURES, 'feeds');
const read = (name: string) => decodeXml(name, readFileSync(join(FEEDS, name)));

describe('feed parsing', () => {
  it('reads Atom entries with full HTML content, dates, links and authors', () => {
    const feed = parseFeed('atom', read('feed-atom-with-content.xml'));
    assert.equal(feed.title, 'Brindlemouth Courier');
    assert.equal(feed.items.length, 2);
    const [first, second] = feed.items;
    assert.equal(first!.title, 'Lighthouse keepers vote to end strike at Cape Orrin');
    assert.equal(first!.id, 'urn:courier:2026-02-03-lighthouse');
    assert.equal(first!.link, 'https://courier.example/2026/02/03/lighthouse-strike');
    assert.equal(first!.published?.slice(0, 10), '2026-02-03');
    assert.equal(first!.author, 'Odile Marchetti');
    assert.match(first!.contentHtml!, /<p>Lighthouse keepers at Cape Orrin voted/);
    assert.ok(fullContent(first!), 'the entry carries the whole article');
    assert.equal(second!.published?.slice(0, 10), '2026-02-04', 'updated stands in for published');
    assert.ok(fullContent(second!), 'CDATA content is read');
  });

  it('reads RSS 1.0 (RDF) items with content:encoded and dc:date', () => {
    const feed = parseFeed('rdf', read('feed-rdf.xml'));
    assert.equal(feed.title, 'Valley Almanac');
    assert.equal(feed.items.length, 1);
    const item = feed.items[0]!;
    assert.equal(item.title, 'Beekeepers move hives to the Halden meadows');
    assert.equal(item.link, 'https://almanac.example/beekeepers');
    assert.equal(item.published?.slice(0, 10), '2026-03-02');
    assert.equal(item.author, 'Ilse Varga');
    assert.ok(fullContent(item));
  });

  it('reads RSS 2.0 link-only items as teasers to fetch', () => {
    const feed = parseFeed(
      'rss2',
      read('feed-rss2-link-only.xml').replaceAll('{{BASE}}', 'https://tidewater.example'),
    );
    assert.equal(feed.title, 'Tidewater Times');
    assert.equal(feed.language, 'en');
    assert.deepEqual(
      feed.items.map((i) => i.id),
      ['tidewater-1001', 'tidewater-1002', 'tidewater-1003'],
    );
    assert.equal(feed.items[0]!.link, 'https://tidewater.example/news/ferry-timetable');
    assert.equal(feed.items[0]!.published?.slice(0, 10), '2026-02-03');
    assert.equal(fullContent(feed.items[0]!), null, 'a one-line description is not the article');
  });

  it('reads RSS 0.91 with the Netscape DOCTYPE (no entities declared) in ISO-8859-1', () => {
    const feed = parseFeed('rss091', read('feed-rss091-netscape-doctype.xml'));
    assert.equal(feed.title, 'Lantern News');
    assert.equal(feed.items[0]!.title, 'Café owners in Brindlemouth protest new terrace fee');
  });

  it('turns a full-content item into an article with the feed as outlet', () => {
    const feed = parseFeed('atom', read('feed-atom-with-content.xml'));
    const item = feed.items[0]!;
    const parsed = feedItemArticle(item, fullContent(item)!, feed, { feed: 'courier.xml' });
    assert.equal(parsed.meta.title, item.title);
    assert.equal(parsed.meta.source, 'Brindlemouth Courier');
    assert.equal(parsed.meta.sourceEvidence, 'feed');
    assert.equal(parsed.meta.published.value, '2026-02-03');
    assert.equal(parsed.meta.origin, item.link);
    assert.match(parsed.text, /Brannoch Hale/);
    assert.doesNotMatch(parsed.text, /<p>|&lt;/);
    assert.deepEqual(parsed.meta.extra, { feed: 'courier.xml', feedItemId: item.id });
  });

  it('reports a feed that is an HTML page, naming the feed it links to', () => {
    assert.throws(
      () => parseFeed('front-page', read('feed-is-html.xml')),
      (e: unknown) =>
        e instanceof InputError &&
        e.input === 'front-page' &&
        /HTML page, not a feed \(it links to a feed at https:\/\/gazette\.example\/rss\.xml\)/.test(
          e.reason,
        ),
    );
  });

  it('reads a UTF-16 feed by its byte order mark', () => {
    const xml = read('feed-rdf.xml').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const feed = parseFeed('utf16', decodeXml('utf16', bytes));
    assert.equal(feed.items[0]!.title, 'Beekeepers move hives to the Halden meadows');
  });

  it('reports truncated XML as malformed', () => {
    assert.throws(() => parseFeed('cut', read('feed-truncated.xml')), /malformed feed XML/);
  });

  it('reports XML that is not a feed', () => {
    assert.throws(
      () => parseFeed('x', '<?xml version="1.0"?><catalog><book/></catalog>'),
      /not an RSS, RDF or Atom feed/,
    );
  });
});

describe('OPML', () => {
  it('lists every feed once, nested outlines included, entities decoded', () => {
    const feeds = parseOpml(
      'subs',
      read('subscriptions.opml').replaceAll('{{BASE}}', 'https://x.example'),
    );
    assert.deepEqual(feeds, [
      { url: 'https://x.example/tidewater.xml', title: 'Tidewater Times' },
      { url: 'https://x.example/courier.xml', title: 'Courier & Post' },
      { url: 'https://x.example/missing.xml', title: 'Broken feed' },
      { url: 'https://x.example/front-page', title: 'A home page, not a feed' },
    ]);
  });

  it('refuses OPML without feeds or with entity declarations', () => {
    assert.throws(() => parseOpml('e', '<opml><body></body></opml>'), /lists no feeds/);
    assert.throws(
      () => parseOpml('b', '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "b">]><opml/>'),
      /refused without expanding/,
    );
  });
});
