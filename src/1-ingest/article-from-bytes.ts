import type { ParsedArticle } from '../types.js';
import { decodeText } from './decode-text.js';
import { decodeHtmlBytes } from './html/charset.js';
import { htmlToArticle } from './html/html-article.js';
import { parseTextArticle } from './text-metadata.js';

/** Where the bytes came from: what a text or a page's metadata cannot say for itself. */
export interface BytesOrigin {
  source?: string;
  /** The page's address (fetched inputs); its origin then. */
  url?: string;
  contentType?: string | null;
  /** The file's modification year, for dates written without one. */
  fileYear?: number;
}

/**
 * One article from a text file's or an HTML page's bytes, with the decoded input kept as
 * `raw`. The same on the main thread (ingestBytes) and in an analysis worker.
 */
export function articleFromBytes(
  input: string,
  bytes: Uint8Array,
  kind: 'text' | 'html',
  where: BytesOrigin,
): { parsed: ParsedArticle; raw: string } {
  const source = where.source ? { source: where.source } : {};
  if (kind === 'text') {
    const raw = decodeText(input, bytes);
    const parsed = parseTextArticle(raw, {
      origin: where.url ?? input,
      ...source,
      ...(where.fileYear ? { fileYear: where.fileYear } : {}),
    });
    return { parsed, raw };
  }
  const { text } = decodeHtmlBytes(bytes, where.contentType ?? null);
  const { parsed } = htmlToArticle(text, {
    origin: where.url ?? input,
    ...(where.url ? { url: where.url } : {}),
    ...source,
  });
  return { parsed, raw: text };
}
