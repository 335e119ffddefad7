import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, exportHtml } from '../../src/7-present/export/export-html.js';
import { hostileComparison } from './export-fixture.js';

describe('HTML report export', () => {
  const c = hostileComparison();
  const html = exportHtml(c);

  it('is one self-contained document: no script, no external request', () => {
    assert.match(html, /^<!doctype html>/);
    assert.doesNotMatch(html, /<(script|link|img|iframe|object|embed|a|svg)\b/i);
    assert.doesNotMatch(
      html,
      /<[a-z][^>]*\s(src|href|on[a-z]+)=/i,
      'no tag with a source, link or handler',
    );
    assert.doesNotMatch(html, /url\(/i);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  it('escapes every piece of article text', () => {
    assert.ok(
      c.articles.some((a) => a.title.includes('<script>')),
      'fixture title carries markup',
    );
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;img src=x onerror=alert\(2\)&gt;/);
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('carries the statements, coverage, quotes, timeline, entities and provenance', () => {
    for (const g of c.groups) assert.ok(html.includes(`<h3>${g.id} `), g.id);
    assert.match(html, /<h2>Coverage<\/h2>/);
    assert.match(html, /<h2>Quotes by speaker<\/h2>[\s\S]*Orsolya Venn/);
    assert.match(html, /<h2>Timeline<\/h2>[\s\S]*2026-03-12/);
    assert.match(html, /<h2>Entities<\/h2>[\s\S]*Mayor Venn/);
    assert.match(html, /<h2>Provenance<\/h2>[\s\S]*rewrite/);
  });
});
