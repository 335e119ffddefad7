import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportMarkdown } from '../../src/7-present/export/export-markdown.js';
import { comparisonMarkdown } from '../../src/7-present/format/comparison-markdown.js';
import { hostileComparison } from './export-fixture.js';

describe('Markdown export', () => {
  const c = hostileComparison();
  const md = exportMarkdown(c);

  it('starts with the comparison report and adds the analysis sections', () => {
    assert.ok(md.startsWith(comparisonMarkdown(c).trimEnd()));
    assert.match(
      md,
      /## Entities\n\n- \*\*Orsolya Venn\*\* \(person\) — also: Mayor Venn, the mayor/,
    );
    assert.match(md, /## Quotes by speaker\n\n### Orsolya Venn/);
    assert.match(md, /## Quote fidelity\n\n- direct-vs-indirect/);
    assert.match(md, /## Timeline\n\n- \*\*2026-03-12\*\*/);
    assert.match(md, /XXXX-XX-XX\*\* \(unresolved\)/);
    assert.match(md, /## Provenance\n\n- .* ↔ .*: rewrite/);
  });

  it('escapes markup from article text', () => {
    assert.doesNotMatch(md, /(^|[^\\])<(script|img)/m);
    assert.match(md, /\\<script\\>/);
  });

  it('leaves out analysis sections that are empty', () => {
    const bare = exportMarkdown({
      ...c,
      entities: [],
      quotes: [],
      quoteFidelity: [],
      timeline: [],
      provenance: [],
    });
    assert.doesNotMatch(bare, /## (Entities|Quotes by speaker|Timeline|Provenance)/);
  });
});
