/**
 * What a matched time phrase means, before it is resolved against the
 * publication date, the sentence tense or a narrative anchor.
 */
import type { TimeType } from '../../types.js';
import type { DayPart, Season, Unit } from './calendar.js';

export type Direction = 'before' | 'after' | 'at';

export type Meaning =
  /** Calendar fields as written; a missing year is inferred from the publication date and tense. */
  | {
      kind: 'calendar';
      year?: number;
      month?: number;
      day?: number;
      quarter?: number;
      half?: number;
      season?: Season;
      decade?: number;
      century?: number;
      hour?: number;
      minute?: number;
      part?: DayPart;
      /** "last September" / "next spring": -1 or +1 occurrence relative to the publication date. */
      shift?: -1 | 1;
    }
  /** "Thanksgiving", "Christmas 1998", "last Christmas". */
  | { kind: 'holiday'; name: string; year?: number; shift?: -1 | 1 }
  /** "Friday", "last Friday", "Friday morning". */
  | {
      kind: 'weekday';
      weekday: number;
      shift: -1 | 0 | 1 | null;
      part?: DayPart;
      hour?: number;
      minute?: number;
    }
  /** Days from the publication date: today (0), yesterday (-1), tomorrow (1), tonight. */
  | { kind: 'day'; offset: number; part?: DayPart; hour?: number; minute?: number }
  /** A clock time on the publication day ("10 a.m."). */
  | { kind: 'clock'; hour: number; minute: number }
  /** The unit containing the publication date, shifted: "last year" (-1), "this week" (0), "three years ago" (-3). */
  | { kind: 'unit'; unit: Unit | 'season'; offset: number; season?: Season }
  /** The weekend of the publication week (0), the one before (-1) or after (1): "1998-W32-WE". */
  | { kind: 'weekend'; offset: number }
  /** Previous completed quarter ("the latest quarter"). */
  | { kind: 'latestQuarter' }
  /** Relative to the narrative's previous date: "the next day" (+1 day), "a year earlier" (-1 year), "the same month" (0). */
  | { kind: 'narrative'; unit: Unit; offset: number | null }
  | { kind: 'duration'; unit: Unit; amount: number | null }
  | { kind: 'fixed'; value: string; type: TimeType }
  /** Tied to a named event: "a week before the Anchorage summit", "after the Alaska summit". */
  | {
      kind: 'anchored';
      event: string;
      unit: Unit | null;
      amount: number | null;
      direction: Direction;
    };

/** A matched phrase: where it is, what it means, which rule found it. */
export interface Candidate {
  start: number;
  end: number;
  type: TimeType;
  meaning: Meaning;
  rule: string;
}
