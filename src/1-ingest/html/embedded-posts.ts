/**
 * Embedded social-media posts (tweets, Instagram, TikTok, Facebook) quote what
 * someone said, which is article content. Their wrappers carry names like
 * "social-media-embed" that make Readability discard them, so each post's
 * <blockquote> is lifted out of its wrappers and stripped of class names.
 */
const EMBEDDED_POSTS =
  'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote.reddit-card, blockquote[class*="fb-xfbml"], blockquote.bluesky-embed, blockquote.mastodon-embed';

export function liftEmbeddedPosts(doc: Document): void {
  for (const quote of Array.from(doc.querySelectorAll(EMBEDDED_POSTS))) {
    const text = (quote.textContent ?? '').trim();
    let outer: Element = quote;
    // Climb wrappers that hold nothing but this post.
    while (
      outer.parentElement &&
      outer.parentElement !== doc.body &&
      outer.parentElement.children.length === 1 &&
      (outer.parentElement.textContent ?? '').trim() === text
    ) {
      outer = outer.parentElement;
    }
    quote.removeAttribute('class');
    quote.removeAttribute('id');
    if (outer !== quote) outer.replaceWith(quote);
  }
}
