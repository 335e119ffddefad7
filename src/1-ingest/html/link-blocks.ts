/**
 * Blocks made of links inside the article container: "related stories" lists and
 * one-link teaser paragraphs. A paragraph whose text is nearly all link text is a
 * pointer to another page, not part of this one.
 */
const LEAF_BLOCKS = 'p, li, h2, h3, h4, h5, h6, dt, dd';
/** Share of a block's text inside links above which it is a link block. */
const MAX_LINK_SHARE = 0.9;
/** Longer blocks are kept whatever their links: real paragraphs sometimes link whole sentences. */
const MAX_LINK_BLOCK_CHARS = 200;

export function removeLinkBlocks(root: Element): void {
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((c) => c.tagName === 'LI');
    if (items.length >= 2 && items.every(isLinkBlock)) list.remove();
  }
  for (const el of Array.from(root.querySelectorAll(LEAF_BLOCKS))) {
    if (root.contains(el) && isLinkBlock(el)) el.remove();
  }
}

/** A row of several links ("A | B | C") may run longer than one teaser link. */
const MAX_LINK_ROW_CHARS = 1000;

function isLinkBlock(el: Element): boolean {
  const text = squash(el.textContent ?? '');
  if (text.length === 0 || text.length > MAX_LINK_ROW_CHARS) return false;
  const links = Array.from(el.querySelectorAll('a[href]'));
  if (text.length > MAX_LINK_BLOCK_CHARS && links.length < 3) return false;
  let linked = 0;
  for (const a of links) linked += squash(a.textContent ?? '').length;
  return linked / text.length >= MAX_LINK_SHARE;
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
