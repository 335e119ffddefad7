/**
 * Reads <meta name|property|itemprop=... content=...> into a lowercase-keyed map
 * (first value wins), plus the few <link> and <html> attributes we need.
 */
export interface PageMeta {
  /** meta key (lowercased name, property or itemprop) -> first content. */
  tags: Map<string, string>;
  canonical: string | null;
  htmlLang: string | null;
  title: string | null;
}

export function readPageMeta(doc: Document): PageMeta {
  const tags = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const content = m.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content.trim());
    }
  }
  const canonical =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ||
    tags.get('og:url') ||
    null;
  const htmlLang =
    doc.documentElement?.getAttribute('lang')?.trim() ||
    doc.documentElement?.getAttribute('xml:lang')?.trim() ||
    tags.get('content-language') ||
    tags.get('og:locale') ||
    null;
  const title = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  return { tags, canonical, htmlLang, title };
}

/** The first present key's value. */
export function firstTag(meta: PageMeta, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.tags.get(k);
    if (v) return v;
  }
  return null;
}
