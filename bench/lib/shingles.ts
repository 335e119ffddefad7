/**
 * The extraction score of the Zyte article-extraction benchmark, as described in
 * ../shared/data/README.md: lowercase, split on whitespace and punctuation, the
 * multiset of 4-word shingles; precision and recall per page.
 */

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((w) => w !== '');
}

export function shingles(text: string, n = 4): Map<string, number> {
  const w = words(text);
  const out = new Map<string, number>();
  // Texts shorter than n words count as one shingle of what they have.
  if (w.length > 0 && w.length < n) out.set(w.join(' '), 1);
  for (let i = 0; i + n <= w.length; i++) {
    const key = w.slice(i, i + n).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  precision: number;
  recall: number;
}

/** Precision and recall of `predicted` against `truth`; both empty = 1, one empty = 0. */
export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  const tn = total(t);
  const pn = total(p);
  if (tn === 0 && pn === 0) return { precision: 1, recall: 1 };
  let common = 0;
  for (const [k, c] of p) common += Math.min(c, t.get(k) ?? 0);
  return { precision: pn === 0 ? 0 : common / pn, recall: tn === 0 ? 0 : common / tn };
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const c of m.values()) n += c;
  return n;
}
