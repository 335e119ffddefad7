import type { Span } from '../../types.js';
import type { ClauseToken } from './clause-tokens.js';

/**
 * "Trump has a decisive lead in the polls", "In a CNN national poll, Clinton held a lead",
 * "in Forbes’ words, …": PolNeAR annotates the preposition as the Cue and the poll (or the
 * words) as the Source; the Content is the clause the phrase modifies.
 */
export interface PollFrame {
  source: Span;
  cue: Span;
  content: Span;
}

/** Words of the phrase between "in" and its head noun ("a Des Moines Register/Bloomberg"). */
const MAX_WORDS = 8;
const HEAD = /^(?:poll|polls|survey|surveys)$/;
const MODIFIER =
  /^(?:a|an|the|same|latest|recent|new|national|similar|early|last|most|public|opinion|online|separate|another|this|that|its|their|'s)$/;
/** Where the modified clause starts, walking left from the phrase. */
const CLAUSE_START = /^[,;:—–(]$/;
const OPENER = /^(?:and|but|yet|so|however|meanwhile|nationally|still)$/;

/** A poll frame at token i ("in"), or null. */
export function pollFrame(tokens: readonly ClauseToken[], i: number, unit: Span): PollFrame | null {
  const t = tokens[i]!;
  if (t.lower !== 'in' || t.quoted) return null;
  let k = i + 1;
  let head = -1;
  for (let words = 0; k < tokens.length && words <= MAX_WORDS; k++) {
    const x = tokens[k]!;
    if (x.quoted) return null;
    if (x.isWord) {
      words++;
      if (HEAD.test(x.lower) || (x.lower === 'words' && /^(?:'s|’|')$/.test(tokens[k - 1]!.raw))) {
        head = k;
        break;
      }
      // Only a pollster's name and its modifiers: not "in five states going to the polls".
      if (!x.capital && !MODIFIER.test(x.lower) && !/-/.test(x.lower) && !/^\d/.test(x.raw))
        return null;
    } else if (!/^[/’'-]$/.test(x.raw)) return null;
  }
  if (head < 0 || head === i + 1) return null;
  // "a lead in the polls" is mostly left unannotated; a named or singular poll is not.
  const initial = tokens.slice(0, i).every((x) => !x.isWord || OPENER.test(x.lower));
  if (/s$/.test(tokens[head]!.lower) && tokens[head]!.lower !== 'words' && !initial) return null;
  const source = { start: tokens[i + 1]!.start, end: tokens[head]!.end };
  const cue = { start: t.start, end: t.end };
  // Words before "in" in the same clause: the content is that clause; none: what follows.
  let s = i;
  while (s > 0 && !CLAUSE_START.test(tokens[s - 1]!.raw) && !tokens[s - 1]!.quoted) s--;
  while (s < i && (!tokens[s]!.isWord || OPENER.test(tokens[s]!.lower))) s++;
  if (s < i) {
    return { source, cue, content: { start: tokens[s]!.start, end: tokens[i - 1]!.end } };
  }
  let c = head + 1;
  while (c < tokens.length && tokens[c]!.raw === ',') c++;
  const first = tokens[c];
  if (!first || first.start >= unit.end) return null;
  let end = tokens[tokens.length - 1]!.end;
  for (let j = tokens.length - 1; j > c && /^[.!?]$/.test(tokens[j]!.raw); j--)
    end = tokens[j - 1]!.end;
  return { source, cue, content: { start: first.start, end } };
}
