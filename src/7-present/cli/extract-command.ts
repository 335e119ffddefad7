import { fetchUrl } from '../../1-ingest/fetch/fetch-url.js';
import { decodeHtmlBytes, type DecodedHtml } from '../../1-ingest/html/charset.js';
import { htmlToArticle, type HtmlArticle } from '../../1-ingest/html/html-article.js';
import { readHtmlFile } from '../../1-ingest/html/html-file.js';
import { InputError } from '../../1-ingest/input-error.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage.js';

/** `extract` stores nothing, so it runs without a database. */
export type StandaloneContext = Omit<CliContext, 'store'>;

/** `parallax extract <file|url> [--json]`: main text and metadata of one page, nothing stored. */
export async function runExtract(ctx: StandaloneContext): Promise<number> {
  if (ctx.positionals.length !== 1) throw new UsageError('give exactly one HTML file or URL');
  const input = ctx.positionals[0]!;
  let page: { decoded: DecodedHtml; url?: string };
  let article: HtmlArticle;
  try {
    page = /^https?:\/\//i.test(input)
      ? await fetchPage(input, ctx.values['allow-private-network'] === true)
      : { decoded: await readHtmlFile(input) };
    article = htmlToArticle(page.decoded.text, {
      origin: input,
      ...(page.url ? { url: page.url } : {}),
      ...(typeof ctx.values.source === 'string' ? { source: ctx.values.source } : {}),
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    ctx.err(`parallax extract: ${e.message}\n`);
    return 1;
  }
  if (ctx.json) ctx.out(JSON.stringify(extractJson(input, page.decoded, article), null, 2) + '\n');
  else ctx.out(extractText(page.decoded, article));
  return 0;
}

async function fetchPage(
  url: string,
  allowPrivateNetwork: boolean,
): Promise<{ decoded: DecodedHtml; url: string }> {
  let res;
  try {
    res = await fetchUrl(url, { allowPrivateNetwork });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(url, (e as Error).message);
  }
  if (res.status >= 400) throw new InputError(url, `HTTP ${res.status}`);
  if (res.contentType && !/html|xml/i.test(res.contentType)) {
    throw new InputError(url, `not an HTML page (Content-Type: ${res.contentType})`);
  }
  return { decoded: decodeHtmlBytes(res.body, res.contentType), url: res.url };
}

/** The --json shape (schemaVersion 1; docs/extract.md). */
export function extractJson(input: string, decoded: DecodedHtml, a: HtmlArticle) {
  const m = a.parsed.meta;
  return {
    schemaVersion: 1,
    input,
    method: a.method,
    charset: { name: decoded.charset, evidence: decoded.evidence },
    title: m.title,
    source: m.source,
    sourceEvidence: m.sourceEvidence,
    siteName: a.siteName,
    published: m.published,
    modified: a.modified,
    byline: a.byline,
    url: m.headers.url ?? null,
    canonicalUrl: a.canonicalUrl,
    section: a.section,
    language: a.language,
    captions: a.captions,
    text: a.parsed.text,
  };
}

function extractText(decoded: DecodedHtml, a: HtmlArticle): string {
  const m = a.parsed.meta;
  const rows: Array<[string, string | null]> = [
    ['Title', m.title || null],
    ['Source', `${m.source} (${m.sourceEvidence})`],
    [
      'Published',
      m.published.value
        ? `${m.published.value} (${m.published.certainty}: ${m.published.evidence})`
        : null,
    ],
    ['Modified', a.modified],
    ['Byline', a.byline],
    ['URL', m.headers.url ?? null],
    ['Section', a.section],
    ['Language', a.language],
    ['Charset', `${decoded.charset} (${decoded.evidence})`],
    ['Method', a.method],
  ];
  let out = '';
  for (const [k, v] of rows) if (v) out += `${(k + ':').padEnd(11)}${v}\n`;
  if (a.captions.length > 0) {
    out += `Captions:\n`;
    for (const c of a.captions) out += `  - ${c}\n`;
  }
  return `${out}\n${a.parsed.text}\n`;
}
