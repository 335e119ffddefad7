import type { Artifact, Sentence, Span } from '../types.js';
import { simpleSentenceBreaks } from './sentence-breaks.js';
import { ABBREVIATIONS, CAPITALISED_ABBREVIATIONS, NUMBER_ABBREVIATIONS } from './abbreviations.js';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang === 'und' ? 'en' : lang, { granularity: 'sentence' });
    } catch {
      s = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(lang, s);
  }
  return s;
}

/**
 * Splits text into sentences with offsets. Sentences never cross a line break
 * (a line is a paragraph in plain-text news) and never include artifact text.
 * Intl.Segmenter does the splitting; we re-join its splits after abbreviations
 * ("U.S.", "Mr.") and before lower-case continuations.
 */
export function splitSentences(text: string, artifacts: Artifact[] = [], lang = 'en'): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = -1;
  const lineRe = /[^\n]+/g;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    if (m[0].trim() === '') continue;
    paragraph++;
    for (const region of subtract({ start: m.index, end: m.index + m[0].length }, artifacts)) {
      for (const s of splitRegion(text, region, lang)) out.push({ ...s, paragraph });
    }
  }
  return out;
}

/** The parts of `span` not covered by any artifact. */
function subtract(span: Span, artifacts: Artifact[]): Span[] {
  let parts: Span[] = [span];
  for (const a of artifacts) {
    if (a.end <= span.start || a.start >= span.end) continue;
    parts = parts.flatMap((p) => {
      if (a.end <= p.start || a.start >= p.end) return [p];
      const keep: Span[] = [];
      if (a.start > p.start) keep.push({ start: p.start, end: a.start });
      if (a.end < p.end) keep.push({ start: a.end, end: p.end });
      return keep;
    });
  }
  return parts;
}

function splitRegion(text: string, region: Span, lang: string): Span[] {
  const chunk = text.slice(region.start, region.end);
  const pieces: Span[] = [];
  // English in plain characters breaks by our own reading of the same rules (identical, and
  // cheaper: no segment objects); other text by the segmenter.
  const simple = !mayBreak(chunk)
    ? []
    : lang === 'en' || lang === 'und'
      ? simpleSentenceBreaks(chunk)
      : null;
  if (simple) {
    let start = region.start;
    for (const b of simple) {
      pieces.push({ start, end: region.start + b });
      start = region.start + b;
    }
    pieces.push({ start, end: region.end });
  } else
    for (const seg of segmenter(lang).segment(chunk)) {
      const start = region.start + seg.index;
      pieces.push({ start, end: start + seg.segment.length });
    }
  const merged: Span[] = [];
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && shouldJoin(text.slice(prev.start, prev.end), text.slice(p.start, p.end))) {
      prev.end = p.end;
    } else {
      merged.push({ ...p });
    }
  }
  return merged
    .map((s) => trim(text, s))
    .filter((s) => s.end > s.start && /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
}

// What Unicode's sentence rules (UAX #29) break after: sentence terminals, full stops and
// paragraph separators. Lines are split on "\n" before this.
const STOP_CHARS = '\\p{Sentence_Terminal}\\u2024\\ufe52\\uff0e';
const TERMINAL = new RegExp(`[${STOP_CHARS}\\r\\u0085\\u2028\\u2029]`, 'u');
const STOP = new RegExp(`[${STOP_CHARS}]`, 'u');
const CLOSER = /[\p{Pe}\p{Pf}\p{Pi}"'\s]/u;

/**
 * Whether the segmenter could split `chunk` at all: only if a terminal comes before the
 * chunk's final run of terminals, closing marks and spaces. Most news paragraphs hold a
 * single sentence; skipping Intl.Segmenter for them saves most of its cost.
 */
function mayBreak(chunk: string): boolean {
  const first = chunk.search(TERMINAL);
  if (first < 0) return false;
  let i = chunk.length;
  while (i > first && CLOSER.test(chunk[i - 1]!)) i--;
  while (i > first && STOP.test(chunk[i - 1]!)) i--;
  return i > first;
}

function shouldJoin(prev: string, next: string): boolean {
  const p = prev.trimEnd();
  const n = next.trimStart();
  if (n === '') return true;
  // A continuation in lower case ("... the U.S. government") or a closing quote alone.
  if (/^[\p{Ll},;:)\]]/u.test(n)) return true;
  if (/^["'”’»]+\s*$/.test(n)) return true;
  const lastWord = /(\S+)\.$/.exec(p)?.[1];
  if (!lastWord) return false;
  const word = lastWord.replace(/^[("'“‘«]+/, '');
  const w = word.toLowerCase();
  if (ABBREVIATIONS.has(w)) return true;
  if (CAPITALISED_ABBREVIATIONS.has(w) && /^\p{Lu}/u.test(word)) return true;
  if (NUMBER_ABBREVIATIONS.has(w)) return /^\d/.test(n);
  // Single initials: "J. K. Rowling".
  if (/^\p{Lu}$/u.test(lastWord)) return true;
  return false;
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
