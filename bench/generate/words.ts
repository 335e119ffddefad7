/**
 * Invented vocabulary for synthetic news: words, names, places and organisations built
 * from syllables with a seeded PRNG, so no real person, place or text appears and the
 * same seed always gives the same lexicon. Grammar words stay English so the text reads
 * (and is detected and segmented) as English news.
 */

export type Random = () => number;

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'kl',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'z',
  'sh',
  'th',
  'w',
  'c',
  'j',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'ie'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'th', 'nd', 'rk', 'm', 'x', 'sk', 'lt', 'v'];
const ENDINGS = ['', '', 'a', 'en', 'is', 'ar', 'ov', 'ey', 'ia', 'ton', 'ska', 'ell'];

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function int(random: Random, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/** A pronounceable invented word of `syllables` syllables, lower case. */
export function inventWord(random: Random, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(random, ONSETS) + pick(random, VOWELS);
  return w + pick(random, CODAS) + (syllables > 1 ? pick(random, ENDINGS) : '');
}

export function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const ORG_KINDS = [
  'Ministry of Transport',
  'Assembly',
  'Council',
  'Energy',
  'Central Bank',
  'Port Authority',
  'Workers Union',
  'Health Agency',
  'Court',
  'Party',
  'Railways',
  'Mining Company',
  'University',
  'Water Board',
];
const FIRST_SYLLABLES = [1, 2, 2, 3];

/** A fixed lexicon for one seed: distinct invented content words and proper names. */
export interface Lexicon {
  /** Topic nouns ("vorland", "skeltic"): what events are about. */
  nouns: string[];
  /** Invented adjectives ending like English ones, for noun phrases. */
  adjectives: string[];
  firstNames: string[];
  surnames: string[];
  places: string[];
  organisations: string[];
  outlets: string[];
}

function distinct(random: Random, count: number, make: () => string): string[] {
  const seen = new Set<string>();
  let guard = 0;
  while (seen.size < count && guard++ < count * 50) seen.add(make());
  return [...seen];
}

export function makeLexicon(
  random: Random,
  size = { nouns: 12000, names: 3000, places: 2500, orgs: 1500 },
): Lexicon {
  const nouns = distinct(random, size.nouns, () => inventWord(random, int(random, 1, 3)));
  const adjectives = distinct(
    random,
    Math.floor(size.nouns / 6),
    () => inventWord(random, int(random, 1, 2)) + pick(random, ['ic', 'al', 'ian', 'ish', 'ous']),
  );
  const firstNames = distinct(random, Math.floor(size.names / 3), () =>
    capitalise(inventWord(random, pick(random, FIRST_SYLLABLES))),
  );
  const surnames = distinct(random, size.names, () =>
    capitalise(inventWord(random, int(random, 2, 3))),
  );
  const places = distinct(random, size.places, () => {
    const base = capitalise(inventWord(random, int(random, 1, 3)));
    return random() < 0.15 ? `Port ${base}` : random() < 0.1 ? `${base} Valley` : base;
  });
  const organisations = distinct(
    random,
    size.orgs,
    () => `${capitalise(inventWord(random, 2))} ${pick(random, ORG_KINDS)}`,
  );
  const outlets = distinct(
    random,
    64,
    () =>
      `${capitalise(inventWord(random, 2))} ${pick(random, ['Times', 'Herald', 'Post', 'Daily', 'Courier', 'Observer', 'Wire', 'News', 'Gazette', 'Record'])}`,
  );
  return { nouns, adjectives, firstNames, surnames, places, organisations, outlets };
}
