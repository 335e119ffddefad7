/**
 * Removes page furniture before the article is looked for: navigation, cookie and
 * consent banners, share bars, comment sections, related-links and newsletter boxes.
 * Matching is by element, ARIA role and class/id words, never by site.
 */

const FURNITURE_TAGS = 'nav, aside, form, button, dialog, select, input, textarea, label';
const FURNITURE_ROLES =
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alertdialog"], [role="search"], [role="menu"], [role="menubar"], [aria-modal="true"], [hidden]';

/** Class/id words that name furniture. Matched against whole hyphen/underscore-separated words. */
const FURNITURE_WORDS =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|cmp|share|sharing|sharebar|social-?share|social-?links|share-?tools|comments?|disqus|related|recirc|recirculation|newsletter|subscribe|subscription|signup|promo|advert|advertisement|ads?|ad-?slot|breadcrumbs?|outbrain|taboola|popular|most-?read|trending|sidebar|widget|toolbar|skip-?link|sr-only|visually-?hidden|paywall|modal|overlay|banner|masthead|footer|site-?header|site-?footer|navbar|menu|tags|tag-?list|author-?bio|byline|dateline|timestamp|print-?only|rollover|popup|pop-?over|tooltip|hover-?card)(?:$|[\s_-])/i;

/** An element holding this much of the page's non-link text is kept whatever its name says. */
const MAX_SHARE_OF_TEXT = 0.35;

export function removeBoilerplate(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll(`${FURNITURE_TAGS}, ${FURNITURE_ROLES}`))) {
    if (!holdsArticle(el)) el.remove();
  }
  const total = proseChars(body);
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    // Links are kept whatever their class: a linked name inside a sentence is text.
    if (!el.isConnected || el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'A')
      continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE_WORDS.test(words)) continue;
    if (holdsArticle(el)) continue;
    if (total > 0 && proseChars(el) / total > MAX_SHARE_OF_TEXT) continue;
    el.remove();
  }
}

/** <article>, <main> or an element containing one is never furniture. */
function holdsArticle(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'ARTICLE' || tag === 'MAIN') return true;
  return el.querySelector('article, main, [itemprop="articleBody"]') !== null;
}

/** Text outside links: what an article has much of and furniture has little of. */
function proseChars(root: Element): number {
  let links = 0;
  for (const a of Array.from(root.querySelectorAll('a'))) links += (a.textContent ?? '').length;
  return Math.max(0, (root.textContent ?? '').length - links);
}
