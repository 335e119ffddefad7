import type { Comparison } from '../../5-compare/comparison.js';

const COLUMNS = [
  'row_type',
  'story_id',
  'group_id',
  'relation',
  'article_id',
  'source',
  'start',
  'end',
  'speaker',
  'quote_kind',
  'utterance',
  'text',
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | null>>;

/** RFC 4180 field; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per statement group × outlet that carries it (absent outlets get a
 * row with relation "absent"), one per unique passage, and one per quote rendering.
 */
export function comparisonCsv(c: Comparison): string {
  const rows: Row[] = [];
  const story_id = c.story.id;
  for (const g of c.groups) {
    for (const a of c.articles) {
      const members = g.members.filter((m) => m.articleId === a.id);
      if (members.length === 0)
        rows.push({
          row_type: 'statement',
          story_id,
          group_id: g.id,
          relation: 'absent',
          article_id: a.id,
          source: a.source,
        });
      for (const m of members)
        rows.push({
          row_type: 'statement',
          story_id,
          group_id: g.id,
          relation: m.relation,
          article_id: m.articleId,
          source: m.source,
          start: m.start,
          end: m.end,
          text: m.text,
        });
    }
  }
  for (const u of c.unique)
    for (const p of u.passages)
      rows.push({
        row_type: 'unique',
        story_id,
        relation: 'unique',
        article_id: u.articleId,
        source: u.source,
        start: p.start,
        end: p.end,
        text: p.text,
      });
  for (const sq of c.quotes)
    for (const r of sq.renderings)
      rows.push({
        row_type: 'quote',
        story_id,
        article_id: r.articleId,
        source: r.source,
        start: r.content.start,
        end: r.content.end,
        speaker: sq.speaker,
        quote_kind: r.kind,
        utterance: r.utterance,
        text: r.content.text,
      });
  const lines = [COLUMNS.join(',')];
  for (const r of rows) lines.push(COLUMNS.map((k) => field(r[k])).join(','));
  return lines.join('\r\n') + '\r\n';
}
