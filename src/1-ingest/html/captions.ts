/**
 * Image and video captions: collected as artifacts and taken out of the body,
 * so the article text is the report itself and captions stay available apart.
 */
const CAPTION_SELECTORS =
  'figcaption, [class*="caption" i], [class*="credit" i], [itemprop="caption"], .wp-caption-text';

/** Removes captions from `root` and returns their text (deduplicated, in document order). */
export function takeCaptions(root: Element): string[] {
  const captions: string[] = [];
  for (const el of Array.from(root.querySelectorAll(CAPTION_SELECTORS))) {
    // Already removed with an enclosing caption (the tree may be detached, so not isConnected).
    if (!root.contains(el)) continue;
    // A "caption" class on a big block is a layout name, not a caption.
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 600 || el.querySelectorAll('p').length > 2) continue;
    if (!insideFigureOrShort(el, text)) continue;
    if (text !== '' && !captions.includes(text)) captions.push(text);
    el.remove();
  }
  return captions;
}

function insideFigureOrShort(el: Element, text: string): boolean {
  if (el.tagName === 'FIGCAPTION') return true;
  if (el.closest('figure, picture, [class*="image" i], [class*="photo" i], [class*="media" i]'))
    return true;
  return text.length <= 300;
}

/** Figures keep nothing but their caption: drop the rest of the figure (alt text, credits already taken). */
export function removeFigures(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('figure, picture'))) el.remove();
}
