import type { ClusterFeatures } from './features.js';
import { bridgeMerges, UPKEEP_DEFAULTS } from './upkeep.js';
import { cosine, weightVector, type DocFreq } from './weights.js';

/** A story the index proposed for a new article. */
export interface CandidateStory {
  id: string;
  /** term -> summed TF-IDF weight over the story's articles (IDF as of each article's arrival). */
  centroid: Map<string, number>;
  size: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The story holds a near-duplicate of the article (shared MinHash band). */
  nearDuplicate: boolean;
}

export interface Assignment {
  /** The story to join, or null to open a new one. */
  storyId: string | null;
  score: number;
  /** Every candidate's score, for explanation and tuning. */
  scores: Array<{ id: string; score: number }>;
  /**
   * Other candidates the article also matched above the threshold and that are similar
   * enough to the chosen story to merge with it (absent when none): the article bridges them.
   */
  merge?: string[];
}

export interface AssignOptions {
  threshold: number;
  windowDays: number;
  /** Score lost per day beyond `gapFreeDays` from a story's dates (0: none). */
  gapPenalty?: number;
  gapFreeDays?: number;
  /** Centroid cosine two stories bridged by one article need to merge (UPKEEP_DEFAULTS). */
  mergeSimilarity?: number;
}

export const ASSIGN_DEFAULTS = {
  /** Cosine to a story's centroid above which an article joins it. */
  threshold: 0.2,
  /** Articles further than this from a story's dates do not join it. */
  windowDays: 10,
  /**
   * Inside the window, an article more than `gapFreeDays` from a story's dates scores
   * `gapPenalty` less (as a fraction) per further day: a report five days after a story
   * needs a cosine 0.15 higher (relative) to join it. Same-beat events a few days apart (a
   * second hearing, the reaction to another announcement) were BASIL's main over-merge.
   */
  gapPenalty: 0.05,
  gapFreeDays: 2,
};

/**
 * Decides which story an article belongs to, given the candidates the store's
 * indexes returned. Pure: the same inputs always give the same answer.
 */
export function assignStory(
  features: ClusterFeatures,
  candidates: CandidateStory[],
  stats: DocFreq,
  options: AssignOptions = ASSIGN_DEFAULTS,
): Assignment {
  const vector = weightVector(features.terms, features.names, stats);
  return assignVector(vector, features.date, candidates, options);
}

/**
 * `assignStory` for a vector already weighted: also used to place an outlier that left its
 * story, whose stored contribution is its vector.
 */
export function assignVector(
  vector: Map<string, number>,
  date: string | null,
  candidates: CandidateStory[],
  options: AssignOptions = ASSIGN_DEFAULTS,
): Assignment {
  const scores = candidates
    .filter((c) => c.nearDuplicate || withinWindow(date, c, options.windowDays))
    // Cosine ignores scale, so the summed centroid scores exactly as its mean would.
    .map((c) => ({
      id: c.id,
      score: c.nearDuplicate ? 1 : cosine(vector, c.centroid) * gapFactor(date, c, options),
    }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const best = scores[0];
  if (best && best.score >= options.threshold) {
    const bridged = scores.slice(1).filter((s) => s.score >= options.threshold);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const merge = bridged.length
      ? bridgeMerges(
          byId.get(best.id)!,
          bridged.map((s) => byId.get(s.id)!),
          { mergeSimilarity: options.mergeSimilarity ?? UPKEEP_DEFAULTS.mergeSimilarity },
        )
      : [];
    return { storyId: best.id, score: best.score, scores, ...(merge.length ? { merge } : {}) };
  }
  return { storyId: null, score: best?.score ?? 0, scores };
}

/** 1 within `gapFreeDays` of the story's dates, then `gapPenalty` less per day (not below 0). */
function gapFactor(date: string | null, c: CandidateStory, options: AssignOptions): number {
  const penalty = options.gapPenalty ?? 0;
  if (!penalty || !date || !c.firstDate || !c.lastDate) return 1;
  const t = Date.parse(date);
  const gap = Math.max(0, Date.parse(c.firstDate) - t, t - Date.parse(c.lastDate)) / 86_400_000;
  if (!Number.isFinite(gap)) return 1;
  return Math.max(0, 1 - penalty * Math.max(0, gap - (options.gapFreeDays ?? 0)));
}

function withinWindow(date: string | null, c: CandidateStory, days: number): boolean {
  if (!date || !c.firstDate || !c.lastDate) return true;
  const t = Date.parse(date);
  const lo = Date.parse(c.firstDate) - days * 86_400_000;
  const hi = Date.parse(c.lastDate) + days * 86_400_000;
  return t >= lo && t <= hi;
}

/**
 * The centroid contribution of one article: its TF-IDF vector with the IDF of
 * the moment it arrived. Freezing IDF keeps a centroid's norm computable from
 * what is stored, without re-reading document frequencies for every term.
 */
export function centroidContribution(
  features: ClusterFeatures,
  stats: DocFreq,
): Map<string, number> {
  return weightVector(features.terms, features.names, stats);
}
