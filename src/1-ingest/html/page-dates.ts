import type { PublishedDate } from '../../types.js';
import type { JsonLdArticle } from './json-ld.js';
import { firstTag, type PageMeta } from './meta-tags.js';

const PUBLISHED_TAGS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'publishdate',
  'publish-date',
  'pubdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
  'article.published',
];
const MODIFIED_TAGS = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'last-modified',
  'dcterms.modified',
  'article.updated',
];

/** Dates in URLs: /2025/11/13/, /2025-11-13/, /20251113/. */
const URL_DATE = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/;

/**
 * Publication date from the strongest evidence on the page: JSON-LD, article
 * meta tags, <time datetime>, then a date in the URL.
 */
export function publishedDate(
  doc: Document,
  meta: PageMeta,
  jsonLd: JsonLdArticle | null,
  url: string | null,
): PublishedDate {
  const candidates: Array<[string | null | undefined, string]> = [
    [jsonLd?.datePublished, 'json-ld datePublished'],
    [firstTag(meta, PUBLISHED_TAGS), 'meta tag'],
    [timeElementDate(doc), '<time datetime>'],
  ];
  for (const [value, evidence] of candidates) {
    const iso = value ? isoDay(value) : null;
    if (iso) return { value: iso, certainty: 'stated', evidence };
  }
  const fromUrl = url ? urlDate(url) : null;
  if (fromUrl) return { value: fromUrl, certainty: 'inferred', evidence: 'date in URL' };
  return { value: null, certainty: 'unknown', evidence: 'no date on the page' };
}

/** Modification date as an ISO timestamp or day, or null. */
export function modifiedDate(meta: PageMeta, jsonLd: JsonLdArticle | null): string | null {
  const value = jsonLd?.dateModified ?? firstTag(meta, MODIFIED_TAGS);
  return value ? isoTimestamp(value) : null;
}

function timeElementDate(doc: Document): string | null {
  // Prefer a <time> marked as the publication date; else the first one with a datetime.
  const marked = doc.querySelector(
    'time[pubdate][datetime], time[itemprop="datePublished"][datetime]',
  );
  const el =
    marked ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  return el?.getAttribute('datetime') ?? null;
}

export function urlDate(url: string): string | null {
  const m = URL_DATE.exec(url);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return validDay(iso) ? iso : null;
}

/** YYYY-MM-DD from an ISO-like or RFC 2822 date string, or null. */
export function isoDay(value: string): string | null {
  const ts = isoTimestamp(value);
  return ts ? ts.slice(0, 10) : null;
}

/** A normalised ISO form: the given local date is kept as written (no time-zone shift of the day). */
export function isoTimestamp(value: string): string | null {
  const v = value.trim();
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(
      v,
    );
  if (m) {
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    if (!validDay(day)) return null;
    if (!m[4]) return day;
    const zone = m[7] ? (m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
    return `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`;
  }
  if (/^\d{8}$/.test(v)) {
    const day = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
    return validDay(day) ? day : null;
  }
  // RFC 2822 and other textual forms that name the year ("Tue, 19 Nov 2019 10:00:00 GMT").
  if (/\b(?:19|20)\d{2}\b/.test(v) && /[a-z]{3}/i.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t).toISOString().replace('.000Z', 'Z');
  }
  return null;
}

function validDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
