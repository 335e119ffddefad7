/** Personal pronouns that can stand for a person, with their grammatical gender. */

const EN = new Map<string, 'm' | 'f'>(
  Object.entries({
    he: 'm',
    him: 'm',
    his: 'm',
    himself: 'm',
    she: 'f',
    her: 'f',
    hers: 'f',
    herself: 'f',
  }) as Array<[string, 'm' | 'f']>,
);

const RU = new Map<string, 'm' | 'f'>(
  Object.entries({
    он: 'm',
    его: 'm',
    ему: 'm',
    нём: 'm',
    нем: 'm',
    него: 'm',
    нему: 'm',
    ним: 'm',
    она: 'f',
    её: 'f',
    ее: 'f',
    ей: 'f',
    неё: 'f',
    нее: 'f',
    ней: 'f',
    ею: 'f',
  }) as Array<[string, 'm' | 'f']>,
);

/** The gender of a personal pronoun, or null when the word is not one. */
export function pronounGender(word: string, language: string): 'm' | 'f' | null {
  if (word.length > 7) return null;
  const w = word.toLowerCase();
  return (language === 'ru' ? RU : EN).get(w) ?? null;
}
