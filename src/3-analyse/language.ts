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
  const result = eld.detect(sample);
  if (!result.language) return { code: 'und', reliable: false };
  return { code: result.language, reliable: result.isReliable() };
}
