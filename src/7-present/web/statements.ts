import type { Comparison } from '../../5-compare/comparison.js';

/** The four ways the UI colours a statement. */
export type Highlight = 'shared' | 'paraphrase' | 'unique' | 'conflict';

export interface ColumnStatement {
  start: number;
  end: number;
  text: string;
  highlight: Highlight;
  /** The statement group, or null for a statement only this article carries. */
  groupId: string | null;
  /** The relation as compare reports it (identical, paraphrase, ... or unique). */
  relation: string;
}

export interface Column {
  articleId: string;
  source: string;
  title: string;
  published: string | null;
  statements: ColumnStatement[];
}

/** identical and near-identical read as "shared"; paraphrase and partial as "paraphrase"; a figure that differs as "conflict". */
export function highlightOf(relation: string, conflicted: boolean): Highlight {
  if (conflicted) return 'conflict';
  if (relation === 'identical' || relation === 'near-identical') return 'shared';
  return 'paraphrase';
}

/** One column per article: its aligned and unique statements in text order. */
export function columns(c: Comparison): Column[] {
  const conflicted = new Set(c.conflicts.map((k) => `${k.groupId}\u0000${k.a.articleId}`));
  for (const k of c.conflicts) conflicted.add(`${k.groupId}\u0000${k.b.articleId}`);
  return c.articles.map((a) => {
    const statements: ColumnStatement[] = [];
    for (const g of c.groups)
      for (const m of g.members)
        if (m.articleId === a.id)
          statements.push({
            start: m.start,
            end: m.end,
            text: m.text,
            groupId: g.id,
            relation: m.relation,
            highlight: highlightOf(m.relation, conflicted.has(`${g.id}\u0000${a.id}`)),
          });
    for (const u of c.unique)
      if (u.articleId === a.id)
        for (const p of u.passages)
          statements.push({
            start: p.start,
            end: p.end,
            text: p.text,
            groupId: null,
            relation: 'unique',
            highlight: 'unique',
          });
    statements.sort((x, y) => x.start - y.start || x.end - y.end);
    return {
      articleId: a.id,
      source: a.source,
      title: a.title,
      published: a.published.value,
      statements,
    };
  });
}

/** Timeline values to a day number for the chart: "2025-11-13", "2025-09", "2024" are placeable; the rest is not. */
export function timelineDay(value: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return Math.round(t / 86400000);
}
