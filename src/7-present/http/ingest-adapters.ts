import type { IngestAdapters } from './ingest-job.js';

/**
 * The HTML and URL readers `parallax serve` hands to POST /api/ingest.
 * Wiring point: when src/1-ingest/html/html-article.ts (htmlToArticle) and
 * src/1-ingest/fetch/fetch-url.ts (fetchUrl) are in the build, return them
 * here (adapting fetchUrl's result to { body, contentType, url }). Until then
 * the API accepts text only and answers 501 for html and url.
 */
export function defaultIngestAdapters(): IngestAdapters {
  return {
    // Private and loopback addresses stay refused unless explicitly allowed.
    allowPrivateNetwork: process.env.PARALLAX_ALLOW_PRIVATE_NETWORK === '1',
  };
}
