/** A grammar rule: a global regex and how to turn a match into a candidate. */
import type { TimeType } from '../../types.js';
import type { Meaning } from './meaning.js';

export interface RuleResult {
  meaning: Meaning;
  type: TimeType;
  /** Trim the match: offsets relative to the match start (default: the whole match). */
  start?: number;
  end?: number;
}

export interface Rule {
  id: string;
  re: RegExp;
  /** A cheap test the text must pass before the (costlier) rule regex runs over it. */
  gate?: RegExp;
  build(m: RegExpExecArray): RuleResult | null;
}

export const date = (meaning: Meaning): RuleResult => ({ meaning, type: 'DATE' });
