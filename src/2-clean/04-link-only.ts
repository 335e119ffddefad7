import type { Artifact } from '../types.js';
import { lines } from './lines.js';

const LINK_ONLY = /^(?:[-•*>]\s*)?(?:<?(?:https?:\/\/|www\.)\S+>?|\[[^\]]*\]\([^)]+\))[\s.,;]*$/i;

/** Lines that are nothing but a link. */
export function flagLinkOnly(text: string): Artifact[] {
  return lines(text)
    .filter((line) => LINK_ONLY.test(line.text))
    .map((line) => ({
      start: line.start,
      end: line.end,
      kind: 'link-only' as const,
      rule: 'link-only/bare-url',
      reason: 'line holds only a link',
    }));
}
