import type { Store } from '../6-store/store.js';
import { analyseText, storeArticle } from '../pipeline/ingest.js';
import type { ArticleJob, ArticleJobOutput } from './jobs.js';

/**
 * One job's work: analyse (outside any lock or transaction), then cluster and store in one
 * transaction. Running it twice for the same text stores it once: the second run finds the
 * content hash and reports a duplicate.
 */
export async function processArticleJob(
  store: Store,
  job: ArticleJob,
  timings?: { analyseMs: number; storeMs: number },
): Promise<ArticleJobOutput> {
  const t0 = performance.now();
  const article = analyseText(job.raw, job.context);
  const t1 = performance.now();
  const result = await storeArticle(store, article, job.raw);
  if (timings) {
    timings.analyseMs += t1 - t0;
    timings.storeMs += performance.now() - t1;
  }
  return result.status === 'added'
    ? {
        status: 'added',
        origin: job.context.origin,
        articleId: result.articleId,
        storyId: result.storyId,
        newStory: result.newStory,
      }
    : {
        status: 'duplicate',
        origin: job.context.origin,
        articleId: result.articleId,
        storyId: result.storyId,
      };
}
