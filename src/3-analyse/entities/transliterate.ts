/**
 * Folding of name spellings so transliteration variants compare equal:
 * Sergey/Sergei, Witkoff/Whitcoff, Alexander/Aleksandr, Сергей/Sergei, Zelensky/Zelenskyy.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'i',
  є: 'e',
  ґ: 'g',
};

const cache = new Map<string, string>();

/** One word folded to a spelling-insensitive key. */
export function foldWord(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let w = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`-]/g, '');
  w = [...w].map((ch) => CYRILLIC[ch] ?? ch).join('');
  w = w
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/wh/g, 'w')
    .replace(/w/g, 'v')
    .replace(/ck/g, 'k')
    .replace(/ch/g, '\u0001')
    .replace(/c/g, 'k')
    .replace(/\u0001/g, 'ch')
    .replace(/kh/g, 'h')
    .replace(/[yj]/g, 'i')
    .replace(/ff$/, 'v')
    .replace(/([^aeiou])er$/, '$1r')
    .replace(/(.)\1+/g, '$1')
    .replace(/ii/g, 'i');
  if (cache.size > 50_000) cache.clear();
  cache.set(word, w);
  return w;
}

/** A name folded word by word ("Sergey Lavrov" → "sergei lavrov"). */
export function foldName(name: string): string {
  return name
    .split(/[\s\u00a0]+/)
    .filter(Boolean)
    .map(foldWord)
    .join(' ');
}
