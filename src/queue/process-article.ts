import type { Store } from '../6-store/store.js';
import { analyseText, storeArticle } from '../pipeline/ingest.js';
import type { ArticleJob, ArticleJobOutput } from './jobs.js';

/**
 * One job's work: analyse (outside any lock or transaction), then cluster and store in one
 * transaction. Running it twice for the same text stores it once: the second run finds the
 * content hash and reports a duplicate.
 */
export async function processArticleJob(store: Store, job: ArticleJob): Promise<ArticleJobOutput> {
  const article = analyseText(job.raw, job.context);
  const result = await storeArticle(store, article, job.raw);
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
