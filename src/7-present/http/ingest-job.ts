import { normaliseText } from '../../1-ingest/decode-text.js';
import { InputError } from '../../1-ingest/input-error.js';
import { parseTextArticle } from '../../1-ingest/text-metadata.js';
import type { Store } from '../../6-store/store.js';
import { analyseOne } from '../../pipeline/analyse-pool.js';
import { storeArticle } from '../../pipeline/ingest.js';
import type { ParsedArticle } from '../../types.js';
import { HttpProblem } from './problem.js';
import type { IngestBody } from './schemas.js';

/**
 * The HTML and URL readers live in the ingest stage; the server is handed
 * them so it does not depend on which ones a build includes. Without them,
 * POST /api/ingest accepts text only and answers 501 for html and url.
 */
export interface IngestAdapters {
  /** Extracts the article from an HTML page (hostile input). */
  htmlToArticle?: (
    html: string,
    ctx: { origin: string; url?: string; source?: string },
  ) => ParsedArticle | Promise<ParsedArticle>;
  /** Fetches a URL, refusing private addresses unless allowed; returns the body as text. */
  fetchUrl?: (
    url: string,
    opts: { allowPrivateNetwork: boolean },
  ) => Promise<{ body: string; contentType: string; url: string }>;
  allowPrivateNetwork?: boolean;
}

export interface IngestJobResult {
  status: 'added' | 'duplicate';
  articleId: string;
  storyId: string;
  newStory: boolean;
  title: string;
  source: string;
}

/** Refuses unsupported inputs before a job is queued, so the client gets a 501 at once. */
export function checkIngestSupported(body: IngestBody, adapters: IngestAdapters): void {
  if (body.kind === 'html' && !adapters.htmlToArticle)
    throw new HttpProblem(501, 'HTML ingest is not available in this build; send {"kind":"text"}');
  if (body.kind === 'url' && (!adapters.fetchUrl || !adapters.htmlToArticle))
    throw new HttpProblem(501, 'URL ingest is not available in this build; send {"kind":"text"}');
}

/** The parsed article and the input exactly as received (kept for audit). */
async function parse(
  body: IngestBody,
  adapters: IngestAdapters,
): Promise<{ parsed: ParsedArticle; raw: string }> {
  const source = body.source ? { source: body.source } : {};
  if (body.kind === 'text') {
    const origin = body.origin ?? '(api)';
    return {
      parsed: parseTextArticle(normaliseText(body.text), { origin, ...source }),
      raw: body.text,
    };
  }
  if (body.kind === 'html') {
    const parsed = await adapters.htmlToArticle!(body.html, {
      origin: body.origin ?? body.url ?? '(api)',
      ...(body.url ? { url: body.url } : {}),
      ...source,
    });
    return { parsed, raw: body.html };
  }
  const page = await adapters.fetchUrl!(body.url, {
    allowPrivateNetwork: adapters.allowPrivateNetwork ?? false,
  });
  const parsed = await adapters.htmlToArticle!(page.body, {
    origin: page.url,
    url: page.url,
    ...source,
  });
  return { parsed, raw: page.body };
}

/**
 * Parses, analyses, clusters and stores one article sent to the API. With `threads` > 1 the
 * analysis runs in the worker pool, so the server keeps answering while it works.
 */
export async function runIngestJob(
  store: Store,
  body: IngestBody,
  adapters: IngestAdapters,
  threads = 1,
): Promise<IngestJobResult> {
  try {
    const { parsed, raw } = await parse(body, adapters);
    const outcome = await analyseOne(
      { kind: 'parsed', parsed, raw, input: parsed.meta.origin },
      threads,
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    const { article } = outcome;
    const r = await storeArticle(store, article, raw, outcome.features, outcome.contentHash);
    return {
      status: r.status,
      articleId: r.articleId,
      storyId: r.storyId,
      newStory: r.status === 'added' ? r.newStory : false,
      title: article.meta.title,
      source: article.meta.source,
    };
  } catch (e) {
    if (e instanceof InputError) throw new Error(`${e.input}: ${e.reason}`);
    throw e;
  }
}
