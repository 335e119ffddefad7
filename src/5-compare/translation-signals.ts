import type { StoredArticle } from '../types.js';

/** Why an article looks like a (machine) translation of a text in another language. */
export interface TranslationSignals {
  probableMachineTranslation: boolean;
  confidence: number;
  /** Each piece of evidence with where it is. */
  evidence: Array<{ rule: string; detail: string; start: number; end: number }>;
}

// Common given names by grammatical gender, for spotting "reminded her" about a man.
// Small on purpose: a miss costs only a missed signal, never a false one.
const MALE_NAMES = new Set(
  (
    'marco mike michael john james robert william david richard joseph thomas charles donald joe ' +
    'vladimir sergey sergei dmitry dmitri alexander aleksandr andrei andrey nikolai ivan yuri ' +
    'steve stephen steven mark paul peter george frank emmanuel olaf viktor volodymyr boris ' +
    'keir rishi xi narendra recep benjamin antony jake lloyd kevin brian jeff daniel matthew ' +
    'anthony andrew edward henry jean pierre giorgio sergio luigi matteo'
  ).split(' '),
);
const FEMALE_NAMES = new Set(
  (
    'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa ' +
    'maria anna olga elena yelena natalia natalya tatiana svetlana irina ekaterina valentina ' +
    'kamala hillary nancy ursula giorgia angela theresa liz kaja annalena marine kristi ' +
    'emma sophie julia laura claire alice'
  ).split(' '),
);

const NAME = /\b(\p{Lu}\p{Ll}+)(?=\s+\p{Lu}\p{Ll}+)/gu;
const FEMALE_PRONOUN = /\b(?:she|her|hers|herself)\b/giu;

/**
 * Signs that an article is a machine translation: untranslated leftovers in
 * another script, and female pronouns where the only person nearby is a man
 * (Russian "её"/"ей" agrees with a feminine noun, not the person, so literal
 * translation turns "waiting for it" into "waiting for her").
 */
export function translationSignals(article: StoredArticle): TranslationSignals {
  const evidence: TranslationSignals['evidence'] = [];
  for (const a of article.artifacts) {
    if (a.kind === 'foreign-script') {
      evidence.push({
        rule: 'leftover/foreign-script',
        detail: `untranslated text "${article.text.slice(a.start, a.end).trim()}"`,
        start: a.start,
        end: a.end,
      });
    }
  }
  for (const s of article.sentences) {
    const sentence = article.text.slice(s.start, s.end);
    const names = [...sentence.matchAll(NAME)].map((m) => m[1]!.toLowerCase());
    if (names.length === 0 || names.some((n) => FEMALE_NAMES.has(n))) continue;
    const men = names.filter((n) => MALE_NAMES.has(n));
    if (men.length === 0) continue;
    for (const p of sentence.matchAll(FEMALE_PRONOUN)) {
      const start = s.start + p.index!;
      evidence.push({
        rule: 'pronoun/gender-mismatch',
        detail: `"${p[0]}" in a sentence whose only named people are men`,
        start,
        end: start + p[0].length,
      });
      break;
    }
  }
  const rules = new Set(evidence.map((e) => e.rule));
  // Two independent kinds of evidence are much stronger than two of one kind.
  const confidence = rules.size === 0 ? 0 : rules.size === 1 ? 0.55 : 0.85;
  return { probableMachineTranslation: confidence >= 0.5, confidence, evidence };
}
