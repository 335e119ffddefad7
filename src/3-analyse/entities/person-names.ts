/**
 * When two person names can be the same person: "Lavrov" ↔ "Sergei Lavrov" ↔ "Sergey
 * Lavrov" ↔ "S. Lavrov"; never "Sergei Lavrov" ↔ "Maria Lavrova"... unless the family name
 * form says so. Russian case endings are stripped so "Лаврова" meets "Лавров" only when
 * the rest of the name agrees.
 */
import { foldWord } from './transliterate.js';

const HONORIFICS = /^(?:mr|mrs|ms|dr|sir|lord|lady|madame|monsieur|herr|frau|г-н|г-жа)\.?$/i;

/** Strips a Russian case ending from a folded Cyrillic-derived word ("lavrova" stays distinct by gender, see matchKey). */
function stripCase(word: string, cyrillic: boolean): string {
  if (!cyrillic) return word;
  return word.replace(/(?:ogo|omu|ym|im|om|em|oi|ei|ui|u|e|a|ia|iu|i)$/, '') || word;
}

export interface PersonName {
  /** Folded given names and initials, in order ("sergei"; "s" for an initial). */
  given: string[];
  /** Folded family name (last word), case ending stripped for Cyrillic. */
  family: string;
}

export function parsePersonName(words: readonly string[]): PersonName | null {
  const kept = words.filter((w) => !HONORIFICS.test(w) && /\p{L}/u.test(w));
  if (kept.length === 0) return null;
  const cyr = kept.some((w) => /[\u0400-\u04ff]/.test(w));
  const folded = kept.map((w) => stripCase(foldWord(w.replace(/\.$/, '')), cyr));
  // Russian order "Путин Владимир Владимирович": a patronymic last means the family name comes first.
  if (cyr && kept.length === 3 && /(?:ович|евич|ич|овна|евна|ична)\p{Ll}*$/u.test(kept[2]!)) {
    return { given: [folded[1]!, folded[2]!], family: folded[0]! };
  }
  return { given: folded.slice(0, -1), family: folded[folded.length - 1]! };
}

function givenCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  // An initial matches a name with that first letter.
  return (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
}

/**
 * True when the two names can be one person: same family name, and given names (where
 * both are known) agree name by name, initials matching full names.
 */
export function samePerson(a: PersonName, b: PersonName): boolean {
  if (a.family !== b.family) return false;
  const n = Math.min(a.given.length, b.given.length);
  for (let i = 0; i < n; i++) if (!givenCompatible(a.given[i]!, b.given[i]!)) return false;
  return true;
}

/** True when both names carry a full (non-initial) first given name and those differ. */
export function conflictingGiven(a: PersonName, b: PersonName): boolean {
  const x = a.given[0];
  const y = b.given[0];
  return !!x && !!y && x.length > 1 && y.length > 1 && x !== y;
}
