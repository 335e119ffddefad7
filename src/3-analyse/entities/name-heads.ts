/**
 * What a name's last word says about it. The tagger guesses from context, and for unfamiliar
 * capitalised words it often guesses person; a head word like "Hospital", "Council" or "Lane"
 * (the gazetteer's organisation and place words) knows better.
 */
import { STOPWORDS } from '../stopwords.js';
import type { DocToken, NameSpan } from './names.js';

type Gazetteer = ReadonlyMap<string, readonly string[]>;

/** Endings of nationality and language words ("Russian", "Chinese", "Danish", "Iraqi"). */
const DEMONYM_ENDING = /(?:an|ese|ish|ic|i)$/;

/** Place nouns the gazetteer's place words lack (waterside ones mostly). */
const MORE_PLACE_NOUNS = new Set([
  'quay',
  'wharf',
  'pier',
  'harbour',
  'harbor',
  'marina',
  'waterfront',
  'promenade',
  'estuary',
  'embankment',
]);

/** Names retyped by their head word, organisation names widened over the words before them. */
export function typedByHead(
  tokens: readonly DocToken[],
  names: NameSpan[],
  gazetteer: Gazetteer,
  capitalisation: ReadonlyMap<string, string>,
): NameSpan[] {
  const taken = new Set<number>();
  for (const n of names) for (let i = n.first; i < n.last; i++) taken.add(i);
  // A lone "Hospital" after capitalised words the tagger left out ("Velmora General Hospital").
  const after = (n: NameSpan) =>
    n.first > 0 && namePart(tokens, n.first - 1, taken, capitalisation);
  const classes = (i: number) => gazetteer.get(tokens[i]!.text.toLowerCase()) ?? [];
  const placeNoun = (i: number) =>
    classes(i).includes('LOCW') || MORE_PLACE_NOUNS.has(tokens[i]!.text.toLowerCase());
  // A word the model knows nothing of: in no gazetteer, not in the capitalisation statistics;
  // one capitalised word, not a plural.
  const unknownWord = (i: number) => {
    const w = tokens[i]!.text;
    const lower = w.toLowerCase();
    return (
      classes(i).length === 0 &&
      !capitalisation.has(lower) &&
      /^\p{Lu}\p{Ll}+$/u.test(w) &&
      !w.endsWith('s')
    );
  };
  for (const n of names) {
    const head = classes(n.last - 1);
    const length = n.last - n.first;
    // The other way round, for names of two words or more whose head says the opposite of the
    // tagger: "St Aldric Primary School" is no place, "Saltmere Island" no organisation.
    if (length > 1 && n.type === 'place' && head.includes('ORGW') && !head.includes('LOCW'))
      n.type = 'org';
    else if (length > 1 && n.type === 'org' && head.includes('LOCW') && !head.includes('ORGW'))
      n.type = 'place';
    // Nobody is "the Ledger": a one-word "person" after "the" that no noun follows ("told the
    // Ledger,", "the Ledger reported"; not "the Trump campaign") names a paper or a body. A
    // plural is a family ("the Clintons").
    if (
      n.type === 'person' &&
      length === 1 &&
      !tokens[n.first]!.text.endsWith('s') &&
      theBefore(tokens, n.first) &&
      !nounAfter(tokens, n.last)
    )
      n.type = 'org';
    // "the Tollmarsh district", "Tollmarsh quay": a one-word "misc" before a place noun is a
    // place, unless it reads as a nationality word ("the Russian region"). So is an unknown
    // word after a preposition of place or movement ("to Tollmarsh", "residents of
    // Tollmarsh"; not "in Senate", "to Republicans"). After a place's owner ("the government
    // of Ostrand") even the tagger's "person" is retyped.
    const retypable =
      n.type === 'misc' || (n.type === 'person' && placeOwnerBefore(tokens, n.first));
    if (
      retypable &&
      length === 1 &&
      !DEMONYM_ENDING.test(tokens[n.first]!.text) &&
      ((lowerWordAfter(tokens, n.last) && placeNoun(n.last)) ||
        (placePrepositionBefore(tokens, n.first) && unknownWord(n.first)))
    ) {
      n.type = 'place';
      // Evidence from the words around it outweighs the tagger's guesses elsewhere.
      n.typedByWords = true;
    }
    if (n.type !== 'person' && n.type !== 'misc') continue;
    // A given name first keeps a person whose surname is such a word ("Samantha Power",
    // "Anita Hill"); three words or more ending in an organisation word are an organisation
    // all the same ("John Birch Society").
    const given = classes(n.first).some((c) => c === 'FN' || c === 'FNM' || c === 'FNF');
    if (head.includes('ORGW')) {
      if (n.type === 'misc' ? length > 1 : length > 2 || (length === 2 && !given) || after(n))
        n.type = 'org';
    } else if (head.includes('LOCW') && n.type === 'person' && length > 1 && !given) {
      n.type = 'place';
    }
  }
  for (const n of names) {
    if (n.type !== 'org') continue;
    if (!gazetteer.get(tokens[n.last - 1]!.text.toLowerCase())?.includes('ORGW')) continue;
    while (n.first > 0 && namePart(tokens, n.first - 1, taken, capitalisation)) {
      n.first--;
      taken.add(n.first);
    }
  }
  return names;
}

/**
 * Whether token i is a capitalised word of the name that follows it: mid-sentence any
 * capitalised word but a function word ("The"); opening the sentence only a word not usually
 * written in lower case ("Velmora General Hospital", not "Yesterday Hospital").
 */
function namePart(
  tokens: readonly DocToken[],
  i: number,
  taken: ReadonlySet<number>,
  capitalisation: ReadonlyMap<string, string>,
): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1]!;
  if (taken.has(i) || t.sentence !== next.sentence || !/^\p{Lu}\p{Ll}/u.test(t.text)) return false;
  const lower = t.text.toLowerCase();
  if (STOPWORDS.has(lower)) return false;
  const opens = i === 0 || tokens[i - 1]!.sentence !== t.sentence;
  return !opens || (capitalisation.get(lower) ?? 'U') !== 'L';
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'near', 'into', 'across', 'towards']);

/** Nouns whose "of" names a place: "residents of Tollmarsh", "the government of Ostrand". */
const OF_PLACE = new Set([
  'residents',
  'people',
  'citizens',
  'inhabitants',
  'government',
  'mayor',
  'governor',
  'city',
  'town',
  'village',
  'region',
  'province',
  'county',
  'outskirts',
  'centre',
  'center',
  'streets',
]);

/** A preposition of place right before token i, or "of" after a noun that names a place's. */
function placePrepositionBefore(tokens: readonly DocToken[], i: number): boolean {
  const t = tokens[i - 1];
  if (t === undefined || t.sentence !== tokens[i]!.sentence) return false;
  return PLACE_PREPOSITIONS.has(t.text) || placeOwnerBefore(tokens, i);
}

/** "residents of" or "the government of" right before token i. */
function placeOwnerBefore(tokens: readonly DocToken[], i: number): boolean {
  const of = tokens[i - 1];
  const owner = tokens[i - 2];
  return (
    of?.text === 'of' &&
    owner !== undefined &&
    owner.sentence === tokens[i]!.sentence &&
    OF_PLACE.has(owner.text)
  );
}

function theBefore(tokens: readonly DocToken[], i: number): boolean {
  const t = tokens[i - 1];
  return t !== undefined && t.sentence === tokens[i]!.sentence && t.text === 'the';
}

/** Token i when it is a lower-case word in the same sentence as the name ending before it. */
function lowerWordAfter(tokens: readonly DocToken[], i: number): DocToken | undefined {
  const t = tokens[i];
  return t && t.sentence === tokens[i - 1]!.sentence && /^\p{Ll}/u.test(t.text) ? t : undefined;
}

/** A noun right after the name: "the Trump campaign" (a modifier, left alone). */
function nounAfter(tokens: readonly DocToken[], i: number): boolean {
  const t = lowerWordAfter(tokens, i);
  // A verb or a function word after it leaves the name a noun phrase of its own.
  return t !== undefined && !STOPWORDS.has(t.text) && !/(?:ed|s)$/.test(t.text);
}

/** Plural common nouns by their ending: "Inspections", "Agreements", "Hearings", "Studies". */
const COMMON_PLURAL = /^\p{Lu}\p{Ll}+(?:ions|ments|ings|ances|ences|ities|ies)$/u;

/**
 * Names without the plural common noun that opens a sentence before "of" and a lower-case word
 * ("Inspections of the remaining pillars will begin …"): a capital there says nothing, and the
 * tagger takes "X of the Y" for an organisation. Persons and words the statistics know as
 * capitalised are kept.
 */
export function withoutCommonOpeners(
  tokens: readonly DocToken[],
  names: NameSpan[],
  gazetteer: Gazetteer,
  capitalisation: ReadonlyMap<string, string>,
): NameSpan[] {
  return names.filter((n) => {
    if (n.last - n.first !== 1 || n.type === 'person') return true;
    const t = tokens[n.first]!;
    const opens = n.first === 0 || tokens[n.first - 1]!.sentence !== t.sentence;
    const of = tokens[n.last];
    const after = tokens[n.last + 1];
    const lower = t.text.toLowerCase();
    const common =
      opens &&
      of?.text === 'of' &&
      of.sentence === t.sentence &&
      after !== undefined &&
      /^\p{Ll}/u.test(after.text) &&
      COMMON_PLURAL.test(t.text) &&
      !gazetteer.has(lower) &&
      capitalisation.get(lower) !== 'U';
    return !common;
  });
}
