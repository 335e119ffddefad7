/**
 * Token scanning without match objects. A global `exec` or `matchAll` loop builds an array
 * (and, for matchAll, an iterator result) per token: measured as about a seventh of all the
 * memory the analysis allocates, and so of its garbage-collection time. A sticky regex
 * tried with `test` at each candidate position builds nothing; its `lastIndex` gives the end.
 */

/** Whether the UTF-16 unit is one that `\s` matches. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Where the next match of `sticky` (a regex with the `y` flag, none of whose matches starts
 * with white space) begins at or after `from` in `s`, or -1; the match ends at
 * `sticky.lastIndex`. Tries the same positions, in the same order, as a global regex would.
 */
export function nextMatch(s: string, sticky: RegExp, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) continue;
    sticky.lastIndex = i;
    if (sticky.test(s)) return i;
  }
  return -1;
}
