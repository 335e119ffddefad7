import { relative } from 'node:path';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { compareStory } from '../../src/pipeline/compare-story.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { DEMO_CORPUS, REPO_ROOT } from '../paths.js';

export const EXPECTED = new URL('../../../test/golden/expected/demo.json', import.meta.url);

/**
 * What the golden test pins down for the demo corpus: the story partition and
 * the full comparison of the largest story. Origins are made relative to the
 * repository so the file is the same on every machine.
 */
export async function goldenOutput(): Promise<unknown> {
  const store = new SqliteStore(':memory:');
  try {
    const report = await ingestPaths(store, [DEMO_CORPUS]);
    if (report.failed.length)
      throw new Error(`demo corpus failed: ${JSON.stringify(report.failed)}`);
    const stories = await store.listStories();
    const comparison = await compareStory(store, stories[0]!.id);
    const rel = (p: string) => relative(REPO_ROOT, p);
    return {
      stories: stories.map((s) => ({
        id: s.id,
        title: s.title,
        firstDate: s.firstDate,
        lastDate: s.lastDate,
        articles: s.articles.map((a) => ({ ...a, origin: rel(a.origin) })),
      })),
      comparison: {
        ...comparison!,
        articles: comparison!.articles.map((a) => ({ ...a, origin: rel(a.origin) })),
      },
    };
  } finally {
    await store.close();
  }
}
