import { detectLanguage } from '../../3-analyse/language.js';
import type { ParsedArticle, PublishedDate } from '../../types.js';
import { normaliseText } from '../decode-text.js';
import { InputError } from '../input-error.js';
import { blockParagraphs } from './block-text.js';
import { removeBoilerplate } from './boilerplate.js';
import { removeFigures, takeCaptions } from './captions.js';
import { liftEmbeddedPosts } from './embedded-posts.js';
import { dropFurnitureLines, splitCaptionLines } from './furniture-lines.js';
import { readJsonLd } from './json-ld.js';
import { largestBlock } from './largest-block.js';
import { removeLinkBlocks } from './link-blocks.js';
import { firstTag, readPageMeta } from './meta-tags.js';
import { modifiedDate, publishedDate } from './page-dates.js';
import { parseDocument, removeInertElements } from './parse-dom.js';
import { readabilityContent } from './readability-content.js';
import { tooComplexForReadability, treeShape } from './tree-shape.js';

export interface HtmlContext {
  /** File path or URL the page came from. */
  origin: string;
  /** The page's URL when known (fetched, or from a dump). */
  url?: string;
  /** Outlet name to use when the page does not name one. */
  source?: string;
}

export interface HtmlArticle {
  parsed: ParsedArticle;
  /** Which path produced the text. */
  method: 'readability' | 'json-ld' | 'largest-block';
  captions: string[];
  byline: string | null;
  modified: string | null;
  canonicalUrl: string | null;
  section: string | null;
  language: string | null;
  siteName: string | null;
}

/** Below this many characters the Readability result is not trusted on its own. */
const MIN_TEXT_CHARS = 250;
/** Pages larger than this are refused: no article needs 20 MB of markup. */
const MAX_HTML_CHARS = 20 * 1024 * 1024;

/** Extracts the main text and metadata of a news page. Throws InputError when there is no article. */
export function htmlToArticle(html: string, context: HtmlContext): HtmlArticle {
  if (html.length > MAX_HTML_CHARS) {
    throw new InputError(
      context.origin,
      `page too large (${(html.length / 1048576).toFixed(0)} MB of HTML)`,
    );
  }
  const doc = parseDocument(html);
  const meta = readPageMeta(doc);
  const jsonLd = readJsonLd(doc);
  const url = context.url ?? meta.canonical ?? jsonLd?.url ?? null;
  // Dates are read before Readability, which takes <time> elements out of the tree.
  const published: PublishedDate = publishedDate(doc, meta, jsonLd, url);
  removeInertElements(doc);
  liftEmbeddedPosts(doc);
  removeBoilerplate(doc);

  const runReadability = !tooComplexForReadability(treeShape(doc.documentElement));
  const readable = runReadability ? readabilityContent(doc) : null;
  let method: HtmlArticle['method'] = 'readability';
  let captions: string[] = [];
  let paragraphs: string[] = [];
  if (readable) {
    captions = takeCaptions(readable.content);
    removeFigures(readable.content);
    removeLinkBlocks(readable.content);
    const split = splitCaptionLines(dropFurnitureLines(blockParagraphs(readable.content)));
    paragraphs = split.body;
    captions.push(...split.captions.filter((c) => !captions.includes(c)));
  }
  const title =
    jsonLd?.headline ??
    firstTag(meta, ['og:title', 'twitter:title']) ??
    readable?.title ??
    meta.title;
  paragraphs = dropLeadingTitle(paragraphs, title);

  const jsonLdParagraphs = jsonLd?.articleBody ? splitBody(jsonLd.articleBody) : [];
  // A teaser-only page (paywall, "read more" loaders) often ships the full text in JSON-LD.
  const teaser = chars(jsonLdParagraphs) > 2 * chars(paragraphs) && chars(paragraphs) < 1500;
  if (teaser) {
    paragraphs = jsonLdParagraphs;
    method = 'json-ld';
  } else if (chars(paragraphs) < MIN_TEXT_CHARS) {
    if (chars(jsonLdParagraphs) > chars(paragraphs)) {
      paragraphs = jsonLdParagraphs;
      method = 'json-ld';
    } else {
      // Readability mutates the tree it reads; after it ran, the fallback reads a fresh one.
      let fresh = doc;
      if (runReadability) {
        fresh = parseDocument(html);
        removeInertElements(fresh);
        removeBoilerplate(fresh);
      }
      const block = dropLeadingTitle(dropFurnitureLines(largestBlock(fresh)), title);
      if (chars(block) > chars(paragraphs)) {
        paragraphs = block;
        method = 'largest-block';
      }
    }
  }
  const text = normaliseText(paragraphs.join('\n\n')).trim();
  if (!hasProse(paragraphs)) {
    throw new InputError(
      context.origin,
      text === ''
        ? 'no article text found in the page'
        : `no article text found in the page (only short fragments: "${text.slice(0, 60).replace(/\s+/g, ' ')}")`,
    );
  }

  const siteName =
    firstTag(meta, ['og:site_name', 'application-name']) ??
    jsonLd?.publisher ??
    readable?.siteName ??
    null;
  const byline =
    (jsonLd && jsonLd.authors.length > 0 ? jsonLd.authors.join(', ') : null) ??
    firstTag(meta, ['author', 'article:author', 'byl', 'parsely-author', 'dc.creator']) ??
    readable?.byline ??
    null;
  const section =
    jsonLd?.section ?? firstTag(meta, ['article:section', 'section', 'parsely-section']);
  const language = pageLanguage(meta.htmlLang ?? jsonLd?.language ?? null, text);
  const modified = modifiedDate(meta, jsonLd);
  const { source, evidence } = outlet(siteName, context, url);

  const headers: Record<string, string> = {};
  const put = (k: string, v: string | null | undefined): void => {
    if (v) headers[k] = v;
  };
  put('url', url);
  put('canonical', meta.canonical);
  put('language', language);
  put('byline', byline);
  put('author', byline);
  put('section', section);
  put('site', siteName);
  put('date', published.value);
  put('modified', modified);
  put('extraction', method);

  return {
    parsed: {
      meta: {
        title: title ?? '',
        titleSource: title ? 'header' : 'none',
        published,
        source,
        sourceEvidence: evidence,
        origin: context.origin,
        headers,
      },
      text,
    },
    method,
    captions,
    byline,
    modified,
    canonicalUrl: meta.canonical,
    section,
    language,
    siteName,
  };
}

/** Shortest paragraph, in Latin-script characters, that counts as prose; CJK characters count double. */
const MIN_PROSE_PARAGRAPH = 60;

/** An article has at least one real paragraph, not just menu labels and link fragments. */
function hasProse(paragraphs: string[]): boolean {
  return paragraphs.some(
    (p) =>
      p.length + (p.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0) >=
      MIN_PROSE_PARAGRAPH,
  );
}

function chars(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/** JSON-LD bodies come as one string; keep their line structure as paragraphs. */
function splitBody(body: string): string[] {
  return body
    .replace(/<[^>]*>/g, ' ')
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** The headline is metadata, not body text. */
function dropLeadingTitle(paragraphs: string[], title: string | null): string[] {
  if (!title || paragraphs.length === 0) return paragraphs;
  const norm = (s: string): string => s.toLowerCase().replace(/\W+/g, ' ').trim();
  return norm(paragraphs[0]!) === norm(title) ? paragraphs.slice(1) : paragraphs;
}

function pageLanguage(declared: string | null, text: string): string | null {
  const code = declared?.split(/[-_]/)[0]?.toLowerCase();
  if (code && /^[a-z]{2,3}$/.test(code)) return code;
  const guess = detectLanguage(text);
  return guess.reliable ? guess.code : null;
}

function outlet(
  siteName: string | null,
  context: HtmlContext,
  pageUrl: string | null,
): { source: string; evidence: string } {
  if (siteName) return { source: siteName, evidence: 'page metadata' };
  if (context.source) return { source: context.source, evidence: 'option' };
  const url = pageUrl ?? (/^https?:/i.test(context.origin) ? context.origin : null);
  if (url) {
    try {
      return { source: new URL(url).hostname.replace(/^www\./, ''), evidence: 'url host' };
    } catch {
      // not a URL: fall through
    }
  }
  return { source: 'unknown', evidence: 'none' };
}
