import { Readable } from 'node:stream';
import { articleFromBytes } from '../1-ingest/article-from-bytes.js';
import { fetchUrl } from '../1-ingest/fetch/fetch-url.js';
import { feedItemArticle, fullContent, withFeedMeta } from '../1-ingest/feeds/feed-item-article.js';
import { parseOpml } from '../1-ingest/feeds/opml.js';
import { parseFeed, type Feed, type FeedItem } from '../1-ingest/feeds/parse-feed.js';
import { decodeXml } from '../1-ingest/feeds/decode-xml.js';
import { decodeHtmlBytes } from '../1-ingest/html/charset.js';
import { htmlToArticle } from '../1-ingest/html/html-article.js';
import { gunzipLimited } from '../1-ingest/gunzip-limited.js';
import { InputError } from '../1-ingest/input-error.js';
import { sniffKind, SNIFF_BYTES, type InputKind } from '../1-ingest/sniff.js';
import { parseTextArticle } from '../1-ingest/text-metadata.js';
import type { IngestRun } from './ingest-run.js';
import { ingestJsonl } from './ingest-jsonl.js';

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Fetches a URL and ingests what it holds: an article page, a feed, an OPML
 * list, a dump. With `asFeed` (URLs from an OPML list) anything but a feed is
 * reported as such rather than read as a page.
 */
export async function ingestUrl(run: IngestRun, url: string, asFeed = false): Promise<void> {
  const page = await fetchUrl(url, run.fetchOptions);
  if (page.body.length === 0) throw new InputError(url, `empty response (HTTP ${page.status})`);
  let kind = sniffKind(
    page.body.subarray(0, SNIFF_BYTES),
    new URL(page.url).pathname,
    page.contentType,
  );
  if (asFeed && kind !== 'gzip') kind = 'feed';
  await ingestBytes(run, url, page.body, kind, { contentType: page.contentType, url: page.url });
}

/** Ingests an input already in memory, by kind. */
export async function ingestBytes(
  run: IngestRun,
  input: string,
  bytes: Uint8Array,
  kind: InputKind,
  where: { contentType?: string | null; url?: string; fileYear?: number },
): Promise<void> {
  const source = run.options.source;
  switch (kind) {
    case 'binary':
      throw new InputError(input, 'binary file, not text');
    case 'gzip': {
      const inner = gunzipLimited(input, bytes);
      const name = (where.url ?? input).replace(/\.gz$/i, '');
      return ingestBytes(run, input, inner, sniffKind(inner.subarray(0, SNIFF_BYTES), name), where);
    }
    case 'jsonl':
      return ingestJsonl(run, input, Readable.from([Buffer.from(bytes)]));
    case 'text':
    case 'html': {
      const { parsed, raw } = articleFromBytes(input, bytes, kind, { ...where, source });
      await run.article(input, parsed, raw);
      return;
    }
    case 'feed': {
      const feed = parseFeed(input, decodeXml(input, bytes, where.contentType), where.url);
      await ingestFeed(run, input, feed);
      return;
    }
    case 'opml': {
      for (const f of parseOpml(input, decodeXml(input, bytes, where.contentType))) {
        if (run.stopped) return;
        try {
          await ingestUrl(run, f.url, true);
        } catch (err) {
          run.fail(err, f.url);
        }
      }
      return;
    }
  }
}

/**
 * Ingests a feed's items (those not in `skip`): content in the feed is used
 * directly, link-only items are fetched. Returns the ids of items that were
 * stored or found to be duplicates, so a watcher can remember them.
 */
export async function ingestFeed(
  run: IngestRun,
  input: string,
  feed: Feed,
  skip: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const done: string[] = [];
  for (const item of feed.items) {
    if (run.stopped) break;
    if (skip.has(item.id)) continue;
    if (await ingestFeedItem(run, input, feed, item)) done.push(item.id);
  }
  return done;
}

async function ingestFeedItem(run: IngestRun, feedInput: string, feed: Feed, item: FeedItem) {
  const ctx = { feed: feedInput, ...(run.options.source ? { source: run.options.source } : {}) };
  const input = item.link ?? `${feedInput}#${item.id}`;
  try {
    const html = fullContent(item);
    if (html)
      return (await run.article(input, feedItemArticle(item, html, feed, ctx), html)) !== null;
    if (item.link) {
      const page = await fetchUrl(item.link, run.fetchOptions);
      const kind = sniffKind(
        page.body.subarray(0, SNIFF_BYTES),
        new URL(page.url).pathname,
        page.contentType,
      );
      if (kind !== 'html' && kind !== 'text')
        throw new InputError(input, `the linked page is not an article (${kind})`);
      const { text } = decodeHtmlBytes(page.body, page.contentType);
      const parsed =
        kind === 'html'
          ? htmlToArticle(text, { origin: page.url, url: page.url, ...ctx }).parsed
          : parseTextArticle(text, { origin: page.url, ...ctx });
      const article = withFeedMeta(parsed, item, feed, ctx, false);
      return (await run.article(input, article, text)) !== null;
    }
    const teaser = item.contentHtml ?? item.summaryHtml;
    if (!teaser) throw new InputError(input, 'feed item has neither content nor a link');
    return (await run.article(input, feedItemArticle(item, teaser, feed, ctx), teaser)) !== null;
  } catch (err) {
    run.fail(err, input);
    return false;
  }
}
