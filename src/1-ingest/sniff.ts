import { looksBinary } from './decode-text.js';
/** What an input is, judged by its first bytes first and its name or media type second. */
export type InputKind = 'gzip' | 'feed' | 'opml' | 'html' | 'jsonl' | 'text' | 'binary';

/** How many leading bytes sniffing needs. */
export const SNIFF_BYTES = 4096;

/**
 * Classifies an input from its first bytes (content beats extension: a feed
 * saved as .html is still a feed), using the name or Content-Type only when
 * the content is ambiguous.
 */
export function sniffKind(
  head: Uint8Array,
  name = '',
  contentType: string | null = null,
): InputKind {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // UTF-16 text is full of NUL bytes: judge it by its characters, not as binary.
  const utf16 =
    head[0] === 0xff && head[1] === 0xfe
      ? 'utf-16le'
      : head[0] === 0xfe && head[1] === 0xff
        ? 'utf-16be'
        : null;
  if (!utf16 && looksBinary(head, SNIFF_BYTES)) return 'binary';
  const text = new TextDecoder(utf16 ?? 'latin1')
    .decode(head)
    .replace(/^(\xef\xbb\xbf|\ufeff)/, '')
    .trimStart();
  const lower = text.toLowerCase();
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (text.startsWith('<')) {
    const prolog = lower.replace(/<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|\s+/g, ' ');
    const root = /<([a-z][\w:.-]*)/.exec(
      prolog.replace(/<!doctype[^>[]*(\[[\s\S]*?\])?[^>]*>/, ''),
    )?.[1];
    if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return 'feed';
    if (root === 'opml') return 'opml';
    if (/<!doctype\s+html|^<html/.test(prolog.trim()) || root === 'html') return 'html';
    // XML that declares entities is handed to the feed reader, which refuses it with a reason.
    if (lower.startsWith('<?xml') || /<!doctype|<!entity/.test(lower)) {
      return root && /^(head|body|div|p|article|section|main|meta|title)$/.test(root)
        ? 'html'
        : 'feed';
    }
    return 'html';
  }
  if (text.startsWith('{')) return 'jsonl';
  if (/\.(jsonl|ndjson)$/i.test(name) || /ndjson|jsonl/.test(type)) return 'jsonl';
  if (/\.x?html?$/i.test(name) || type === 'text/html' || type === 'application/xhtml+xml')
    return 'html';
  if (/(rss|atom|rdf)\+xml$/.test(type)) return 'feed';
  return 'text';
}
