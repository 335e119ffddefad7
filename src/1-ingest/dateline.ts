import type { Span } from '../types.js';

/** A dateline at the start of a wire story: "MOSCOW, November 13. /TASS/." or "VELMORA, March 14 (Harbour Wire) -". */
export interface Dateline extends Span {
  place: string;
  /** "November 13", when the dateline has a day. */
  monthDay: string | null;
  agency: string | null;
}

const PLACE = String.raw`([A-Z][A-Z.'\- ]{1,40}[A-Z.])`;
const MONTH_DAY = String.raw`((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})`;

const PATTERNS: Array<{ re: RegExp; agency: number; day: number }> = [
  // TASS style: PLACE, Month D. /AGENCY/.
  {
    re: new RegExp(String.raw`^${PLACE}, ${MONTH_DAY}\. ?/([^/\n]{2,40})/\.?[ \t]*`),
    day: 2,
    agency: 3,
  },
  // Reuters/AP style: PLACE[, Month D] (AGENCY) -
  {
    re: new RegExp(String.raw`^${PLACE}(?:, ${MONTH_DAY})? ?\(([^)\n]{2,40})\) ?[-–—]+[ \t]*`),
    day: 2,
    agency: 3,
  },
  // Plain: PLACE, Month D -  (no agency)
  { re: new RegExp(String.raw`^${PLACE}, ${MONTH_DAY} ?[-–—:]+[ \t]*`), day: 2, agency: 0 },
];

/** Finds a dateline at `offset` in `text` (the start of the body). */
export function matchDateline(text: string, offset = 0): Dateline | null {
  const rest = text.slice(offset, offset + 200);
  const lead = rest.match(/^\s*/)![0].length;
  const head = rest.slice(lead);
  for (const { re, day, agency } of PATTERNS) {
    const m = re.exec(head);
    if (!m) continue;
    const place = m[1]!.trim();
    // A dateline place is upper case; "US President" is not one.
    if (place.replace(/[^A-Za-z]/g, '').length < 3 || /[a-z]/.test(place)) continue;
    return {
      start: offset + lead,
      end: offset + lead + m[0].length,
      place,
      monthDay: m[day] ?? null,
      agency: agency ? (m[agency]?.trim() ?? null) : null,
    };
  }
  return null;
}
