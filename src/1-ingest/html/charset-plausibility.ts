/**
 * How plausible a decoding of unknown bytes is as human text. A wrong legacy
 * decoding shows itself by replacement characters, C1 controls, symbols and
 * box-drawing characters in the middle of words, words mixing scripts, and
 * Cyrillic words with inverted case (KOI8-R read as windows-1251 and back).
 * Japanese kana and Korean hangul are strong signs their encodings were right.
 */
export function scoreDecoding(text: string): number {
  let score = 0;
  for (const word of text.match(/[^\s\d!-@[-`{-~]+/g) ?? []) score += scoreWord(word);
  return score;
}

const SCRIPT_OF: Array<[RegExp, string]> = [
  [/[\u0400-\u04ff]/, 'cyrillic'],
  [/[\u0370-\u03ff]/, 'greek'],
  [/[\u0590-\u05ff]/, 'hebrew'],
  [/[\u0600-\u06ff]/, 'arabic'],
  [/[\u3040-\u30ff]/, 'kana'],
  [/[\uac00-\ud7af]/, 'hangul'],
  [/[\u4e00-\u9fff]/, 'han'],
  [/[\u00c0-\u024f]/, 'latin'],
];

function scoreWord(word: string): number {
  let score = 0;
  let nonAscii = 0;
  let asciiLetters = 0;
  const scripts = new Set<string>();
  let prevLower = false;
  let caseFlips = 0;
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      if (/[A-Za-z]/.test(ch)) asciiLetters++;
      prevLower = /[a-z]/.test(ch);
      continue;
    }
    nonAscii++;
    if (c === 0xfffd) {
      score -= 20;
      continue;
    }
    if ((c >= 0x80 && c <= 0x9f) || (c >= 0x2500 && c <= 0x259f) || (c >= 0xff61 && c <= 0xff9f)) {
      // C1 controls, box drawing, half-width katakana: almost never in real text.
      score -= 6;
      continue;
    }
    if (!/\p{L}/u.test(ch)) {
      score += symbolScore(c);
      continue;
    }
    const script = SCRIPT_OF.find(([re]) => re.test(ch))?.[1] ?? 'other';
    // Japanese mixes kana and kanji in one word, Korean may mix hangul and hanja.
    scripts.add(script === 'kana' || script === 'han' || script === 'hangul' ? 'cjk' : script);
    if (script === 'kana' || script === 'hangul') score += 3;
    else if (script === 'han') score += 1.5;
    else if (script === 'other') score -= 1;
    else score += 1;
    const lower = ch !== ch.toUpperCase();
    if (lower !== prevLower && !lower && prevLower) caseFlips++;
    prevLower = lower;
  }
  if (scripts.size > 1) score -= 4 * nonAscii;
  // Lower-then-upper inside a word ("пРИВЕТ"): the case bit of the wrong Cyrillic table.
  score -= 3 * caseFlips;
  // Latin words made mostly of accented letters are what Cyrillic or Greek bytes look like in a Western table.
  if (scripts.has('latin') && nonAscii >= 3 && nonAscii > asciiLetters) score -= 3 * nonAscii;
  return score;
}

/** CJK punctuation is everyday text; Latin-1 symbols in the middle of words are what mojibake looks like. */
function symbolScore(c: number): number {
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff60)) return 1;
  if (c >= 0x2000 && c <= 0x206f) return 0; // dashes, quotes, ellipsis
  if (c === 0xab || c === 0xbb || c === 0xb0 || c === 0xb7 || c === 0xa0) return 0;
  return -3;
}
