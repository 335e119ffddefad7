import { clean } from '../2-clean/clean.js';
import type { AnalysedArticle, Artifact, ArticleMeta, ParsedArticle } from '../types.js';
import { annotate } from './annotate.js';
import { detectLanguage } from './language.js';
import { splitSentences } from './sentences.js';

/** Text outside artifacts, with artifacts blanked to spaces so offsets still line up. */
export function contentText(text: string, artifacts: { start: number; end: number }[]): string {
  if (artifacts.length === 0) return text;
  // Blanked spans, merged in text order; the text between them is copied in slices.
  const spans = artifacts
    .map((a) => ({ start: Math.max(0, a.start), end: Math.min(text.length, a.end) }))
    .filter((a) => a.end > a.start)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const a of spans) {
    if (a.end <= at) continue;
    const from = Math.max(a.start, at);
    out += text.slice(at, from) + ' '.repeat(a.end - from);
    at = a.end;
  }
  return out + text.slice(at);
}

/** Clean + analyse one parsed article. Pure: no I/O, no store. */
export function analyseArticle(parsed: ParsedArticle): AnalysedArticle {
  return analyseWith(parsed.meta, parsed.text, clean(parsed.text));
}

/**
 * Analyses a text exactly as given: no header parsing, no cleaning, so every
 * offset indexes the caller's own string (for `parallax analyse --raw` and benchmarks).
 */
export function analyseRaw(
  text: string,
  context: { origin: string; published: string | null; language?: string },
): AnalysedArticle {
  const meta: ArticleMeta = {
    title: '',
    titleSource: 'none',
    published: context.published
      ? { value: context.published, certainty: 'stated', evidence: 'given' }
      : { value: null, certainty: 'unknown', evidence: 'not given' },
    source: '',
    sourceEvidence: 'none',
    origin: context.origin,
    headers: context.language ? { language: context.language } : {},
  };
  return analyseWith(meta, text, []);
}

function analyseWith(meta: ArticleMeta, text: string, artifacts: Artifact[]): AnalysedArticle {
  const hinted = meta.headers.language;
  const detected = detectLanguage(contentText(text, artifacts));
  const language = hinted ? { code: hinted.toLowerCase().slice(0, 2), reliable: true } : detected;
  const sentences = splitSentences(text, artifacts, language.code);
  const annotations = annotate(text, sentences, language.code, meta.published.value);
  return { meta, text, language, artifacts, sentences, ...annotations };
}
