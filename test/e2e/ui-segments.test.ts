import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentText } from '../../src/7-present/web/segments.js';
import { columns, highlightOf, timelineDay } from '../../src/7-present/web/statements.js';
import { hostileComparison } from '../unit/export-fixture.js';

describe('UI data helpers (no browser)', () => {
  it('cuts text into flat runs at every mark boundary, nested and overlapping marks included', () => {
    const segs = segmentText(20, [
      { start: 2, end: 12, kind: 'quote' },
      { start: 4, end: 8, kind: 'entity' },
      { start: 10, end: 15, kind: 'time' },
      { start: 18, end: 25, kind: 'bad' }, // past the end: ignored
      { start: 5, end: 5, kind: 'empty' }, // empty: ignored
    ]);
    assert.deepEqual(
      segs.map((s) => [s.start, s.end, s.marks.map((m) => m.kind).join('+')]),
      [
        [0, 2, ''],
        [2, 4, 'quote'],
        [4, 8, 'quote+entity'],
        [8, 10, 'quote'],
        [10, 12, 'quote+time'],
        [12, 15, 'time'],
        [15, 20, ''],
      ],
    );
    assert.deepEqual(segmentText(0, []), []);
  });

  it('builds one column per article with every statement once, in text order, coloured by relation', () => {
    const c = hostileComparison();
    const cols = columns(c);
    assert.equal(cols.length, c.articles.length);
    for (const col of cols) {
      const starts = col.statements.map((s) => s.start);
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
      );
    }
    const all = cols.flatMap((col) => col.statements);
    assert.equal(all.filter((s) => s.highlight === 'conflict').length, 2, 'the 12 vs 14 days pair');
    assert.ok(all.some((s) => s.highlight === 'paraphrase'));
    assert.ok(all.some((s) => s.highlight === 'unique' && s.groupId === null));
    assert.equal(highlightOf('near-identical', false), 'shared');
    assert.equal(highlightOf('partial', false), 'paraphrase');
  });

  it('places TimeML values on a day axis and refuses the unplaceable', () => {
    assert.equal(timelineDay('1970-01-02'), 1);
    assert.equal(timelineDay('1970-02'), 31);
    assert.equal(timelineDay('1971'), 365);
    assert.equal(timelineDay('XXXX-09'), null);
    assert.equal(timelineDay('P1W'), null);
  });
});
