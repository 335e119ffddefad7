import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { compareStory } from '../../src/pipeline/compare-story.js';
import type { Comparison, Passage, StatementGroup } from '../../src/5-compare/comparison.js';
import { SEEDS } from '../paths.js';

// The reference case from DESIGN.md: two real reports of one interview.
const FIRST = 'a_83033457655d'; // 000_...: machine translation
const SECOND = 'a_b0c89de1295d'; // 004_...: TASS summary

describe('seeds: two reports of one Lavrov interview', () => {
  const store = new SqliteStore(':memory:');
  let comparison: Comparison;
  before(async () => {
    const report = await ingestPaths(store, [SEEDS]);
    assert.equal(report.failed.length, 0, JSON.stringify(report.failed));
    assert.equal(report.added.length, 2);
    const stories = await store.listStories();
    comparison = (await compareStory(store, stories[0]!.id))!;
  });
  after(() => store.close());

  const groupWith = (phraseA: RegExp, phraseB: RegExp): StatementGroup | undefined =>
    comparison.groups.find(
      (g) =>
        g.members.some((m) => m.articleId === FIRST && phraseA.test(m.text)) &&
        g.members.some((m) => m.articleId === SECOND && phraseB.test(m.text)),
    );

  it('forms one story holding both articles, dated 2025-11-13 and titled by the headline', async () => {
    const stories = await store.listStories();
    assert.equal(stories.length, 1);
    assert.deepEqual(stories[0]!.articles.map((a) => a.id).sort(), [FIRST, SECOND].sort());
    assert.equal(stories[0]!.firstDate, '2025-11-13');
    assert.equal(stories[0]!.title, 'Lavrov told what happened with the Budapest summit');
  });

  it('reads the TASS header date and dateline agency', async () => {
    const tass = (await store.getArticle(SECOND))!;
    assert.equal(tass.meta.source, 'TASS');
    assert.equal(tass.meta.sourceEvidence, 'dateline');
    assert.deepEqual(tass.meta.published, {
      value: '2025-11-13',
      certainty: 'stated',
      evidence: 'header',
    });
    const first = (await store.getArticle(FIRST))!;
    assert.equal(first.meta.published.value, null);
    assert.equal(first.meta.published.certainty, 'unknown');
  });

  it('matches "undercover reports" with "behind-the-scenes reports" as a paraphrase, with the words in the diff', () => {
    const g = groupWith(/undercover reports/, /behind-the-scenes/);
    assert.ok(g, 'no group holds both renderings of the reports statement');
    assert.equal(g.relation, 'paraphrase');
    const subs = g.pairs.flatMap((p) => p.diff).filter((o) => o.op === 'substitute');
    assert.ok(
      subs.some(
        (o) =>
          o.op === 'substitute' &&
          /behind-the-scenes/.test(o.from + o.to) &&
          /undercover/.test(o.from + o.to),
      ),
    );
  });

  it('matches "either postponed or canceled" with "either delayed or cancelled"', () => {
    const g = groupWith(/either postponed or canceled/, /either delayed or cancelled/);
    assert.ok(g);
    const ops = g.pairs.flatMap((p) => p.diff);
    assert.ok(
      ops.some((o) => o.op === 'variant' && /cancel/i.test(o.from) && /cancel/i.test(o.to)),
    );
    assert.ok(
      ops.some(
        (o) =>
          o.op === 'substitute' &&
          /postponed|delayed/.test(o.from) &&
          /postponed|delayed/.test(o.to),
      ),
    );
  });

  it('aligns the Budapest-readiness statement and the "fakes" / "false" statement', () => {
    assert.ok(
      groupWith(
        /ready to hold a summit in Budapest/,
        /willing to hold a Russian-American summit in Budapest/,
      ),
    );
    assert.ok(groupWith(/outright fakes about/, /is false/));
  });

  it('carries at least 4 statements in both articles', () => {
    assert.ok(comparison.groups.length >= 4, `only ${comparison.groups.length} shared groups`);
  });

  it('lists Witkoff, the non-paper and Rubio only in the first; Europe, Italy, the Global South only in the second', () => {
    const unique = (id: string) =>
      comparison.unique
        .find((u) => u.articleId === id)!
        .passages.map((p) => p.text)
        .join('\n');
    const shared = comparison.groups.flatMap((g) => g.members.map((m) => m.text)).join('\n');
    const first = unique(FIRST);
    const second = unique(SECOND);
    for (const only of [/Witkoff/, /non-paper/, /Rubio/]) {
      assert.match(first, only);
      assert.doesNotMatch(second, only);
      assert.doesNotMatch(shared, only);
    }
    for (const only of [/Europe/, /Italy/, /Global South/]) {
      assert.match(second, only);
      assert.doesNotMatch(first, only);
    }
  });

  it('flags the photo caption and the untranslated Russian leftover as artifacts, outside every statement', async () => {
    const first = (await store.getArticle(FIRST))!;
    const caption = first.artifacts.find((a) => a.kind === 'caption');
    assert.ok(caption);
    assert.equal(
      first.text.slice(caption.start, caption.end),
      'Sergey Lavrov. Photo: Russian Foreign Ministry',
    );
    const leftovers = first.artifacts.filter(
      (a) => a.kind === 'foreign-script' || a.kind === 'read-more',
    );
    assert.ok(leftovers.length >= 1);
    for (const l of leftovers)
      assert.equal(first.text.slice(l.start, l.end), 'полная версия на сайте');
    const tass = (await store.getArticle(SECOND))!;
    assert.ok(
      tass.artifacts.some(
        (a) =>
          a.kind === 'dateline' &&
          tass.text.slice(a.start, a.end).startsWith('MOSCOW, November 13.'),
      ),
    );
    const all: Passage[] = [
      ...comparison.groups.flatMap((g) => g.members),
      ...comparison.unique.flatMap((u) => u.passages),
    ];
    for (const p of all) assert.doesNotMatch(p.text, /Photo:|полная/);
  });

  it('gives every item offsets that point at its text', async () => {
    const texts = new Map<string, string>();
    for (const id of [FIRST, SECOND]) texts.set(id, (await store.getArticle(id))!.text);
    const passages: Passage[] = [
      ...comparison.groups.flatMap((g) => g.members),
      ...comparison.unique.flatMap((u) => u.passages),
    ];
    for (const p of passages) assert.equal(texts.get(p.articleId)!.slice(p.start, p.end), p.text);
  });

  it('flags the first article as a probable machine translation and neither as derived from the other', () => {
    const first = comparison.articles.find((a) => a.id === FIRST)!;
    const second = comparison.articles.find((a) => a.id === SECOND)!;
    assert.equal(first.translation.probableMachineTranslation, true);
    const rules = first.translation.evidence.map((e) => e.rule);
    assert.ok(rules.includes('leftover/foreign-script'), rules.join());
    assert.ok(rules.includes('pronoun/gender-mismatch'), rules.join());
    assert.equal(second.translation.probableMachineTranslation, false);
    const p = comparison.provenance[0]!;
    assert.equal(comparison.provenance.length, 1);
    assert.ok(p.derived === null || p.confidence < 0.5, JSON.stringify(p));
  });

  it('resolves Lavrov to one person across both articles, with all his name forms', () => {
    const lavrov = comparison.entities.filter((e) => /Lavrov/.test(e.name));
    assert.equal(lavrov.length, 1, JSON.stringify(lavrov.map((e) => e.name)));
    const aliases = lavrov[0]!.aliases.join(' | ');
    for (const form of [
      /Sergey Lavrov/,
      /Sergei Lavrov/,
      /^Lavrov$|\| Lavrov( \||$)/,
      /the minister/i,
      /top diplomat/i,
    ])
      assert.match(aliases, form);
    assert.equal(lavrov[0]!.type, 'person');
    assert.deepEqual(new Set(lavrov[0]!.members.map((m) => m.articleId)), new Set([FIRST, SECOND]));
  });

  it('finds Rubio, Witkoff, Putin and Trump as people; Budapest, Anchorage, Washington, New York as places', () => {
    const named = (type: string, re: RegExp) =>
      comparison.entities.some((e) => e.type === type && re.test(e.name));
    for (const re of [/Rubio/, /Witkoff/, /Putin/, /Trump/])
      assert.ok(named('person', re), String(re));
    for (const re of [/Budapest/, /Anchorage|Alaska/, /Washington/, /New York/])
      assert.ok(named('place', re) || named('event', re), String(re));
  });

  it('resolves "the Anchorage summit", "the Alaska summit" and "the Alaska talks" to one named event', () => {
    const summits = comparison.entities.filter(
      (e) =>
        e.type === 'event' &&
        e.aliases.some((a) => /(?:Anchorage|Alaska) (?:summit|talks)/.test(a)),
    );
    assert.equal(summits.length, 1, JSON.stringify(summits.map((e) => e.aliases)));
    assert.equal(summits[0]!.name, 'Anchorage summit');
    for (const alias of ['Anchorage summit', 'Alaska summit', 'Alaska talks'])
      assert.ok(summits[0]!.aliases.includes(alias), JSON.stringify(summits[0]!.aliases));
  });

  it('attributes the quotes to Lavrov with their cues, across both outlets', () => {
    const lavrov = comparison.quotes.find((g) => /Lavrov/.test(g.speaker))!;
    assert.ok(lavrov, comparison.quotes.map((g) => g.speaker).join());
    const outlets = new Set(lavrov.renderings.map((r) => r.articleId));
    assert.deepEqual(outlets, new Set([FIRST, SECOND]));
    const cues = lavrov.renderings.map((r) => r.cue?.text.toLowerCase() ?? '');
    for (const cue of ['said', 'noted', 'according to']) assert.ok(cues.includes(cue), cues.join());
    assert.ok(lavrov.renderings.some((r) => r.kind === 'direct'));
    assert.ok(lavrov.renderings.some((r) => r.kind !== 'direct'));
    for (const r of lavrov.renderings) {
      const text = comparison.articles.find((a) => a.id === r.articleId) && r.content.text;
      assert.ok(text && text.length > 0);
    }
  });

  it('builds a timeline with June 2024, the Anchorage summit, September and 2025-11-13', () => {
    const values = comparison.timeline.map((t) => t.value);
    assert.ok(values.includes('2024-06'), values.join());
    assert.ok(values.includes('2025-09'), values.join());
    assert.ok(values.includes('2025-11-13'), values.join());
    const anchored = comparison.timeline.filter(
      (t) => t.anchor && /Anchorage/.test(t.anchor.event),
    );
    assert.ok(anchored.length >= 2, 'the summit itself and "a week before" it');
    assert.ok(anchored.some((t) => t.anchor!.direction === 'before' && t.anchor!.offset === 'P1W'));
    for (const t of comparison.timeline)
      for (const r of t.reports) assert.ok(r.time.end > r.time.start);
  });

  it('reports the changed wording inside quote marks ("undercover" vs "behind-the-scenes")', () => {
    assert.ok(
      comparison.quoteFidelity.some(
        (f) =>
          f.kind === 'wording-changed' &&
          /undercover/.test(f.detail) &&
          /behind-the-scenes/.test(f.detail),
      ),
    );
  });
});
