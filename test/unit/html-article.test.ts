import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeHtmlBytes } from '../../src/1-ingest/html/charset.js';
import { htmlToArticle } from '../../src/1-ingest/html/html-article.js';
import { largestBlock } from '../../src/1-ingest/html/largest-block.js';
import { parseDocument } from '../../src/1-ingest/html/parse-dom.js';
import { isoTimestamp, urlDate } from '../../src/1-ingest/html/page-dates.js';
import { InputError } from '../../src/1-ingest/input-error.js';
import { analyseArticle } from '../../src/3-analyse/analyse.js';
import { REPO_ROOT } from '../paths.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'html');
const page = (name: string) => decodeHtmlBytes(readFileSync(join(FIXTURES, name))).text;
const extract = (name: string, url?: string) =>
  htmlToArticle(page(name), { origin: name, ...(url ? { url } : {}) });

test('drops cookie banner, navigation, share bar, related links, newsletter box and comments', () => {
  const a = extract('page-with-cookie-banner.html');
  assert.equal(a.method, 'readability');
  const text = a.parsed.text;
  assert.match(text, /^The tidal barrier that protects the low-lying streets of Orrin Bay/);
  assert.match(text, /close them only when a high tide is forecast\.$/);
  for (const furniture of [
    'cookies',
    'Accept all',
    'Home',
    'Share on Facebook',
    'Related stories',
    'Storm surge floods',
    'morning briefing',
    'About time they fixed',
    'All rights reserved',
    'do-not-keep-this',
    'position: fixed',
  ]) {
    assert.ok(!text.includes(furniture), `kept "${furniture}"`);
  }
  // Paragraphs separated by blank lines, one per <p>.
  assert.equal(text.split('\n\n').length, 4);
});

test('captions are listed apart and never in the body', () => {
  const a = extract('page-with-cookie-banner.html');
  assert.deepEqual(a.captions, [
    'The Orrin Bay barrier at low tide last winter. Photo: Harbour Wire',
  ]);
  assert.ok(!a.parsed.text.includes('low tide last winter'));
});

test('metadata from JSON-LD, OpenGraph and <link rel=canonical>', () => {
  const a = extract('page-with-cookie-banner.html');
  const m = a.parsed.meta;
  assert.equal(m.title, 'Tidal barrier at Orrin Bay to close for repairs');
  assert.equal(m.titleSource, 'header');
  assert.deepEqual(m.published, {
    value: '2024-03-05',
    certainty: 'stated',
    evidence: 'json-ld datePublished',
  });
  assert.equal(a.modified, '2024-03-05T11:02:00+01:00');
  assert.equal(a.byline, 'Mira Tesk');
  assert.equal(m.source, 'Harbour Wire');
  assert.equal(a.siteName, 'Harbour Wire');
  assert.equal(a.section, 'Coast');
  assert.equal(a.language, 'en');
  assert.equal(
    a.canonicalUrl,
    'https://harbourwire.example/news/2024/03/05/orrin-bay-barrier-repairs',
  );
  assert.equal(m.headers.url, a.canonicalUrl);
  assert.equal(m.headers.byline, 'Mira Tesk');
  assert.equal(m.headers.language, 'en');
  assert.equal(m.origin, 'page-with-cookie-banner.html');
});

test('OpenGraph article dates and meta author when there is no JSON-LD', () => {
  const a = extract('page-og-meta-dates.html');
  assert.deepEqual(a.parsed.meta.published, {
    value: '2021-06-02',
    certainty: 'stated',
    evidence: 'meta tag',
  });
  assert.equal(a.modified, '2021-06-03T08:00:00-04:00');
  assert.equal(a.byline, 'Ines Varga');
  assert.equal(a.parsed.meta.source, 'Velmora Courier');
  assert.equal(a.canonicalUrl, 'https://courier.example/people/lighthouse-keeper-retires');
  assert.equal(a.parsed.meta.title, 'Lighthouse keeper retires after 40 years');
});

test('a date in the URL is used, as inferred, when the page states none', () => {
  const url = 'https://orchard.example/farming/2019/09/17/record-apple-harvest';
  const a = extract('page-url-date-only.html', url);
  assert.deepEqual(a.parsed.meta.published, {
    value: '2019-09-17',
    certainty: 'inferred',
    evidence: 'date in URL',
  });
  // No site name on the page: the outlet is the host.
  assert.equal(a.parsed.meta.source, 'orchard.example');
  assert.equal(a.parsed.meta.sourceEvidence, 'url host');
  const withOption = htmlToArticle(page('page-url-date-only.html'), {
    origin: 'x.html',
    source: 'Orchard Post',
  });
  assert.equal(withOption.parsed.meta.source, 'Orchard Post');
  assert.equal(withOption.parsed.meta.published.value, null);
});

test('<time datetime> gives the date when meta tags do not', () => {
  const html = `<html><body><article><h1>Quay Street reopens</h1><time datetime="2020-02-29T10:00:00Z">29 Feb</time>
    <p>${'Quay Street reopened to traffic on Saturday after the flood walls were taken down by the water board crews. '.repeat(4)}</p></article></body></html>`;
  const a = htmlToArticle(html, { origin: 't.html' });
  assert.equal(a.parsed.meta.published.value, '2020-02-29');
  assert.equal(a.parsed.meta.published.evidence, '<time datetime>');
});

test('JSON-LD articleBody is the fallback for a script-only page', () => {
  const a = extract('page-json-ld-only.html');
  assert.equal(a.method, 'json-ld');
  assert.equal(a.parsed.text.split('\n\n').length, 3);
  assert.match(a.parsed.text, /^The Velmora city council voted on Monday/);
  assert.equal(a.parsed.meta.source, 'Velmora Courier');
  assert.equal(a.byline, 'Oskar Lind');
});

test('a page with no article is refused with a clear reason', () => {
  assert.throws(
    () => extract('page-no-article.html'),
    (e: unknown) =>
      e instanceof InputError &&
      e.input === 'page-no-article.html' &&
      /no article text found in the page/.test(e.reason),
  );
  assert.throws(() => htmlToArticle('', { origin: 'empty.html' }), InputError);
  assert.throws(() => htmlToArticle('\u0000\u0001<<<>>>', { origin: 'junk.html' }), InputError);
});

test('truncated HTML still yields the text that is there', () => {
  const a = extract('page-truncated.html');
  assert.equal(a.parsed.text.split('\n\n').length, 3);
  assert.match(a.parsed.text, /talks on rosters would continue in the autumn, when the$/);
  assert.equal(a.parsed.meta.published.value, '2022-08-14');
});

test('scripts, event handlers, frames and fallbacks never reach the text; escaped text stays text', () => {
  const a = extract('page-script-injection.html');
  for (const bad of [
    'INJECTED',
    'alert',
    'evil.example',
    'NOSCRIPT',
    'OBJECT FALLBACK',
    'onerror',
    'javascript:',
  ]) {
    assert.ok(!a.parsed.text.includes(bad), `kept "${bad}"`);
  }
  assert.match(a.parsed.text, /Writing <script> in a paragraph is plain text/);
  assert.match(a.parsed.text, /Visitors queued around the block/);
});

test('embedded social posts are kept as quoted text', () => {
  const a = extract('page-embedded-post.html');
  assert.match(a.parsed.text, /Almost there! The deck is complete/);
  assert.match(a.parsed.text, /Tove Brenning \(@example_mayor\)/);
});

test('<br><br> paragraphs in a "widget" container are kept as paragraphs', () => {
  const a = extract('page-br-paragraphs.html');
  const paragraphs = a.parsed.text.split('\n\n');
  assert.equal(paragraphs.length, 3);
  assert.match(paragraphs[2]!, /^"They sang like they meant every word,"/);
  assert.ok(!a.parsed.text.includes('Archive'));
});

test('legacy-encoded pages come out as correct text with the right language', () => {
  const ru = extract('page-cp1251-no-charset.html');
  assert.match(ru.parsed.text, /^Власти города Велмора/);
  assert.equal(ru.language, 'ru');
  const ja = extract('page-shift-jis-no-charset.html');
  assert.match(ja.parsed.text, /森川さやかさん/);
  assert.equal(ja.language, 'ja');
  const pl = extract('page-iso-8859-2-meta-charset.html');
  assert.equal(pl.language, 'pl');
});

test('the result runs through the existing analysis: sentences index the text', () => {
  const a = extract('page-with-cookie-banner.html');
  const analysed = analyseArticle(a.parsed);
  assert.equal(analysed.sentences.length, 7);
  for (const s of analysed.sentences) assert.ok(s.end > s.start && s.end <= analysed.text.length);
  assert.match(
    analysed.text.slice(analysed.sentences[0]!.start, analysed.sentences[0]!.end),
    /^The tidal barrier/,
  );
});

test('largest block picks the container with the most paragraph text', () => {
  const doc =
    parseDocument(`<body><div class="links"><p><a href="/a">A long link text that is only a link to elsewhere</a></p></div>
    <div class="x"><p>First real paragraph of the story with enough words in it.</p><p>Second real paragraph, also long enough to count here.</p></div></body>`);
  assert.deepEqual(largestBlock(doc), [
    'First real paragraph of the story with enough words in it.',
    'Second real paragraph, also long enough to count here.',
  ]);
});

test('date helpers: URL patterns and ISO normalisation', () => {
  assert.equal(urlDate('https://a.example/2024/03/05/story'), '2024-03-05');
  assert.equal(urlDate('https://a.example/news/2024-03-05-story'), '2024-03-05');
  assert.equal(urlDate('https://a.example/2024/02/30/story'), null);
  assert.equal(urlDate('https://a.example/story-20240305'), null);
  assert.equal(isoTimestamp('2024-03-05T07:30:00+0100'), '2024-03-05T07:30:00+01:00');
  assert.equal(isoTimestamp('2024-03-05'), '2024-03-05');
  assert.equal(isoTimestamp('Tue, 05 Mar 2024 07:30:00 GMT'), '2024-03-05T07:30:00Z');
  assert.equal(isoTimestamp('yesterday'), null);
});

test('a hostile page nested thousands deep is handled quickly by the largest-block path', () => {
  const n = 5000;
  const paragraph =
    'The harbour master said the pier would reopen once the divers had finished their survey. ';
  const html = `<html><body>${'<div>'.repeat(n)}<p>${paragraph.repeat(3)}</p>${'</div>'.repeat(n)}</body></html>`;
  const a = htmlToArticle(html, { origin: 'deep.html' });
  assert.equal(a.method, 'largest-block');
  assert.equal(a.parsed.text, paragraph.repeat(3).trim());
});

test('a teaser page whose JSON-LD carries the full text uses the JSON-LD body', () => {
  const body = Array.from(
    { length: 6 },
    (_, i) =>
      `Paragraph ${i + 1} of the full report on the Skarholm ferry timetable, which changes in spring after a long public consultation.`,
  ).join('\n');
  const html = `<html><head><script type="application/ld+json">${JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Ferry timetable changes',
    articleBody: body,
  })}</script></head><body><article><h1>Ferry timetable changes</h1>
    <p>Paragraph 1 of the full report on the Skarholm ferry timetable, which changes in spring after a long public consultation.</p>
    <div class="paywall">Subscribe to read the rest.</div></article></body></html>`;
  const a = htmlToArticle(html, { origin: 'teaser.html' });
  assert.equal(a.method, 'json-ld');
  assert.equal(a.parsed.text.split('\n\n').length, 6);
});

test('HTML entities in JSON-LD strings are decoded', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Q&amp;A: the barrier&#8217;s future","author":{"name":"Mira &quot;M&quot; Tesk"}}</script></head>
    <body><article><p>${'The water board answered readers\u2019 questions about the barrier repairs on Tuesday evening. '.repeat(3)}</p></article></body></html>`;
  const a = htmlToArticle(html, { origin: 'qa.html' });
  assert.equal(a.parsed.meta.title, 'Q&A: the barrier\u2019s future');
  assert.equal(a.byline, 'Mira "M" Tesk');
});

test('hover cards inside sentences go, the linked name stays', () => {
  const card =
    '<span class="person-hovercard"><img src="p.jpg"><a href="/p">Edda Marlowe</a><a href="/s1">Water board raises charges</a></span>';
  const sentence = `The board chair <a class="person-popup-link" href="/p">Edda Marlowe</a>${card} said the gates would be fixed before the equinox storms arrive.`;
  const html = `<html><body><article><p>${sentence}</p><p>${'Shop owners on Quay Street said the temporary walls would block their doors for weeks. '.repeat(3)}</p></article></body></html>`;
  const a = htmlToArticle(html, { origin: 'hover.html' });
  assert.match(a.parsed.text, /^The board chair Edda Marlowe said the gates would be fixed/);
  assert.ok(!a.parsed.text.includes('raises charges'));
});
