import type { Artifact } from '../types.js';

const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  // Japanese mixes kanji and kana in every sentence: one script for this purpose.
  ['Han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];

const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

function scriptOf(word: string): string {
  // Words start with a letter: an ASCII one is Latin.
  if (word.charCodeAt(0) < 128) return 'Latin';
  for (const [name, re] of SCRIPTS) if (re.test(word[0]!)) return name;
  return 'Other';
}

/** The script most of the text's letters are written in. */
export function dominantScript(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const s = scriptOf(m[0]);
    counts.set(s, (counts.get(s) ?? 0) + m[0].length);
  }
  let best: string | null = null;
  let max = 0;
  for (const [s, n] of counts) if (n > max) [best, max] = [s, n];
  return best;
}

/**
 * Leftover text in a script other than the article's: the untranslated
 * "полная версия на сайте" in an English machine translation. Runs of at least
 * two words (or one long word) in a minority script are flagged.
 */
export function flagForeignScript(text: string): Artifact[] {
  // Every letter Latin (most English news): one script, nothing foreign.
  if (!NON_LATIN_LETTER.test(text)) return [];
  const main = dominantScript(text);
  if (!main) return [];
  const out: Artifact[] = [];
  let run: { start: number; end: number; script: string; words: number; letters: number } | null =
    null;
  const close = () => {
    if (run && (run.words >= 2 || run.letters >= 8)) {
      out.push({
        start: run.start,
        end: run.end,
        kind: 'foreign-script',
        rule: 'foreign-script/minority-run',
        reason: `${run.script} text in a ${main}-script article`,
      });
    }
    run = null;
  };
  for (const m of text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
    const script = scriptOf(m[0]);
    const start = m.index!;
    const end = start + m[0].length;
    if (script === main || script === 'Other') {
      close();
      continue;
    }
    // Extend the run only across spaces and light punctuation on the same line.
    if (
      run &&
      run.script === script &&
      /^[\s,.:;!?«»"“”'-]*$/.test(text.slice(run.end, start)) &&
      !text.slice(run.end, start).includes('\n')
    ) {
      run.end = end;
      run.words++;
      run.letters += m[0].length;
    } else {
      close();
      run = { start, end, script, words: 1, letters: m[0].length };
    }
  }
  close();
  return out;
}
