import { InputError } from '../input-error.js';
import { parseTextArticle } from '../text-metadata.js';
import type { ParsedArticle } from '../../types.js';

/**
 * TEMPORARY minimal version (feeds branch): the HTML helper's html-article.ts replaces it on
 * merge. A crude tag strip keeping block boundaries as paragraph breaks.
 */
export function htmlToArticle(
  html: string,
  context: { origin: string; url?: string; source?: string },
): {
  parsed: ParsedArticle;
  method: string;
  captions: string[];
  byline: string | null;
  modified: string | null;
  canonicalUrl: string | null;
  section: string | null;
  language: string | null;
  siteName: string | null;
} {
  const title = decode(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '').trim();
  const language = /<html[^>]*\blang=["']?([\w-]+)/i.exec(html)?.[1] ?? null;
  const body = decode(
    html
      .replace(/<(script|style|noscript|nav|header|footer|aside|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?(p|div|h[1-6]|li|br|article|section|blockquote|tr)\b[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if ((body.match(/[\p{L}\p{N}]+/gu) ?? []).length < 15)
    throw new InputError(context.origin, 'no article text found in the page');
  const text = title ? `title: ${title}\n\n${body}` : body;
  const parsed = parseTextArticle(text, {
    origin: context.origin,
    ...(context.source ? { source: context.source } : {}),
  });
  if (language) parsed.meta.headers.language = language;
  return {
    parsed,
    method: 'tag-strip',
    captions: [],
    byline: null,
    modified: null,
    canonicalUrl: null,
    section: null,
    language,
    siteName: null,
  };
}

function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
