import { diffSpans, type DiffOp } from '../5-compare/diff.js';
import type { ArticleLinkKind, SimilarArticle } from '../6-store/store.js';
import type { AnalysedArticle } from '../types.js';
import { contentHash } from './content-hash.js';

/** Word-shingle overlap above which a same-outlet article is an update of the earlier one. */
export const VERSION_MIN_SIMILARITY = 0.5;
/** Overlap above which two outlets published the same text (wire copy). */
export const SAME_TEXT_MIN_SIMILARITY = 0.8;

const SHINGLE = 3;

/** Jaccard similarity of the two texts' word 3-shingles (case and punctuation ignored). */
export function textSimilarity(a: string, b: string): number {
  return shingleSimilarity(a, shingles(a), b);
}

/** `textSimilarity` with the first text's shingles already made (one article, many candidates). */
function shingleSimilarity(a: string, sa: Set<string>, b: string): number {
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let common = 0;
  for (const s of sa) if (sb.has(s)) common++;
  return common / (sa.size + sb.size - common);
}

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  if (out.size === 0 && words.length) out.add(words.join(' '));
  return out;
}

/**
 * How a new article relates to stored near-duplicates: a new version of the
 * most similar article from the same outlet, and "same text as" every
 * article from another outlet with (nearly) the same text.
 */
export function relationsFor(
  article: Pick<AnalysedArticle, 'text' | 'meta'>,
  candidates: SimilarArticle[],
  hash: string = contentHash(article.text),
): Array<{ kind: ArticleLinkKind; to: string }> {
  if (candidates.every((c) => c.contentHash === hash)) return [];
  const own = shingles(article.text);
  const source = article.meta.source.toLowerCase();
  const known = source !== 'unknown';
  let version: { id: string; score: number } | null = null;
  const same: string[] = [];
  for (const c of candidates) {
    if (c.contentHash === hash) continue;
    const score = shingleSimilarity(article.text, own, c.text);
    if (known && c.source.toLowerCase() === source) {
      if (score >= VERSION_MIN_SIMILARITY && (!version || score > version.score))
        version = { id: c.id, score };
    } else if (score >= SAME_TEXT_MIN_SIMILARITY) same.push(c.id);
  }
  return [
    ...(version ? [{ kind: 'version-of' as const, to: version.id }] : []),
    ...same.sort().map((to) => ({ kind: 'same-text-as' as const, to })),
  ];
}

/** Word diff from an earlier version's text to a later one's. */
export function versionDiff(earlier: string, later: string): DiffOp[] {
  return diffSpans(earlier, { start: 0, end: earlier.length }, later, {
    start: 0,
    end: later.length,
  });
}
