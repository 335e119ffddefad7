import type { DiffOp } from '../5-compare/diff.js';
import type { ArticleLink, Store } from '../6-store/store.js';
import { versionDiff } from './relations.js';

export interface ArticleRelations {
  articleId: string;
  links: ArticleLink[];
  /** For each earlier version this article updates: the word diff from it to this one. */
  diffs: Array<{ from: string; to: string; ops: DiffOp[] }>;
}

/** An article's versions and same-text links, with the diff to each earlier version. */
export async function articleRelations(
  store: Store,
  articleId: string,
): Promise<ArticleRelations | null> {
  const article = await store.getArticle(articleId);
  if (!article) return null;
  const links = await store.articleLinks(articleId);
  const diffs: ArticleRelations['diffs'] = [];
  for (const l of links) {
    if (l.kind !== 'version-of') continue;
    const [earlier, later] = await Promise.all([store.getArticle(l.to), store.getArticle(l.from)]);
    if (earlier && later)
      diffs.push({ from: earlier.id, to: later.id, ops: versionDiff(earlier.text, later.text) });
  }
  return { articleId, links, diffs };
}
