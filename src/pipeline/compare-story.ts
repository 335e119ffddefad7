import { compareArticles } from '../5-compare/compare.js';
import type { Comparison } from '../5-compare/comparison.js';
import type { Store } from '../6-store/store.js';
import type { StoredArticle } from '../types.js';

/**
 * Loads a story's articles from the store and compares them. When an outlet updated an
 * article, only the latest version in the story is compared: an earlier version is not
 * another outlet's account, and comparing it would report the outlet as agreeing with
 * itself (`parallax versions` shows what changed between versions).
 */
export async function compareStory(store: Store, storyId: string): Promise<Comparison | null> {
  const story = await store.getStory(storyId);
  if (!story) return null;
  const articles = await latestVersions(store, await store.storyArticles(story.id));
  return compareArticles(
    { id: story.id, title: story.title, firstDate: story.firstDate, lastDate: story.lastDate },
    articles,
  );
}

/** The articles less every one that a later version in the same list supersedes. */
export async function latestVersions(
  store: Store,
  articles: StoredArticle[],
): Promise<StoredArticle[]> {
  const ids = new Set(articles.map((a) => a.id));
  const superseded = new Set<string>();
  for (const a of articles) {
    for (const l of await store.articleLinks(a.id)) {
      if (l.kind === 'version-of' && l.from === a.id && ids.has(l.to)) superseded.add(l.to);
    }
  }
  return superseded.size ? articles.filter((a) => !superseded.has(a.id)) : articles;
}
