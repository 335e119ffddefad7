/**
 * Reads schema.org article data from <script type="application/ld+json"> blocks:
 * headline, dates, author, publisher, section, articleBody. Malformed blocks are
 * skipped (pages often ship broken JSON); nothing in them is ever executed.
 */

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisher: string | null;
  section: string | null;
  articleBody: string | null;
  url: string | null;
  language: string | null;
}

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage)$/;

type Json = unknown;

/** The most article-like JSON-LD object on the page, or null. */
export function readJsonLd(doc: Document): JsonLdArticle | null {
  const objects: Record<string, Json>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = (script.textContent ?? '').trim();
    if (raw === '' || raw.length > 2_000_000) continue;
    let data: Json;
    try {
      // Some CMSs wrap the JSON in HTML comments or CDATA.
      data = JSON.parse(raw.replace(/^<!--|-->$/g, '').replace(/^\/\/<!\[CDATA\[|\/\/\]\]>$/g, ''));
    } catch {
      continue;
    }
    collect(data, objects, 0);
  }
  let best: Record<string, Json> | null = null;
  let bestRank = -1;
  for (const o of objects) {
    const types = asArray(o['@type']).filter((t): t is string => typeof t === 'string');
    const article = types.find((t) => ARTICLE_TYPES.test(t));
    if (!article) continue;
    // A real article type beats WebPage; among equals, the one with a body wins.
    const rank = (article === 'WebPage' ? 0 : 2) + (typeof o.articleBody === 'string' ? 1 : 0);
    if (rank > bestRank) {
      best = o;
      bestRank = rank;
    }
  }
  if (!best) return null;
  return {
    headline: str(best.headline) ?? str(best.name),
    datePublished: str(best.datePublished) ?? str(best.dateCreated),
    dateModified: str(best.dateModified),
    authors: names(best.author),
    publisher: names(best.publisher)[0] ?? null,
    section: str(asArray(best.articleSection)[0]),
    articleBody: str(best.articleBody),
    url: str(best.url) ?? str(best.mainEntityOfPage) ?? idOf(best.mainEntityOfPage),
    language: str(best.inLanguage),
  };
}

/** Flattens arrays and @graph containers into a list of objects (depth-limited). */
function collect(data: Json, out: Record<string, Json>[], depth: number): void {
  if (depth > 6 || out.length > 200) return;
  if (Array.isArray(data)) {
    for (const d of data) collect(d, out, depth + 1);
  } else if (data && typeof data === 'object') {
    const o = data as Record<string, Json>;
    out.push(o);
    if (o['@graph']) collect(o['@graph'], out, depth + 1);
    if (o.mainEntity && typeof o.mainEntity === 'object') collect(o.mainEntity, out, depth + 1);
  }
}

function asArray(v: Json): Json[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function str(v: Json): string | null {
  if (typeof v !== 'string') return null;
  const s = decodeEntities(v).trim();
  return s === '' ? null : s;
}

/** CMSs often HTML-escape JSON-LD strings ("Q&amp;A", "&#8217;"); JSON does not need it. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi,
    (m, dec, hex, name) => {
      if (name) return NAMED[(name as string).toLowerCase()] ?? m;
      const code = dec ? Number(dec) : parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    },
  );
}
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function idOf(v: Json): string | null {
  return v && typeof v === 'object' ? str((v as Record<string, Json>)['@id']) : null;
}

/** Person or Organization names from a string, object or array of either. */
function names(v: Json): string[] {
  const out: string[] = [];
  for (const item of asArray(v)) {
    const name =
      typeof item === 'string'
        ? str(item)
        : item && typeof item === 'object'
          ? str((item as Record<string, Json>).name)
          : null;
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
