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
  let { document } = parseHTML(html);
  // Without an <html> tag linkedom makes the first element the root; wrap the page and parse again.
  if (document.documentElement?.tagName !== 'HTML') {
    ({ document } = parseHTML(`<html>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`));
  }
  if (!document.documentElement)
    ({ document } = parseHTML('<html><head></head><body></body></html>'));
  const doc = document as unknown as Document;
  gatherIntoBody(doc);
  return doc;
}

const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE']);

/**
 * Browsers put stray content (a fragment, a page without <body>) into <body>; linkedom
 * leaves it under <html>, where nothing that reads `document.body` would see it.
 */
function gatherIntoBody(doc: Document): void {
  const root = doc.documentElement;
  const strays = Array.from(root.childNodes).filter(
    (n) => n.nodeType !== 1 || !['HEAD', 'BODY'].includes((n as Element).tagName),
  );
  if (strays.length === 0 && doc.querySelector('html > body')) return;
  let head = doc.querySelector('html > head');
  if (!head) head = root.insertBefore(doc.createElement('head'), root.firstChild);
  let body = doc.querySelector('html > body');
  if (!body) body = root.appendChild(doc.createElement('body'));
  const firstInBody = body.firstChild;
  let beforeBody = true;
  for (const node of Array.from(root.childNodes)) {
    if (node === body) {
      beforeBody = false;
      continue;
    }
    if (node === head) continue;
    if (node.nodeType === 1 && HEAD_TAGS.has((node as Element).tagName) && beforeBody)
      head.appendChild(node);
    else if (beforeBody) body.insertBefore(node, firstInBody);
    else body.appendChild(node);
  }
}

/** Removes scripts, styles and embedded objects. JSON-LD must be read before this. */
export function removeInertElements(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll(INERT_SELECTORS))) el.remove();
}
