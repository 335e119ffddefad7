export function dateRange(first: string | null, last: string | null): string {
  if (!first && !last) return 'date unknown';
  if (first === last || !last) return first!;
  if (!first) return last;
  return `${first} – ${last}`;
}

/** Shortens a passage for one-line display. */
export function clip(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}
