/**
 * Titles and roles: the words that make "Russian Foreign Minister", "US Secretary of
 * State", "the Russian top diplomat", "the American leader" — and which role words can
 * refer to the same person (a "top diplomat" is a foreign minister or secretary of state).
 */

/** Role head words (lower case) and the class(es) they can stand for. */
const HEADS: Record<string, string[]> = {
  president: ['head'],
  leader: ['head', 'leader'],
  premier: ['head', 'government'],
  chancellor: ['head', 'government'],
  king: ['head'],
  queen: ['head'],
  emperor: ['head'],
  emir: ['head'],
  sultan: ['head'],
  monarch: ['head'],
  minister: ['minister'],
  secretary: ['secretary'],
  diplomat: ['foreign'],
  envoy: ['envoy'],
  ambassador: ['envoy'],
  representative: ['envoy'],
  negotiator: ['envoy'],
  spokesman: ['spokes'],
  spokeswoman: ['spokes'],
  spokesperson: ['spokes'],
  senator: ['legislator'],
  congressman: ['legislator'],
  congresswoman: ['legislator'],
  lawmaker: ['legislator'],
  deputy: ['legislator'],
  mp: ['legislator'],
  governor: ['governor'],
  mayor: ['mayor'],
  general: ['military'],
  commander: ['military'],
  admiral: ['military'],
  colonel: ['military'],
  chairman: ['chair'],
  chairwoman: ['chair'],
  chair: ['chair'],
  ceo: ['executive'],
  executive: ['executive'],
  director: ['director'],
  head: ['director'],
  chief: ['director'],
  judge: ['judge'],
  prosecutor: ['judge'],
  pope: ['head'],
  patriarch: ['head'],
  adviser: ['adviser'],
  advisor: ['adviser'],
  aide: ['adviser'],
  counterpart: ['counterpart'],
  candidate: ['candidate'],
  nominee: ['candidate'],
  coach: ['coach'],
  teacher: ['teacher'],
  headteacher: ['teacher'],
  headmaster: ['teacher'],
  headmistress: ['teacher'],
  official: ['official'],
};

/** Multi-word roles whose meaning differs from their last word. */
const PHRASES: Record<string, string[]> = {
  'foreign minister': ['foreign', 'minister'],
  'foreign secretary': ['foreign', 'secretary'],
  'secretary of state': ['foreign', 'secretary'],
  'top diplomat': ['foreign'],
  'prime minister': ['head', 'government', 'minister'],
  'head of state': ['head'],
  'attorney general': ['judge'],
  'secretary general': ['director'],
  'secretary-general': ['director'],
  'special envoy': ['envoy'],
};

/** Words that may qualify a role head ("deputy", "foreign", "former"). */
const MODIFIERS = new Set(
  (
    'foreign defense defence interior finance economy economic trade energy health justice education ' +
    'agriculture transport culture labour labor environment emergency deputy vice special former ex acting ' +
    'top chief senior first prime then state national security presidential press general supreme new ' +
    'outgoing incoming current long-time longtime veteran permanent executive federal regional district ' +
    'assistant associate principal head lead'
  ).split(' '),
);

/** Words joining parts of a role ("Secretary of State", "Minister for Europe"). */
const JOINERS = new Set(['of', 'for', '-', '&', 'and']);

/** HEADS' keys as a set: a property lookup with a fresh string first interns it, a set does not. */
const HEAD_WORDS = new Set(Object.keys(HEADS));

export function isRoleHead(word: string): boolean {
  return HEAD_WORDS.has(word.toLowerCase());
}

export function isRoleWord(word: string): boolean {
  const w = word.toLowerCase();
  return isRoleHead(w) || MODIFIERS.has(w);
}

export function isJoiner(word: string): boolean {
  return JOINERS.has(word.toLowerCase());
}

/** The classes a role phrase can refer to ("Russian Foreign Minister" → foreign, minister). */
const classCache = new Map<string, Set<string>>();
const nationCache = new Map<string, string | null>();

export function roleClasses(role: string): Set<string> {
  let hit = classCache.get(role);
  if (!hit) {
    if (classCache.size > 10_000) classCache.clear();
    classCache.set(role, (hit = computeRoleClasses(role)));
  }
  return hit;
}

function computeRoleClasses(role: string): Set<string> {
  const words = role
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[\s]+/)
    .filter(Boolean);
  const out = new Set<string>();
  const joined = words.join(' ');
  for (const [phrase, classes] of Object.entries(PHRASES)) {
    if (joined.includes(phrase)) for (const c of classes) out.add(c);
  }
  // The head is the last role head word ("deputy foreign minister" → minister).
  for (let i = words.length - 1; i >= 0; i--) {
    const h = HEADS[words[i]!];
    if (h && !(words[i] === 'head' && words[i + 1] === 'of')) {
      for (const c of h) out.add(c);
      break;
    }
  }
  return out;
}

const NATIONS: Record<string, string> = {
  us: 'us',
  'u.s.': 'us',
  usa: 'us',
  american: 'us',
  america: 'us',
  'united states': 'us',
  russian: 'ru',
  russia: 'ru',
  kremlin: 'ru',
  ukrainian: 'ua',
  ukraine: 'ua',
  ukrainians: 'ua',
  british: 'gb',
  uk: 'gb',
  'u.k.': 'gb',
  britain: 'gb',
  chinese: 'cn',
  china: 'cn',
  french: 'fr',
  france: 'fr',
  german: 'de',
  germany: 'de',
  italian: 'it',
  italy: 'it',
  hungarian: 'hu',
  hungary: 'hu',
  turkish: 'tr',
  turkey: 'tr',
  indian: 'in',
  india: 'in',
  japanese: 'jp',
  japan: 'jp',
  israeli: 'il',
  israel: 'il',
  iranian: 'ir',
  iran: 'ir',
  polish: 'pl',
  poland: 'pl',
  european: 'eu',
  eu: 'eu',
  spanish: 'es',
  spain: 'es',
  canadian: 'ca',
  canada: 'ca',
  belarusian: 'by',
  belarus: 'by',
};

/** The nation a role names ("Russian Foreign Minister" → "ru"), or null. */
export function roleNation(role: string): string | null {
  let hit = nationCache.get(role);
  if (hit === undefined) {
    if (nationCache.size > 10_000) nationCache.clear();
    nationCache.set(role, (hit = computeRoleNation(role)));
  }
  return hit;
}

function computeRoleNation(role: string): string | null {
  const lower = role.toLowerCase().replace(/['’]s\b/g, '');
  if (/\bunited states\b/.test(lower)) return 'us';
  for (const w of lower.split(/\s+/)) {
    const n = NATIONS[w];
    if (n) return n;
  }
  // A demonym we do not list ("Norvanian"): the word itself, without its suffix.
  const demonym = /(?:^|\s)(\p{L}{3,}?)(?:ian|ean|an|ese|ish|i)(?:\s|$)/u.exec(role);
  if (demonym && /^\p{Lu}/u.test(demonym[1]!)) return demonym[1]!.toLowerCase();
  return null;
}

/** Whether a role mention ("the Russian top diplomat") fits a person's known roles. */
export function roleFits(mention: string, roles: readonly string[]): boolean {
  const want = roleClasses(mention);
  if (want.size === 0) return false;
  const nation = roleNation(mention);
  return roles.some((r) => {
    const have = roleClasses(r);
    const shared = [...want].some((c) => have.has(c));
    const rn = roleNation(r);
    return shared && (!nation || !rn || nation === rn);
  });
}
