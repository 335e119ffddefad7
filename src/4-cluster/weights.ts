/** Corpus statistics the store keeps so term weights reflect how rare a term is. */
export interface DocFreq {
  /** Number of articles seen. */
  docs: number;
  /** term -> number of articles containing it (absent = 0). */
  df: Map<string, number>;
}

/** Smoothed IDF; stays positive in a tiny corpus so two articles can still be compared. */
export function idf(term: string, stats: DocFreq): number {
  const df = stats.df.get(term) ?? 0;
  return Math.log((stats.docs + 2) / (df + 1)) + 0.5;
}

/** TF-IDF vector with sublinear term frequency; names weigh more (they pin an event down). */
export function weightVector(
  terms: Map<string, number>,
  names: Set<string>,
  stats: DocFreq,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [term, tf] of terms) {
    out.set(term, (1 + Math.log(tf)) * idf(term, stats) * nameBoost(term, names));
  }
  return out;
}

export function nameBoost(term: string, names: Set<string>): number {
  return names.has(term) ? 1.5 : 1;
}

/** The k heaviest terms: the article's entries in the inverted index. */
export function keyTerms(vector: Map<string, number>, k: number): string[] {
  return [...vector.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([t]) => t);
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v) dot += w * v;
  }
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

function norm(v: Map<string, number>): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}
