/** A marked span of text: which kinds of annotation cover it. */
export interface Mark {
  start: number;
  end: number;
  kind: string;
  /** Free data for the renderer (e.g. an entity type, a time value). */
  label?: string;
}

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/**
 * Cuts [0, length) at every mark boundary so overlapping and nested marks
 * (a name inside a quote) can be rendered as flat runs, each knowing every
 * mark that covers it. Marks outside the text or empty are ignored.
 */
export function segmentText(length: number, marks: Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= length && m.start < m.end);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, marks: valid.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}
