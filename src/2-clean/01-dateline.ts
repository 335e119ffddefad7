import { matchDateline } from '../1-ingest/dateline.js';
import type { Artifact } from '../types.js';

/** The wire dateline ("MOSCOW, November 13. /TASS/.") is metadata, not a statement. */
export function flagDateline(text: string): Artifact[] {
  const d = matchDateline(text);
  if (!d) return [];
  return [
    {
      start: d.start,
      end: d.end,
      kind: 'dateline',
      rule: 'dateline/wire',
      reason: `dateline: ${d.place}${d.monthDay ? `, ${d.monthDay}` : ''}${d.agency ? ` (${d.agency})` : ''}`,
    },
  ];
}
