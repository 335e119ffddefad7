import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparisonCsv } from '../../src/7-present/export/export-csv.js';
import { hostileComparison } from './export-fixture.js';

/** A minimal RFC 4180 reader, to check the writer round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      ((row = []), (field = ''), i++);
    } else field += ch;
  }
  return rows;
}

describe('CSV export', () => {
  const c = hostileComparison();
  const rows = parseCsv(comparisonCsv(c));
  const header = rows[0]!;
  const col = (r: string[], name: string) => r[header.indexOf(name)]!;

  it('has one row per statement group × outlet, one per unique passage and one per quote rendering', () => {
    const statements = rows.filter((r) => col(r, 'row_type') === 'statement');
    const perGroup = c.groups.reduce(
      (n, g) =>
        n +
        c.articles.reduce(
          (k, a) => k + Math.max(1, g.members.filter((m) => m.articleId === a.id).length),
          0,
        ),
      0,
    );
    assert.ok(c.groups.length > 0);
    assert.equal(statements.length, perGroup);
    assert.equal(
      rows.filter((r) => col(r, 'row_type') === 'unique').length,
      c.unique.reduce((n, u) => n + u.passages.length, 0),
    );
    const quotes = rows.filter((r) => col(r, 'row_type') === 'quote');
    assert.equal(quotes.length, 2);
    assert.equal(col(quotes[0]!, 'speaker'), 'Orsolya Venn');
    assert.ok(rows.every((r) => r.length === header.length));
  });

  it('round-trips quotes, commas and newlines, with offsets that point at the text', () => {
    const quoted = rows.find((r) => col(r, 'text').includes('"a seam of wet clay"'));
    assert.ok(quoted, 'a statement containing double quotes survives');
    const m = c.groups.flatMap((g) => g.members).find((x) => x.text === col(quoted!, 'text'));
    assert.ok(m);
    assert.equal(col(quoted!, 'start'), String(m!.start));
  });

  it('defuses spreadsheet formulas in text cells', () => {
    const formula = rows.find((r) => col(r, 'text').includes('HYPERLINK'));
    assert.ok(formula);
    assert.ok(col(formula!, 'text').startsWith("'="), col(formula!, 'text'));
    assert.ok(rows.every((r) => r.every((f) => !/^[=+@]/.test(f))));
  });
});
