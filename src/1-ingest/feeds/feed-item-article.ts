import { htmlToArticle } from '../html/html-article.js';
import { cleanTitle } from '../text-metadata.js';
import type { ParsedArticle, PublishedDate } from '../../types.js';
import type { Feed, FeedItem } from './parse-feed.js';

/** Below this many words, feed content is a teaser and the linked page is fetched instead. */
export const FULL_CONTENT_WORDS = 80;

/** The item's full-text HTML when the feed carries the article itself, else null. */
export function fullContent(item: FeedItem): string | null {
  for (const html of [item.contentHtml, item.summaryHtml]) {
    if (html && wordCount(html) >= FULL_CONTENT_WORDS) return html;
  }
  return null;
}

/** A feed item whose content is in the feed, as a parsed article. */
export function feedItemArticle(
  item: FeedItem,
  html: string,
  feed: Feed,
  ctx: { feed: string; source?: string },
): ParsedArticle {
  const page = `<!doctype html><html${feed.language ? ` lang="${escapeHtml(feed.language)}"` : ''}><head><title>${escapeHtml(item.title)}</title></head><body><article>${html}</article></body></html>`;
  const origin = item.link ?? `${ctx.feed}#${item.id}`;
  const { parsed } = htmlToArticle(page, {
    origin,
    ...(item.link ? { url: item.link } : {}),
    ...(ctx.source ? { source: ctx.source } : {}),
  });
  return withFeedMeta(parsed, item, feed, ctx, true);
}

/**
 * Fills what the feed knows and the page did not say: the item's title and
 * date, the feed's name as the outlet, the item's identity as metadata.
 */
export function withFeedMeta(
  parsed: ParsedArticle,
  item: FeedItem,
  feed: Feed,
  ctx: { feed: string; source?: string },
  preferItemTitle: boolean,
): ParsedArticle {
  const meta = { ...parsed.meta, headers: { ...parsed.meta.headers } };
  if (
    item.title &&
    (preferItemTitle || meta.titleSource === 'lead' || meta.titleSource === 'none')
  ) {
    meta.title = cleanTitle(item.title);
    meta.titleSource = 'header';
  }
  if (meta.published.value === null && item.published) meta.published = feedDate(item.published);
  if (ctx.source) {
    meta.source = ctx.source;
    meta.sourceEvidence = 'option';
  } else if (meta.sourceEvidence !== 'header' && feed.title !== 'unknown feed') {
    meta.source = cleanTitle(feed.title);
    meta.sourceEvidence = 'feed';
  }
  if (item.link) meta.headers.url = item.link;
  if (item.author) meta.headers.author = item.author;
  if (feed.language && !meta.headers.language) meta.headers.language = feed.language;
  meta.extra = { ...meta.extra, feed: ctx.feed, feedItemId: item.id };
  return { ...parsed, meta };
}

function feedDate(iso: string): PublishedDate {
  return { value: iso.slice(0, 10), certainty: 'stated', evidence: 'feed item date' };
}

function wordCount(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
