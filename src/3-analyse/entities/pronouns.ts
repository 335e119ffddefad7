/** Personal pronouns that can stand for a person, with their grammatical gender. */

const EN: Record<string, 'm' | 'f'> = {
  he: 'm',
  him: 'm',
  his: 'm',
  himself: 'm',
  she: 'f',
  her: 'f',
  hers: 'f',
  herself: 'f',
};

const RU: Record<string, 'm' | 'f'> = {
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
};

/** The gender of a personal pronoun, or null when the word is not one. */
export function pronounGender(word: string, language: string): 'm' | 'f' | null {
  const w = word.toLowerCase();
  return (language === 'ru' ? RU[w] : EN[w]) ?? null;
}
