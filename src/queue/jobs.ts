import type { TextContext } from '../1-ingest/text-metadata.js';

/**
 * The payload of one article job. The text travels in the job, so a worker on another
 * machine needs no access to the files that were ingested. A `kind` tag leaves room for
 * other inputs (a URL to fetch) without changing stored jobs.
 */
export interface TextArticleJob {
  kind: 'text';
  /** Decoded, normalised text exactly as read. */
  raw: string;
  context: TextContext;
}

export type ArticleJob = TextArticleJob;

/** What a completed job records as its output (visible in pg-boss's tables). */
export interface ArticleJobOutput {
  status: 'added' | 'duplicate';
  origin: string;
  articleId: string;
  storyId: string;
  newStory?: boolean;
}

/** Checks a payload read back from the queue: jobs are data from outside this process. */
export function parseArticleJob(data: unknown): ArticleJob {
  const d = data as Partial<TextArticleJob> | null;
  if (!d || typeof d !== 'object') throw new Error('job data is not an object');
  if (d.kind !== 'text') throw new Error(`unknown job kind ${JSON.stringify(d.kind)}`);
  if (typeof d.raw !== 'string') throw new Error('job has no text');
  if (!d.context || typeof d.context.origin !== 'string') throw new Error('job has no origin');
  return { kind: 'text', raw: d.raw, context: d.context };
}
