import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Comparison } from '../../src/5-compare/comparison.js';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { compareStory } from '../../src/pipeline/compare-story.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { DEMO_CORPUS } from '../paths.js';

// The planted properties of the invented demo corpus (demo/README.md).
describe('demo corpus: the Kestrel Bridge story', () => {
  const store = new SqliteStore(':memory:');
  let c: Comparison;
  const bySource = (s: string) => c.articles.find((a) => a.source === s)!.id;
  before(async () => {
    await ingestPaths(store, [DEMO_CORPUS]);
    c = (await compareStory(store, (await store.listStories())[0]!.id))!;
  });
  after(() => store.close());

  it('groups the four bridge reports into one story and leaves the chess article apart', async () => {
    const stories = await store.listStories();
    assert.deepEqual(
      stories.map((s) => s.outlets),
      [
        ['Harbour Wire', 'Northline Post', 'Ostrand Courier', 'The Velmora Ledger'],
        ['Northline Post'],
      ],
    );
    assert.match(stories[1]!.title, /chess/);
  });

  it('matches the mayor quote worded differently by the Courier and the Post', () => {
    const g = c.groups.find(
      (g) =>
        g.members.some(
          (m) =>
            m.source === 'Ostrand Courier' && m.text.includes('every pillar has been inspected'),
        ) &&
        g.members.some(
          (m) => m.source === 'Northline Post' && m.text.includes('each pillar is checked'),
        ),
    );
    assert.ok(g);
    assert.equal(g.relation, 'paraphrase');
  });

  it('keeps the school shelter detail unique to the Ledger', () => {
    const ledger = c.unique.find((u) => u.articleId === bySource('The Velmora Ledger'))!;
    assert.ok(ledger.passages.some((p) => p.text.includes('emergency shelter')));
    const elsewhere = c.groups
      .flatMap((g) => g.members)
      .some((m) => m.text.includes('emergency shelter'));
    assert.equal(elsewhere, false);
  });

  it('aligns the evacuation sentences that give 240 and 420 residents', () => {
    const g = c.groups.find(
      (g) =>
        g.members.some((m) => m.text.includes('240 residents')) &&
        g.members.some((m) => m.text.includes('420 residents')),
    );
    assert.ok(g);
    assert.ok(
      g.pairs.some((p) =>
        p.diff.some(
          (o) =>
            (o.op === 'substitute' && o.from + o.to === '420240') ||
            (o.op === 'substitute' && /240|420/.test(o.from)),
        ),
      ),
    );
  });

  it('sees the Ledger as a near-verbatim copy of the wire: many identical or near-identical statements', () => {
    const wire = bySource('Harbour Wire');
    const ledger = bySource('The Velmora Ledger');
    const close = c.groups.filter((g) =>
      g.pairs.some((p) => {
        const ids = [g.members[p.a]!.articleId, g.members[p.b]!.articleId].sort();
        return (
          ids[0] === [wire, ledger].sort()[0] &&
          ids[1] === [wire, ledger].sort()[1] &&
          (p.relation === 'identical' || p.relation === 'near-identical')
        );
      }),
    );
    assert.ok(close.length >= 8, `only ${close.length}`);
    assert.ok(
      c.groups.some((g) =>
        g.pairs.some((p) =>
          p.diff.some((o) => o.op === 'variant' && o.from === 'canceled' && o.to === 'cancelled'),
        ),
      ),
    );
  });

  it('flags the caption, the read-more line and the wire dateline', () => {
    const kinds = c.articles.flatMap((a) => a.artifacts.map((x) => `${a.source}:${x.kind}`)).sort();
    assert.deepEqual(kinds, [
      'Harbour Wire:dateline',
      'Northline Post:read-more',
      'Ostrand Courier:caption',
    ]);
  });

  it('flags the 420 vs 240 evacuation figures as a number conflict with both sources and offsets', () => {
    const numberConflicts = c.conflicts.filter((k) => k.kind === 'number');
    assert.equal(numberConflicts.length, 1);
    const k = numberConflicts[0]!;
    const values = [k.a, k.b].map((s) => `${s.source}: ${s.value}`).sort();
    assert.deepEqual(values, ['Northline Post: Around 420', 'Ostrand Courier: Some 240']);
  });

  it('builds a coverage matrix with one row per group and one column per article', () => {
    assert.equal(c.coverage.rows.length, c.groups.length);
    assert.deepEqual(
      c.coverage.articles,
      c.articles.map((a) => a.id),
    );
    const ledger = c.articles.findIndex((a) => a.source === 'The Velmora Ledger');
    const wire = c.articles.findIndex((a) => a.source === 'Harbour Wire');
    const verbatimPairs = c.coverage.rows.filter(
      (r) => r.cells[ledger] === 'verbatim' && r.cells[wire] === 'verbatim',
    );
    assert.ok(verbatimPairs.length >= 8);
    for (const row of c.coverage.rows)
      assert.ok(row.cells.filter((x) => x !== 'absent').length >= 2);
  });
});
