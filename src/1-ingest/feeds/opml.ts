import { InputError } from '../input-error.js';
import { safeXml } from './xml-guard.js';

export interface OpmlFeed {
  url: string;
  title: string | null;
}

/** The feeds an OPML subscription list names (every outline with an xmlUrl, nested or not). */
export function parseOpml(input: string, text: string): OpmlFeed[] {
  const xml = safeXml(input, text);
  if (!/<opml[\s>]/i.test(xml)) throw new InputError(input, 'not an OPML file');
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  for (const m of xml.matchAll(/<outline\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]!);
    const url = attrs.xmlurl;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    feeds.push({ url, title: attrs.title ?? attrs.text ?? null });
  }
  if (feeds.length === 0) throw new InputError(input, 'OPML file lists no feeds (no xmlUrl)');
  return feeds;
}

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    out[m[1]!.toLowerCase()] = unescapeXml(m[3] ?? m[4] ?? '');
  return out;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
