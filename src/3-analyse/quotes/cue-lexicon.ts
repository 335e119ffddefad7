/**
 * Words and phrases that introduce reported speech or a stance (the Cue of PolNeAR).
 *
 * - speech: verbs of saying; they also work inverted ("…, said the minister").
 * - stance: verbs of thinking, wanting and evaluating; only "X believes …" order.
 * - evidence: what polls and studies do ("a poll found …").
 */
import { nextMatch } from '../next-match.js';

export type CueClass = 'speech' | 'stance' | 'evidence';

// Regular English verbs: base form only; inflections are generated below.
const SPEECH_REGULAR =
  'add note ask announce suggest argue report explain declare acknowledge tweet state claim insist ' +
  'warn reply respond recall conclude predict promise vow pledge urge admit deny confirm estimate ' +
  'assert contend complain stress emphasize emphasise observe remark testify reiterate concede caution ' +
  'joke quip boast mention reveal indicate maintain answer counter retort allege recount post hint ' +
  'propose comment inform assure underline underscore highlight object lament continue explain ' +
  'describe accuse criticize criticise praise blame question cite demand predict agree disagree ' +
  'signal acknowledge clarify specify summarize summarise exclaim whisper shout scream reply muse ' +
  'announce emphasize notice insist threaten call refer talk boast';
const STANCE_REGULAR =
  'believe hope fear expect want doubt worry suspect assume realize realise consider wonder ' +
  'plan endorse support oppose defend reject dismiss condemn denounce decline refuse prefer like ' +
  'favor favour back decry charge attack blast mock echo challenge slam knock rail repeat remind portray ' +
  'compare outline request quote email thank unveil discuss invoke identify express welcome applaud ' +
  'celebrate embrace lambast question recommend advocate dispute doubt point congratulate vouch ' +
  'apologize apologise regret concern focus detail';
const EVIDENCE_REGULAR = 'show indicate suggest';

// Irregular forms, written out.
const SPEECH_IRREGULAR =
  'say says said saying tell tells told telling write writes wrote written writing';
const STANCE_IRREGULAR =
  'think thinks thought thinking feel feels felt feeling know knows knew known see sees saw seen ' +
  'seek seeks sought seeking';
const EVIDENCE_IRREGULAR = 'find finds found show shows showed shown';

/** Verbs whose base form is mostly a noun ("the state", "a tweet"): only their other forms are cues. */
const NO_BASE = new Set(
  'notice state tweet report support question plan post note claim estimate comment answer counter signal demand object hint promise reply quip joke call show back like favor favour charge attack blast echo challenge slam knock rail repeat request quote email thank express welcome dispute doubt outline compare'.split(
    ' ',
  ),
);

function inflections(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const ed = /[^aeiou]y$/.test(base)
    ? `${base.slice(0, -1)}ied`
    : /(?:admit|commit|regret|plan|quip|signal)$/.test(base)
      ? `${base}${base.slice(-1)}ed`
      : `${stem}ed`;
  const s = /(?:s|sh|ch|x|z)$/.test(base)
    ? `${base}es`
    : /[^aeiou]y$/.test(base)
      ? `${base.slice(0, -1)}ies`
      : `${base}s`;
  const ing = /(?:admit|commit|regret|plan|quip|signal)$/.test(base)
    ? `${base}${base.slice(-1)}ing`
    : /ie$/.test(base)
      ? `${base.slice(0, -2)}ying`
      : /[^e]e$/.test(base)
        ? `${stem}ing`
        : `${base}ing`;
  return NO_BASE.has(base) ? [s, ed, ing] : [base, s, ed, ing];
}

export const CUE_WORDS = new Map<string, CueClass>();
function addAll(list: string, cls: CueClass, regular: boolean): void {
  for (const w of list.split(/\s+/).filter(Boolean)) {
    for (const f of regular ? inflections(w) : [w]) if (!CUE_WORDS.has(f)) CUE_WORDS.set(f, cls);
  }
}
addAll(SPEECH_IRREGULAR, 'speech', false);
addAll(SPEECH_REGULAR, 'speech', true);
addAll(EVIDENCE_IRREGULAR, 'evidence', false);
addAll(STANCE_IRREGULAR, 'stance', false);
addAll(STANCE_REGULAR, 'stance', true);
addAll(EVIDENCE_REGULAR, 'evidence', true);

/** Verbs whose first object is the addressee, not the content ("told reporters that …"). */
export const ADDRESSEE_VERBS = new Set(
  'tell tells told telling ask asks asked asking inform informs informed informing assure assures assured assuring warn warns warned warning remind reminds reminded reminding'.split(
    ' ',
  ),
);

/** Words before a verb that belong to the cue: auxiliaries and adverbs ("has also said"). */
export const CUE_PREFIX = new Set(
  (
    "has have had 's 've 'd is are was were be been being will would 'll could can may might should must do does did " +
    "'re 'm 'll also not n't never still already later once previously recently initially again " +
    'further even ever just first now since repeatedly often frequently long reportedly publicly ' +
    'privately openly apparently separately subsequently'
  ).split(/\s+/),
);

/** Verbs that take a preposition into the cue ("asked about", "called for", "referring to"). */
export const PARTICLE_VERBS =
  /^(?:ask|call|point|refer|complain|warn|talk|joke|boast|comment|agree|disagree|argue|testify|hint|respond|repl|object|worr|hope|fear|know|think|feel|care|focus|insist|rail|spok|speak|compar)/;
export const PARTICLES = /^(?:about|for|to|of|on|with|against|out)$/;

/** Russian cue verbs: past forms by gender/number and present forms. */
const RU_PAST =
  'сказал заявил отметил подчеркнул добавил пояснил сообщил указал признал напомнил уточнил рассказал ' +
  'ответил предупредил констатировал заверил считал написал выразил призвал объяснил допустил ' +
  'предположил убежден уверен';
const RU_PRESENT =
  'говорит говорят заявляет заявляют отмечает отмечают подчеркивает подчёркивает подчеркивают считает ' +
  'считают полагает полагают уверяет пишет пишут сообщает сообщают указывает признает признаёт напоминает ' +
  'убежден убеждена уверен уверена';
for (const w of RU_PAST.split(/\s+/))
  for (const e of ['', 'а', 'и', 'о']) CUE_WORDS.set(w + e, 'speech');
for (const w of RU_PRESENT.split(/\s+/)) CUE_WORDS.set(w, 'speech');

/**
 * A few verbs of saying in German, French, Spanish and Italian, so "„…“, sagte Solm" and
 * "« … », a déclaré le maire" are attributed; other languages get orphan direct quotes.
 */
const OTHER_SPEECH =
  'sagte sagten sagt erklärte erklärt betonte betont meinte sprach ' +
  'déclaré dit affirmé souligné ajouté expliqué estimé indiqué déclare affirme ' +
  'dijo afirmó señaló explicó añadió aseguró declaró ' +
  'detto dichiarato affermato spiegato aggiunto sottolineato';
export const OTHER_SPEECH_WORDS = new Set(OTHER_SPEECH.split(/\s+/));
for (const w of OTHER_SPEECH_WORDS) if (!CUE_WORDS.has(w)) CUE_WORDS.set(w, 'speech');
/** Their auxiliaries, part of the cue: "a déclaré", "ha detto", "hat gesagt". */
export const OTHER_CUE_PREFIX = new Set(
  'a ont avait avaient ha han hanno aveva hat haben hatte'.split(' '),
);

/** One-word "according to": selon X, según X, secondo X, laut X. */
export const ACCORDING_WORDS = new Set(['selon', 'según', 'secondo', 'laut']);

/** Russian "according to": по словам X, по его/её/их словам, по мнению X, по данным X. */
export const RU_ACCORDING_HEAD = new Set(['словам', 'мнению', 'данным', 'сообщению', 'оценке']);

/** The class of a lower-cased word as a cue, if it is one. */
export function cueClass(word: string): CueClass | undefined {
  return CUE_WORDS.get(word);
}

const LETTERS = /\p{L}+/uy;

/**
 * A quick test for text that cannot hold an attribution: no cue word, no colon, no
 * "according to" / "по словам" (nor a word of `extra`). Saves tokenising most sentences of a long article.
 */
export function mayHoldCue(text: string, extra?: ReadonlySet<string>): boolean {
  // A colon may open a quote or a transcript line; a dash may sign a quote ("“…” ― Ana Rell").
  if (/[:―—]/.test(text)) return true;
  const lower = text.toLowerCase();
  for (let at = nextMatch(lower, LETTERS, 0); at >= 0;) {
    const end = LETTERS.lastIndex;
    const w = lower.slice(at, end);
    at = nextMatch(lower, LETTERS, end);
    if (
      CUE_WORDS.has(w) ||
      w === 'according' ||
      w === 'poll' ||
      w === 'polls' ||
      w === 'survey' ||
      w === 'surveys' ||
      w === 'words' ||
      w === 'по' ||
      ACCORDING_WORDS.has(w)
    )
      return true;
    if (extra?.has(w)) return true;
  }
  return false;
}
