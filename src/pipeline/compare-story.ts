import { compareArticles } from '../5-compare/compare.js';
import type { Comparison } from '../5-compare/comparison.js';
import type { Store } from '../6-store/store.js';

/** Loads a story's articles from the store and compares them. */
export async function compareStory(store: Store, storyId: string): Promise<Comparison | null> {
  const story = await store.getStory(storyId);
  if (!story) return null;
  const articles = await store.storyArticles(story.id);
  return compareArticles(
    { id: story.id, title: story.title, firstDate: story.firstDate, lastDate: story.lastDate },
    articles,
  );
}
