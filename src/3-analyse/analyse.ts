import { clean } from '../2-clean/clean.js';
import type { AnalysedArticle, ParsedArticle } from '../types.js';
import { detectLanguage } from './language.js';
import { splitSentences } from './sentences.js';

/** Text outside artifacts, with artifacts blanked to spaces so offsets still line up. */
export function contentText(text: string, artifacts: { start: number; end: number }[]): string {
  if (artifacts.length === 0) return text;
  const chars = text.split('');
  for (const a of artifacts) for (let i = a.start; i < a.end; i++) chars[i] = ' ';
  return chars.join('');
}

/** Clean + analyse one parsed article. Pure: no I/O, no store. */
export function analyseArticle(parsed: ParsedArticle): AnalysedArticle {
  const artifacts = clean(parsed.text);
  const hinted = parsed.meta.headers.language;
  const detected = detectLanguage(contentText(parsed.text, artifacts));
  const language = hinted ? { code: hinted.toLowerCase().slice(0, 2), reliable: true } : detected;
  const sentences = splitSentences(parsed.text, artifacts, language.code);
  return { meta: parsed.meta, text: parsed.text, language, artifacts, sentences };
}
