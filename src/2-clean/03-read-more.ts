import type { Artifact } from '../types.js';
import { lines } from './lines.js';

// "Read more" style navigation in several languages. Matched only on short lines.
const READ_MORE = new RegExp(
  '^[\\s>»•*|:–—-]*(?:' +
    [
      'read (?:more|also|next|the full)',
      'see also',
      'full (?:version|story|text|article)',
      'continue reading',
      'click here',
      'related(?: articles?| stories| coverage)?\\s*:',
      'more on this',
      'subscribe to',
      'sign up for',
      'follow us on',
      'полная версия',
      'читайте также',
      'читать (?:далее|полностью|также)',
      'подробнее',
      'смотрите также',
      'по теме\\s*:',
      'lire (?:aussi|la suite|également)',
      'à lire aussi',
      'weiterlesen',
      'mehr zum thema',
      'lesen sie auch',
      'leer más',
      'lea también',
      'leia (?:mais|também)',
      'leggi anche',
      'czytaj (?:też|także|więcej)',
      'lees ook',
    ].join('|') +
    ')',
  'iu',
);

/** "Read more", "full version on the site" and similar navigation lines, in any language we know. */
export function flagReadMore(text: string): Artifact[] {
  const out: Artifact[] = [];
  for (const line of lines(text)) {
    if (line.text.length > 160) continue;
    // The phrase must open a short line: "Read more: …" is navigation,
    // "Residents can sign up for the ferry lottery" is prose.
    const words = line.text.split(/\s+/).length;
    const labelled = /^[^:]{1,40}:/.test(line.text); // "Read more: <headline>"
    if (!READ_MORE.test(line.text) || words > 14 || (!labelled && words > 5)) continue;
    out.push({
      start: line.start,
      end: line.end,
      kind: 'read-more',
      rule: 'read-more/navigation-line',
      reason: 'navigation line ("read more", "full version on the site", ...)',
    });
  }
  return out;
}
