import type { Artifact } from '../types.js';
import { flagDateline } from './01-dateline.js';
import { flagCaptions } from './02-captions.js';
import { flagReadMore } from './03-read-more.js';
import { flagLinkOnly } from './04-link-only.js';
import { flagForeignScript } from './05-foreign-script.js';
import type { CleanRule } from './rule.js';

/** The cleaning passes, in order. Each flags spans; none rewrites the text. */
export const CLEAN_RULES: CleanRule[] = [
  flagDateline,
  flagCaptions,
  flagReadMore,
  flagLinkOnly,
  flagForeignScript,
];

/** Runs every cleaning pass and returns the artifacts sorted by position. */
export function clean(text: string, rules: CleanRule[] = CLEAN_RULES): Artifact[] {
  return rules.flatMap((rule) => rule(text)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** True when `[start, end)` lies inside any artifact: such text is not a statement. */
export function insideArtifact(artifacts: Artifact[], start: number, end: number): boolean {
  return artifacts.some((a) => a.start <= start && end <= a.end);
}
