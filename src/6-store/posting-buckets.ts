import { ASSIGN_DEFAULTS } from '../4-cluster/assign.js';

/**
 * Key-term postings are kept per week of the posting article's date. A new article is only
 * ever assigned to a story dated within `windowDays` of it, so its candidates come from the
 * weeks around its date: the postings read per article stay bounded however long the store
 * runs (a two-year store no longer offers, and loads, stories from last year), and the
 * stories of the window are not crowded out of the candidate limit by older ones sharing
 * common terms. Written this way, each commit's postings also land in a few neighbouring
 * pages of the index instead of one random page each.
 */
export const BUCKET_DAYS = 7;
/**
 * The bucket of articles without a (parseable) date, read by every dated article too: a week
 * no real date falls in (bucket -1 is the last week of 1969).
 */
export const UNDATED_BUCKET = -1_000_000;

const DAY_MS = 86_400_000;

/** The bucket an article's key terms are posted under, from its publication date. */
export function postingBucket(date: string | null): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isFinite(t) ? Math.floor(t / DAY_MS / BUCKET_DAYS) : UNDATED_BUCKET;
}

/**
 * The buckets an article dated `date` reads candidates from: the weeks its window touches,
 * and the undated bucket. `null` for an undated article: it may join a story of any date.
 */
export function candidateBuckets(
  date: string | null,
  windowDays: number = ASSIGN_DEFAULTS.windowDays,
): number[] | null {
  const t = date ? Date.parse(date) : NaN;
  if (!Number.isFinite(t)) return null;
  const day = t / DAY_MS;
  const lo = Math.floor((day - windowDays) / BUCKET_DAYS);
  const hi = Math.floor((day + windowDays) / BUCKET_DAYS);
  const out = [UNDATED_BUCKET];
  for (let b = lo; b <= hi; b++) out.push(b);
  return out;
}
