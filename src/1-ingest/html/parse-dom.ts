/// <reference lib="dom" />
// linkedom builds a standard DOM tree; the DOM lib types describe it (nothing here runs in a browser).
import { parseHTML } from 'linkedom';

/** Elements that never carry article text and may carry active content. */
const INERT_SELECTORS = 'script, style, noscript, template, iframe, object, embed, svg, canvas';

/**
 * Parses untrusted HTML into a DOM without running anything: linkedom has no script
 * engine, and script-like elements are removed before any text is read.
 * JSON-LD blocks are read before this (see json-ld.ts), from the same document.
 */
export function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  return document as unknown as Document;
}

/** Removes scripts, styles and embedded objects. JSON-LD must be read before this. */
export function removeInertElements(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll(INERT_SELECTORS))) el.remove();
}
