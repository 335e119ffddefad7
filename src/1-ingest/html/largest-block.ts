import { blockParagraphs } from './block-text.js';

/**
 * Fallback when Readability finds nothing: the element whose direct paragraph
 * children hold the most text, scored by text length with links discounted.
 */
export function largestBlock(doc: Document): string[] {
  const body = doc.body;
  if (!body) return [];
  const scores = new Map<Element, number>();
  for (const p of Array.from(body.querySelectorAll('p, pre, blockquote'))) {
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 30) continue;
    const linkChars = Array.from(p.querySelectorAll('a')).reduce(
      (n, a) => n + (a.textContent ?? '').length,
      0,
    );
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + Math.max(0, text.length - 2 * linkChars));
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (!best) {
    // Pages without <p>: the body's block text, for what it is worth.
    return blockParagraphs(body).filter((p) => p.length >= 30);
  }
  return blockParagraphs(best);
}
