import { basename, dirname } from 'node:path';
import type { ArticleMeta, ParsedArticle, PublishedDate } from '../types.js';
import { matchDateline, type Dateline } from './dateline.js';

export interface TextContext {
  /** Path or URL the text came from. */
  origin: string;
  /** --source given by the user. */
  source?: string;
  /** Year of the file's modification time: weak evidence, used only to complete a dateline. */
  fileYear?: number;
}

const HEADER_KEYS: Record<string, string> = {
  title: 'title',
  headline: 'title',
  date: 'date',
  published: 'date',
  source: 'source',
  outlet: 'source',
  url: 'url',
  author: 'author',
  byline: 'author',
  language: 'language',
  lang: 'language',
};

const HEADER_LINE =
  /^[ \t]*(title|headline|date|published|source|outlet|url|author|byline|language|lang)[ \t]*([:=]?)[ \t]+(\S.*)$/i;

/**
 * Without a colon ("date 2025-11-13", "source Harbour Wire") a header value
 * must look like one, so a headline such as "Author Mira Tesk wins …" stays a headline.
 */
function plainHeaderValue(key: string, value: string): boolean {
  if (key === 'date') return ISO_DATE.test(value);
  if (key === 'source') return value.split(/\s+/).length <= 5 && !/[.!?]$/.test(value);
  if (key === 'url') return /^https?:\/\/\S+$/.test(value);
  if (key === 'language') return /^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/.test(value);
  return false;
}
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Reads a plain-text article: header lines (`date 2025-11-13`, `source X`),
 * the headline, a wire dateline, and the body every later offset refers to.
 */
export function parseTextArticle(raw: string, ctx: TextContext): ParsedArticle {
  const lines = raw.split('\n');
  const headers: Record<string, string> = {};
  let headline: string | null = null;
  let bodyStart = 0; // character offset into raw where the body begins
  let offset = 0;
  for (let i = 0; i < lines.length && i < 12; i++) {
    const line = lines[i]!;
    const next = offset + line.length + 1;
    if (line.trim() === '') {
      offset = next;
      bodyStart = next;
      continue;
    }
    const header = HEADER_LINE.exec(line);
    const key = header ? HEADER_KEYS[header[1]!.toLowerCase()]! : '';
    const value = header?.[3] ?? '';
    if (header && (header[2] || plainHeaderValue(key, value))) {
      if (key === 'date') {
        const iso = ISO_DATE.exec(value);
        if (iso && validIsoDate(iso[1]!)) {
          headers.date = iso[1]!;
          // The body may continue on the same line after the date ("date 2025-11-13 MOSCOW, ...").
          const rest = value.slice(iso[0].length);
          if (rest.trim() !== '') {
            bodyStart = offset + line.length - rest.length;
            break;
          }
          offset = next;
          bodyStart = next;
          continue;
        }
        // A date header we cannot read is kept as evidence, not mistaken for a headline.
        headers.unreadableDate = value.trim();
        offset = next;
        bodyStart = next;
        continue;
      } else {
        headers[key] = value.trim();
        offset = next;
        bodyStart = next;
        continue;
      }
    }
    const moreText = lines.slice(i + 1).some((l) => l.trim() !== '');
    if (headline === null && !headers.title && moreText && looksLikeHeadline(line, lines[i + 1])) {
      headline = line.trim();
      offset = next;
      bodyStart = next;
      continue;
    }
    break;
  }
  // Body: skip leading blank lines so the text starts with content.
  let text = raw.slice(bodyStart);
  text = text.replace(/^\s+/, '').replace(/\s+$/, '');
  const dateline = matchDateline(text);
  const title = headers.title ?? headline ?? leadTitle(text, dateline);
  return {
    meta: {
      title: cleanTitle(title),
      titleSource: headers.title ? 'header' : headline ? 'headline' : title ? 'lead' : 'none',
      published: publishedDate(headers, dateline, ctx),
      ...sourceOf(headers, dateline, ctx),
      origin: ctx.origin,
      headers,
    },
    text,
  };
}

/** A first line is a headline when it is short and reads like one, not like a paragraph. */
function looksLikeHeadline(line: string, nextLine: string | undefined): boolean {
  const t = line.trim();
  if (t.length > 180 || t.length < 3) return false;
  if (matchDateline(t)) return false;
  const endsLikeSentence = /[.!?]["'”»)]?$/.test(t);
  // A long sentence followed directly by more text is a paragraph.
  if (endsLikeSentence && t.split(/\s+/).length > 14) return false;
  // A header line right below ("date …") closes the headline block like a blank line does.
  const nextIsHeader = nextLine !== undefined && HEADER_LINE.test(nextLine);
  return !endsLikeSentence || nextLine === undefined || nextLine.trim() === '' || nextIsHeader;
}

function leadTitle(text: string, dateline: Dateline | null): string {
  const body = text.slice(dateline ? dateline.end : 0);
  const first = body.split(/(?<=[.!?])\s+/)[0] ?? '';
  return truncateWords(first.trim(), 110);
}

function truncateWords(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '') + '…';
}

/** Drops trailing " | Outlet" / " - Outlet" suffixes and stray whitespace. */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .replace(/\s+[|–—-]\s+[^|–—-]{2,40}$/, (m) => (m.split(/\s+/).length <= 5 ? '' : m))
    .trim();
}

function publishedDate(
  headers: Record<string, string>,
  dateline: Dateline | null,
  ctx: TextContext,
): PublishedDate {
  const day = dateline?.monthDay ? monthDay(dateline.monthDay) : null;
  if (headers.date) {
    const agrees = !day || headers.date.slice(5) === day;
    return {
      value: headers.date,
      certainty: 'stated',
      evidence: agrees ? 'header' : `header (dateline says ${dateline!.monthDay})`,
    };
  }
  if (day) {
    const pathYear = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(ctx.origin)?.[1];
    if (pathYear) {
      return {
        value: `${pathYear}-${day}`,
        certainty: 'inferred',
        evidence: 'dateline; year from path',
      };
    }
    if (ctx.fileYear) {
      return {
        value: `${ctx.fileYear}-${day}`,
        certainty: 'inferred',
        evidence: 'dateline; year from file modification time',
      };
    }
    return {
      value: null,
      certainty: 'unknown',
      evidence: `dateline ${dateline!.monthDay} without a year`,
    };
  }
  return { value: null, certainty: 'unknown', evidence: 'no date in text' };
}

function monthDay(s: string): string | null {
  const m = /^([A-Za-z]+)\.? (\d{1,2})$/.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  const day = Number(m[2]);
  if (month < 1 || day < 1 || day > 31) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function validIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function sourceOf(
  headers: Record<string, string>,
  dateline: Dateline | null,
  ctx: TextContext,
): Pick<ArticleMeta, 'source' | 'sourceEvidence'> {
  if (headers.source) return { source: headers.source, sourceEvidence: 'header' };
  if (ctx.source) return { source: ctx.source, sourceEvidence: 'option' };
  if (dateline?.agency) return { source: dateline.agency, sourceEvidence: 'dateline' };
  const folder = basename(dirname(ctx.origin));
  if (folder && folder !== '.' && folder !== '/')
    return { source: folder, sourceEvidence: 'folder' };
  return { source: 'unknown', sourceEvidence: 'none' };
}
