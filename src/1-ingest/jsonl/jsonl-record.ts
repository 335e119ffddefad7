import { normaliseText } from '../decode-text.js';
import { htmlToArticle } from '../html/html-article.js';
import { InputError } from '../input-error.js';
import { cleanTitle, parseTextArticle } from '../text-metadata.js';
import { matchDateline } from '../dateline.js';
import type { ParsedArticle, PublishedDate } from '../../types.js';

/** Fields a dump line may carry; anything else is kept as metadata. */
const KNOWN = new Set(['title', 'text', 'html', 'url', 'source', 'published', 'language']);

/**
 * One JSON Lines record (`{"title", "text" | "html", "url", "source",
 * "published", "language", ...}`) as a parsed article. `input` names the line
 * ("dump.jsonl:12") in errors.
 */
export function recordArticle(
  input: string,
  line: string,
  ctx: { source?: string },
): ParsedArticle {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new InputError(input, `invalid JSON (${(err as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new InputError(input, 'not a JSON object');
  const r = value as Record<string, unknown>;
  for (const key of ['title', 'text', 'html', 'url', 'source', 'published', 'language']) {
    if (r[key] !== undefined && r[key] !== null && typeof r[key] !== 'string')
      throw new InputError(input, `field "${key}" must be a string`);
  }
  const str = (k: string) => ((r[k] as string | undefined) ?? '').trim();
  const extra = Object.fromEntries(Object.entries(r).filter(([k]) => !KNOWN.has(k)));
  const origin = str('url') || input;
  const source = str('source') || ctx.source;
  let parsed: ParsedArticle;
  if (str('text')) {
    const text = normaliseText(r.text as string);
    parsed = str('title')
      ? titledText(text.trim(), cleanTitle(normaliseText(str('title'))), origin, source)
      : parseTextArticle(text, { origin, ...(source ? { source } : {}) });
  } else if (str('html')) {
    parsed = htmlToArticle(r.html as string, {
      origin,
      ...(str('url') ? { url: str('url') } : {}),
      ...(source ? { source } : {}),
    }).parsed;
    if (str('title'))
      parsed.meta = { ...parsed.meta, title: cleanTitle(str('title')), titleSource: 'header' };
  } else {
    throw new InputError(input, 'no "text" or "html" field');
  }
  const meta = { ...parsed.meta, headers: { ...parsed.meta.headers }, origin };
  if (str('source')) [meta.source, meta.sourceEvidence] = [str('source'), 'field'];
  if (str('published')) meta.published = publishedField(str('published'));
  if (str('language')) meta.headers.language = str('language');
  if (str('url')) meta.headers.url = str('url');
  if (Object.keys(extra).length) meta.extra = { ...meta.extra, ...extra };
  return { ...parsed, meta };
}

/** A body with a known title: nothing is taken from the text as a headline. */
function titledText(text: string, title: string, origin: string, source?: string): ParsedArticle {
  const dateline = matchDateline(text);
  const [src, evidence] = source
    ? [source, 'option']
    : dateline?.agency
      ? [dateline.agency, 'dateline']
      : ['unknown', 'none'];
  return {
    meta: {
      title,
      titleSource: 'header',
      published: { value: null, certainty: 'unknown', evidence: 'no date given' },
      source: src,
      sourceEvidence: evidence,
      origin,
      headers: {},
    },
    text,
  };
}

function publishedField(value: string): PublishedDate {
  const iso = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
  const t = Date.parse(iso ?? value);
  // An unreadable date is evidence, not a reason to lose the article.
  if (Number.isNaN(t))
    return { value: null, certainty: 'unknown', evidence: `unreadable field published: ${value}` };
  return {
    value: iso ?? new Date(t).toISOString().slice(0, 10),
    certainty: 'stated',
    evidence: 'field published',
  };
}
