import { createHash } from 'node:crypto';
import { extractFromXml } from '@extractus/feed-extractor';
import { InputError } from '../input-error.js';
import { safeXml } from './xml-guard.js';

export interface FeedItem {
  /** guid / id / link: what "seen" is remembered by. */
  id: string;
  title: string;
  link: string | null;
  /** ISO timestamp, or null. */
  published: string | null;
  author: string | null;
  /** Full article HTML (content:encoded, Atom content), when the feed carries it. */
  contentHtml: string | null;
  /** Summary/description HTML. */
  summaryHtml: string | null;
}

export interface Feed {
  title: string;
  link: string | null;
  language: string | null;
  items: FeedItem[];
}

type Raw = Record<string, unknown>;

/**
 * Parses RSS 0.9x/1.0 (RDF)/2.0 or Atom text. Entity declarations are refused
 * before parsing (see safeXml); an HTML page is reported as such, with the feed
 * it advertises when it has one.
 */
export function parseFeed(input: string, text: string, baseUrl?: string): Feed {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^\s*(<!--[\s\S]*?-->\s*)*<!doctype html|^\s*<html[\s>]/i.test(head)) {
    const alt = /<link[^>]+type=["']application\/(rss|atom)\+xml["'][^>]*>/i.exec(text)?.[0];
    const href = alt ? /href=["']([^"']+)["']/i.exec(alt)?.[1] : undefined;
    throw new InputError(
      input,
      `this is an HTML page, not a feed${href ? ` (it links to a feed at ${href})` : ''}`,
    );
  }
  const xml = safeXml(input, text);
  let data;
  try {
    data = extractFromXml(xml, {
      descriptionMaxLen: 0,
      useISODateFormat: true,
      ...(baseUrl ? { baseUrl } : {}),
      xmlParserOptions: { processEntities: true, htmlEntities: true },
      getExtraFeedFields: (feed) => ({ raw: feed }),
      getExtraEntryFields: (entry) => ({ raw: entry }),
    });
  } catch (err) {
    const message = (err as Error).message;
    if (/Unrecognized feed format/.test(message)) {
      if (/<(feed|rss|rdf:RDF)[\s>]/.test(head)) return emptyFeed(head);
      throw new InputError(input, 'not an RSS, RDF or Atom feed');
    }
    throw new InputError(input, `malformed feed XML (${message})`);
  }
  const items = (data.entries ?? []).map((e) => toItem(e as unknown as Raw));
  return {
    title: textOf(data.title) || 'unknown feed',
    link: textOf(data.link) || null,
    language: textOf(data.language) || null,
    items,
  };
}

function toItem(e: Raw): FeedItem {
  const raw = (e.raw ?? {}) as Raw;
  const content = textOf(raw['content:encoded']) || atomContent(raw.content);
  const summary = textOf(raw.description) || textOf(raw.summary);
  const link = textOf(e.link) || null;
  const title = textOf(e.title);
  const published =
    textOf(e.published) ||
    isoOrEmpty(textOf(raw.updated) || textOf(raw['dc:date']) || textOf(raw.pubDate));
  return {
    id:
      textOf(raw.guid) ||
      textOf(raw.id) ||
      textOf(raw['@_rdf:about']) ||
      link ||
      // No identity in the feed: the item's own fields stand in, so it is still seen once.
      `sha256:${createHash('sha256')
        .update(JSON.stringify([title, published, content, summary]))
        .digest('hex')
        .slice(0, 32)}`,
    title,
    link,
    published: published || null,
    author: authorOf(raw),
    contentHtml: content || null,
    summaryHtml: summary || null,
  };
}

/** Atom content: text/html inline; XHTML content arrives as a parsed tree we cannot rebuild. */
function atomContent(value: unknown): string {
  if (value && typeof value === 'object' && (value as Raw)['@_src']) return '';
  return textOf(value);
}

function authorOf(raw: Raw): string | null {
  const a = raw['dc:creator'] ?? raw.author;
  if (a && typeof a === 'object' && !Array.isArray(a) && 'name' in a)
    return textOf((a as Raw).name) || null;
  return textOf(Array.isArray(a) ? a[0] : a) || null;
}

/** Text of a parsed XML node: a string, a number, or an object with #text. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Raw)['#text']);
  return String(value).trim();
}

function isoOrEmpty(s: string): string {
  const t = Date.parse(s);
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}

function emptyFeed(head: string): Feed {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1]?.trim();
  return { title: title || 'unknown feed', link: null, language: null, items: [] };
}
