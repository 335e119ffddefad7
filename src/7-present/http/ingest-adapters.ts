import { fetchUrl } from '../../1-ingest/fetch/fetch-url.js';
import { decodeHtmlBytes } from '../../1-ingest/html/charset.js';
import { htmlToArticle } from '../../1-ingest/html/html-article.js';
import type { IngestAdapters } from './ingest-job.js';

/**
 * The HTML and URL readers `parallax serve` hands to POST /api/ingest: the
 * same extraction and the same guarded fetcher as `parallax ingest`.
 */
export function defaultIngestAdapters(): IngestAdapters {
  return {
    htmlToArticle: (html, ctx) => htmlToArticle(html, ctx).parsed,
    fetchUrl: async (url, opts) => {
      const page = await fetchUrl(url, { allowPrivateNetwork: opts.allowPrivateNetwork });
      const decoded = decodeHtmlBytes(page.body, page.contentType);
      return { body: decoded.text, contentType: page.contentType ?? '', url: page.url };
    },
    // Private and loopback addresses stay refused unless explicitly allowed.
    allowPrivateNetwork: process.env.PARALLAX_ALLOW_PRIVATE_NETWORK === '1',
  };
}
