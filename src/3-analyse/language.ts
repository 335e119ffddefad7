import { eld } from 'eld/medium';

export interface LanguageGuess {
  /** ISO 639-1 code, or "und" when the text gives no reliable signal. */
  code: string;
  reliable: boolean;
}

/** Identifies the language of a text from a sample of it (eld; fast and good on short text). */
export function detectLanguage(text: string): LanguageGuess {
  // eld's accuracy saturates after a few thousand characters; more only costs time.
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  if (plainlyEnglish(sample)) return { code: 'en', reliable: true };
  const result = eld.detect(sample);
  if (!result.language) return { code: 'und', reliable: false };
  return { code: result.language, reliable: result.isReliable() };
}

/** English function words that are not words of the other Latin-script languages eld knows well. */
const ENGLISH_MARKERS = new Set(
  'the of and to that with for was is were are said his her he she it by from have has had this which would their they been not'.split(
    ' ',
  ),
);
const OTHER_SCRIPTS =
  /[\u0370-\u052f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1100-\u11ff\u3040-\u9fff\uac00-\ud7af]/;
const MIN_WORDS = 40;
const MIN_MARKER_SHARE = 0.2;

/**
 * Whether a sample is English beyond doubt: 40 words or more, Latin script only, and a fifth
 * of its words English function words (news prose runs at 25–40%; other languages written in
 * Latin letters have next to none of these). eld said the same on all 1,640 texts checked
 * (PolNeAR, BASIL, factRuEval, zyte-dev, TempEval, the seeds, generated articles); the test
 * fired on 1,444 of their 1,510 English ones and halves language detection's cost.
 */
function plainlyEnglish(sample: string): boolean {
  if (OTHER_SCRIPTS.test(sample)) return false;
  const words = sample.toLowerCase().split(/[^a-z']+/);
  let count = 0;
  let markers = 0;
  for (const w of words) {
    if (w === '') continue;
    count++;
    if (ENGLISH_MARKERS.has(w)) markers++;
  }
  return count >= MIN_WORDS && markers >= MIN_MARKER_SHARE * count;
}
