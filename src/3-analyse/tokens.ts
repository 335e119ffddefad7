import { stemmer } from 'stemmer';
import type { Span } from '../types.js';
import { STOPWORDS } from './stopwords.js';

export interface Token extends Span {
  /** The word as written, lower-cased, apostrophes unified. */
  word: string;
  /** The matching key: stemmed, spelling-folded; '' for stopwords. */
  term: string;
  /** Starts with a capital letter (a name candidate). */
  capital: boolean;
}

// A regex tokenizer: ~37x faster than Intl.Segmenter at word granularity.
const WORD = /[\p{L}\p{N}]+(?:(?:['’.\-]|,(?=\d{3}(?!\d)))[\p{L}\p{N}]+)*/gu;

/** Tokens of text[start, end) with offsets into the full text. */
export function tokenize(text: string, start = 0, end = text.length, lang = 'en'): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(WORD)) {
    const word = m[0].toLowerCase().replace(/’/g, "'");
    const s = start + m.index!;
    out.push({
      start: s,
      end: s + m[0].length,
      word,
      term: termOf(word, lang),
      capital: /^\p{Lu}/u.test(m[0]),
    });
  }
  return out;
}

const termCache = new Map<string, string>();

/**
 * The key two words must share to count as the same word: stop words drop out,
 * possessives and spelling variants fold (canceled/cancelled, organise/organize,
 * Sergey/Sergei), English words are stemmed, other languages cut to a prefix.
 */
export function termOf(word: string, lang = 'en'): string {
  const key = lang === 'ru' || /[\u0400-\u04ff]/.test(word) ? `ru:${word}` : word;
  const cached = termCache.get(key);
  if (cached !== undefined) return cached;
  let term: string;
  let w = word.replace(/'s$/, '');
  // Initialisms keep their dots: "u.s" must not become the stop word "us".
  if (/^(?:\p{L}\.)+\p{L}$/u.test(w)) term = w;
  else if ((w = w.replace(/\./g, '')) === '' || STOPWORDS.has(w)) term = '';
  else if (/^\d/.test(w)) term = w.replace(/[,']/g, '');
  else if (/[\u0400-\u04ff]/.test(w)) term = w.length > 6 ? w.slice(0, 5) : w;
  else if (/^[a-z'-]+$/.test(w)) {
    w = foldSpelling(w);
    term = w.includes('-')
      ? w
          .split('-')
          .map((p) => stemmer(p))
          .join('-')
      : stemmer(w);
  } else term = w;
  if (termCache.size > 200_000) termCache.clear();
  termCache.set(key, term);
  return term;
}

/** British/American and transliteration variants map to one spelling. */
export function foldSpelling(w: string): string {
  return (
    w
      .replace(/([^aeiou])is(e|es|ed|ing|ation|ations)$/, '$1iz$2')
      .replace(/(.{3,})our(s|ed|ing|ite|ites)?$/, '$1or$2')
      .replace(/(.{3,})([^aeiou])re$/, '$1$2er')
      .replace(/ey$/, 'ei')
      // Only the doubled l of British inflections (cancelled, travelling): "stopped" must stay "stop".
      .replace(/ll(ed|ing|er|ers)$/, 'l$1')
  );
}
