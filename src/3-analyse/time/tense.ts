/**
 * The tense of the clause around a time expression, from cheap surface cues:
 * the nearest tense marker in the sentence wins ("met … in September" is past,
 * "will meet … in September" is future). No parsing: a token-level scan.
 */
export type Tense = 'past' | 'future' | 'present' | null;

const EN_MARKERS =
  /\b(?:(will|won't|shall|'ll|would|going to|plans? to|planned to|planning to|scheduled|as soon as|postponed until|is to|are to|intends? to|expects? to|is expected to|are expected to|is due to|are due to|is scheduled to|are scheduled to|is set to|are set to|upcoming|next)|(was|were|had|did|said|told|met|held|took|made|went|came|gave|brought|began|left|saw|won|lost|sent|spoke|wrote|became|got|knew|thought|found|paid|sold|bought|fell|rose|ago|last|former|earlier|previously|reported|agreed|signed|announced|[a-z]{3,}ed)|(is|are|am|has|have|remains?|continues?))\b/gi;

/** Participles after a form of "be" or "have" belong to the auxiliary's tense, not the past. */
const AUX_BEFORE = /\b(?:be|been|being|is|are|am|will)\s+$/i;

const RU_MARKERS =
  /(?<![\p{L}])(?:(будет|будут|буду|будем|будете|будешь|планирует|планируют|намерен[аы]?|собирается|собираются|предстоящ\p{L}*|следующ\p{L}*)|(\p{L}{2,}(?:л|ла|ло|ли|лся|лась|лось|лись)|прошл\p{L}*|бывш\p{L}*|назад))(?![\p{L}])/giu;

export function tenseNear(
  text: string,
  sentence: { start: number; end: number },
  at: number,
  lang: string,
): Tense {
  const s = text.slice(sentence.start, sentence.end);
  const pos = at - sentence.start;
  const re = lang === 'ru' ? RU_MARKERS : EN_MARKERS;
  re.lastIndex = 0;
  let best: Tense = null;
  let bestDistance = Infinity;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const word = m[0];
    let tense: Tense = m[1] ? 'future' : m[2] ? 'past' : 'present';
    if (
      tense === 'past' &&
      lang !== 'ru' &&
      /ed$/i.test(word) &&
      AUX_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index))
    )
      continue;
    if (lang === 'ru' && tense === 'past' && /^(?:стол|пол|был|дел|сил|мысл|числ)$/i.test(word))
      tense = null;
    if (tense === null) continue;
    // Markers before the expression weigh a little more: English puts the verb first.
    const distance = m.index < pos ? pos - m.index : (m.index - pos) * 1.5;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = tense;
    }
  }
  return best;
}

const FUTURE_CUE =
  /\b(?:payable|effective|through|until|till|by|expires?|expiring|starting|beginning|due|scheduled for|set for|slated for|planned for|postponed to|extended to|as soon as|no later than|before)\s+(?:on\s+)?$/i;
const PAST_CUE = /\b(?:since|ended|ending|as of|last|ago)\s+(?:on\s+)?$/i;

/**
 * The words right before a date can settle its direction whatever the verb:
 * "payable Dec. 7", "effective Feb. 1", "until Tuesday" look ahead; "since May" looks back.
 */
export function cueBefore(text: string, at: number): Tense {
  const before = text.slice(Math.max(0, at - 30), at);
  if (FUTURE_CUE.test(before)) return 'future';
  if (PAST_CUE.test(before)) return 'past';
  return null;
}
