import type { DiffOp } from '../../5-compare/diff.js';

/** The changes of a word diff as short phrases: "undercover → behind-the-scenes", "+ Budapest". */
export function diffChanges(diff: DiffOp[], max = 8): string[] {
  const out: string[] = [];
  for (const o of diff) {
    if (o.op === 'substitute') out.push(`${o.from} → ${o.to}`);
    else if (o.op === 'variant') out.push(`${o.from} ≈ ${o.to}`);
    else if (o.op === 'delete') out.push(`− ${o.text}`);
    else if (o.op === 'insert') out.push(`+ ${o.text}`);
  }
  return out.length > max ? [...out.slice(0, max), `… ${out.length - max} more`] : out;
}
