/**
 * Role mentions: titles before a name ("Russian Foreign Minister" Sergei Lavrov, "Trump's
 * special envoy" Stephen Witkoff) and definite role phrases standing for a person ("the
 * minister", "the Russian top diplomat", "the US Secretary of State").
 */
import type { DocToken } from './names.js';
import { isJoiner, isRoleHead, isRoleWord, roleClasses, roleNation } from './roles.js';

export interface RoleSpan {
  first: number;
  last: number;
  /** The role as it reads, with a possessor kept ("Trump's special envoy"). */
  role: string;
}

const POSSESSIVE = /^['’]s$/;

function allowed(tokens: readonly DocToken[], i: number): boolean {
  const t = tokens[i]!.text;
  return isRoleWord(t) || roleNation(t) !== null || (isJoiner(t) && t !== 'and' && t !== '&');
}

/** Role words, nations and the capitalised words of names inside titles ("Norvanian", "Kremlin"). */
export type InTitle = (i: number) => boolean;

function textOf(text: string, tokens: readonly DocToken[], first: number, last: number): string {
  return text.slice(tokens[first]!.start, tokens[last - 1]!.end);
}

function hasHead(tokens: readonly DocToken[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (isRoleHead(tokens[i]!.text)) return true;
  return false;
}

/** The title right before the name starting at token `nameFirst`, if any. */
export function rolePrefix(
  text: string,
  tokens: readonly DocToken[],
  nameFirst: number,
  nameWord: InTitle = () => false,
): RoleSpan | null {
  const sentence = tokens[nameFirst]!.sentence;
  let j = nameFirst - 1;
  while (j >= 0 && tokens[j]!.sentence === sentence && (allowed(tokens, j) || nameWord(j))) j--;
  let first = j + 1;
  let possessor = '';
  if (
    j >= 1 &&
    POSSESSIVE.test(tokens[j]!.text) &&
    tokens[j - 1]!.sentence === sentence &&
    /^\p{Lu}/u.test(tokens[j - 1]!.text)
  ) {
    possessor = `${tokens[j - 1]!.text}'s `;
  }
  while (first < nameFirst && isJoiner(tokens[first]!.text)) first++;
  if (first >= nameFirst || !hasHead(tokens, first, nameFirst)) return null;
  // "the minister Sergei Lavrov" reads as a role; a bare lower-case "head" before a name ("head Smith") does not.
  const role = textOf(text, tokens, first, nameFirst);
  if (roleClasses(role).size === 0) return null;
  return { first, last: nameFirst, role: possessor + role };
}

/**
 * "the minister", "the Russian top diplomat", "the US Secretary of State": a definite
 * article, role words, a head; not followed by a name (then it is a title, see rolePrefix).
 */
export function roleAt(
  text: string,
  tokens: readonly DocToken[],
  i: number,
  startsName: (i: number) => boolean,
  nameWord: InTitle = () => false,
): RoleSpan | null {
  const w = tokens[i]!.text;
  // /^the$/i, tested on every token: the length first.
  if (w.length !== 3 || (w !== 'the' && w.toLowerCase() !== 'the')) return null;
  const sentence = tokens[i]!.sentence;
  let j = i + 1;
  while (
    j < tokens.length &&
    tokens[j]!.sentence === sentence &&
    (allowed(tokens, j) || nameWord(j))
  )
    j++;
  let last = j;
  while (last > i + 1 && isJoiner(tokens[last - 1]!.text)) last--;
  if (last <= i + 1 || !hasHead(tokens, i + 1, last)) return null;
  if (last < tokens.length && tokens[last]!.sentence === sentence && startsName(last)) return null;
  // "the minister of X" where X is a capitalised name: keep the whole title.
  const role = textOf(text, tokens, i, last);
  if (roleClasses(role).size === 0) return null;
  return { first: i, last, role };
}

/**
 * An apposition after a name: "Sergei Lavrov, Russia's foreign minister, said" → the role
 * "Russia's foreign minister" (closed by a comma or the end of the sentence).
 */
export function roleAfter(
  text: string,
  tokens: readonly DocToken[],
  nameLast: number,
  nameWord: InTitle = () => false,
): RoleSpan | null {
  const comma = tokens[nameLast];
  if (!comma || comma.text !== ',') return null;
  const sentence = comma.sentence;
  const inSentence = (k: number) => k < tokens.length && tokens[k]!.sentence === sentence;
  let first = nameLast + 1;
  if (!inSentence(first)) return null;
  let j = first;
  if (/^(?:the|a|an)$/i.test(tokens[j]!.text)) j++;
  // "Russia's foreign minister": the possessor keeps its own mention; the role text names it.
  let possessor = '';
  if (
    inSentence(j + 1) &&
    POSSESSIVE.test(tokens[j + 1]!.text) &&
    /^\p{Lu}/u.test(tokens[j]!.text)
  ) {
    possessor = `${tokens[j]!.text}'s `;
    j += 2;
    first = j;
  }
  const runStart = j;
  while (inSentence(j) && (allowed(tokens, j) || nameWord(j))) j++;
  let last = j;
  while (last > runStart && isJoiner(tokens[last - 1]!.text)) last--;
  if (last <= runStart || !hasHead(tokens, runStart, last)) return null;
  const after = tokens[last];
  if (inSentence(last) && after!.text !== ',' && after!.text !== '.') return null;
  const role = textOf(text, tokens, first, last);
  if (roleClasses(role).size === 0) return null;
  return { first, last, role: possessor + role.replace(/^(?:the|a|an)\s+/i, '') };
}
