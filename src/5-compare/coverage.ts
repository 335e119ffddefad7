import type { StatementGroup } from './comparison.js';

export type CoverageCell = 'verbatim' | 'paraphrase' | 'partial' | 'absent';

export interface CoverageMatrix {
  /** Column order: article ids. */
  articles: string[];
  /** One row per statement group, cells in column order. */
  rows: Array<{ groupId: string; cells: CoverageCell[] }>;
}

/** Statement groups × articles: how each article carries each statement. */
export function coverageMatrix(articleIds: string[], groups: StatementGroup[]): CoverageMatrix {
  return {
    articles: articleIds,
    rows: groups.map((g) => ({
      groupId: g.id,
      cells: articleIds.map((id) => {
        const members = g.members.filter((m) => m.articleId === id);
        if (members.length === 0) return 'absent';
        const rel = members.map((m) => m.relation);
        if (rel.includes('identical') || rel.includes('near-identical')) return 'verbatim';
        if (rel.includes('paraphrase')) return 'paraphrase';
        return 'partial';
      }),
    })),
  };
}

/**
 * For each article, the statements most other articles carry and it does not:
 * groups present in at least half of the other articles (and at least two of them).
 */
export function omissions(articleIds: string[], groups: StatementGroup[]) {
  return articleIds.map((id) => {
    const others = articleIds.length - 1;
    const missing = groups.filter((g) => {
      const carriers = new Set(g.members.map((m) => m.articleId));
      if (carriers.has(id)) return false;
      return carriers.size >= 2 && carriers.size >= others / 2;
    });
    return { articleId: id, groupIds: missing.map((g) => g.id) };
  });
}
