import { Readability } from '@mozilla/readability';

export interface ReadabilityResult {
  content: Element;
  title: string | null;
  byline: string | null;
  siteName: string | null;
}

/**
 * Mozilla Readability on an already-cleaned document. It mutates the document;
 * the content comes back as a DOM element (no HTML string round trip).
 */
export function readabilityContent(doc: Document): ReadabilityResult | null {
  let result;
  try {
    result = new Readability<Element>(doc, {
      serializer: (node) => node as Element,
      disableJSONLD: true,
      // Class names are kept: captions are recognised by them afterwards.
      keepClasses: true,
      charThreshold: 400,
    }).parse();
  } catch {
    // Readability throws on some degenerate trees; the caller falls back.
    return null;
  }
  if (!result?.content) return null;
  return {
    content: result.content,
    title: result.title?.trim() || null,
    byline: result.byline?.trim() || null,
    siteName: result.siteName?.trim() || null,
  };
}
