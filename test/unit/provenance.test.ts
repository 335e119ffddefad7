import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, compare } from '../../src/index.js';
import { translationSignals } from '../../src/5-compare/translation-signals.js';
import type { StoredArticle } from '../../src/types.js';

// Invented reports of one council vote in the fictional town of Orrenby.
const WIRE = `Orrenby council approves tram extension
date 2026-05-02
source Ferrow Wire

The Orrenby town council voted 9 to 4 on Tuesday to extend the harbour tram line to the Sallow Hill estate.
Construction of the 3.2-kilometre extension is due to begin in September and to last eighteen months.
Mayor Tobin Archer said the line would cut the commute from Sallow Hill to the harbour by twenty minutes.
Opposition councillors argued the budget of 48 million crowns ignored rising steel prices.
The council will publish the tender documents next week.`;

const COPY = `Orrenby council approves tram extension
date 2026-05-03
source Harbour Evening Post

The Orrenby town council voted 9 to 4 on Tuesday to extend the harbour tram line to the Sallow Hill estate.
Construction of the 3.2-kilometre extension is due to begin in September and to last eighteen months.
Mayor Tobin Archer said the line would cut the commute from Sallow Hill to the harbour by twenty minutes.
Opposition councillors argued the budget of 48 million crowns ignored rising steel prices.
The council will publish the tender documents next week.`;

const OTHER = `Tram line to Sallow Hill wins council backing
date 2026-05-02
source Orrenby Gazette

Sallow Hill residents celebrated outside the town hall after councillors backed the tram plan.
Shopkeeper Dilys Marren said she had waited a decade for a direct link to the harbour.
The extension was approved by nine votes to four.
Critics on the council warned that steel prices could push the 48 million crown budget higher.
Work on the line should start in the autumn.`;

function stored(text: string): StoredArticle {
  return { ...analyse(text), id: 'x', storyId: 's', contentHash: 'h', ingestedAt: '' };
}

describe('provenance between articles', () => {
  it('calls a near-verbatim copy published a day later "same-text", the later one derived', () => {
    const c = compare([analyse(WIRE), analyse(COPY)]);
    const p = c.provenance[0]!;
    assert.equal(p.kind, 'same-text');
    assert.equal(p.derived, c.articles.find((a) => a.source === 'Harbour Evening Post')!.id);
    assert.ok(p.confidence >= 0.8, String(p.confidence));
    assert.ok(p.shared.a > 0.9 && p.shared.b > 0.9);
  });

  it('calls a report in its own words independent, with evidence', () => {
    const c = compare([analyse(WIRE), analyse(OTHER)]);
    const p = c.provenance[0]!;
    assert.equal(p.kind, 'independent');
    assert.equal(p.derived, null);
    assert.ok(p.evidence.length >= 2);
  });

  it('gives one relation per pair of articles', () => {
    const c = compare([analyse(WIRE), analyse(COPY), analyse(OTHER)]);
    assert.equal(c.provenance.length, 3);
  });
});

describe('machine-translation signals', () => {
  it('flags a female pronoun in a sentence about a named man, with its offsets', () => {
    const a = stored(`Talks in Veskar

Foreign minister Peter Holm met envoy Marco Lindqvist in Veskar, when he reminded her that the offer stood.
The talks ended without a statement.`);
    const s = translationSignals(a);
    const e = s.evidence.find((x) => x.rule === 'pronoun/gender-mismatch');
    assert.ok(e, JSON.stringify(s));
    assert.equal(a.text.slice(e.start, e.end), 'her');
    assert.equal(s.probableMachineTranslation, true);
  });

  it('does not flag "her" when a woman is named in the sentence', () => {
    const a = stored(`Talks in Veskar

Envoy Marco Lindqvist met minister Anna Holm in Veskar and thanked her for the offer.
The talks ended without a statement.`);
    assert.equal(translationSignals(a).probableMachineTranslation, false);
  });
});
