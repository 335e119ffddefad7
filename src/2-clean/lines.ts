import type { Span } from '../types.js';

export interface Line extends Span {
  text: string;
}

/** The non-empty lines of a text with their offsets (trimmed of surrounding spaces). */
export function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed === '') continue;
    const start = m.index + lead;
    out.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return out;
}
