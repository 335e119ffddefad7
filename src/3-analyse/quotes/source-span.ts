import type { ClauseToken } from './clause-tokens.js';
import { cueClass } from './cue-lexicon.js';

/**
 * Finding the Source (speaker) span around a cue, on tokens alone: the subject is what lies
 * between the cue and the nearest clause boundary to its left ("Spokeswoman Haley Morris
 * says"), with one appositive or relative clause allowed ("Sen. Vale of Orrin, the party's
 * leader, said"); inverted forms take the noun phrase after the cue ("said the minister").
 */

/** Words that start a new clause: the subject of a cue never reaches back past them. */
const BOUNDARY_WORDS = new Set(
  (
    'that because but while when whenever as after before although though since if so where ' +
    'which who whom whose or than until unless whether why how what once yet nor then also ' +
    'что чтобы как но а и если когда где который которая которые которое'
  ).split(' '),
);
/** Relative pronouns annotated as the Source themselves ("…, who said …"). */
export const RELATIVE_SOURCES = new Set(['who', 'which', 'который', 'которая', 'которые']);

const BOUNDARY_PUNCT = /^[,;:—–―!?.()[\]"“”„«»‹›]$|^-$|^''$/;
const DETERMINER = /^(?:the|a|an|this|that|his|her|its|their|our|my|so-called|most|more|less)$/;

/** Subject pronouns (English and Russian). */
export const PRONOUNS = new Set('he she they i we it you он она они я мы оно'.split(' '));

/** Words that can open a clause-initial adjunct, not a subject ("On Tuesday, …"). */
const ADJUNCT_OPENERS = new Set(
  (
    'on in at during after before earlier later meanwhile however still but and yet so also then now ' +
    'last this yesterday today tonight separately instead indeed moreover besides'
  ).split(' '),
);

/** Index of the nearest clause boundary left of token `from` (exclusive), or -1 for the sentence start. */
export function leftBoundary(tokens: ClauseToken[], from: number): number {
  // A comma right before the cue closes an appositive or relative clause: pass two commas.
  let commas = tokens[from - 1]?.raw === ',' ? 2 : 0;
  // "Kall -- co-editor of …, a book … -- said": a dashed appositive is passed like commas.
  let dashes = isDash(tokens[from - 1]) ? 2 : 0;
  let parens = 0;
  for (let j = from - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.quoted) return j;
    if (dashes > 0 && isDash(t)) {
      while (j > 0 && isDash(tokens[j - 1])) j--;
      dashes--;
      continue;
    }
    // Inside the dashes everything belongs to the appositive.
    if (dashes === 1) {
      if (from - j > 40) return j;
      continue;
    }
    if (t.raw === ')') {
      parens++;
      continue;
    }
    if (t.raw === '(' && parens > 0) {
      parens--;
      continue;
    }
    if (parens > 0) continue;
    if (t.raw === ',' && commas > 0) {
      commas--;
      continue;
    }
    if (!t.isWord && BOUNDARY_PUNCT.test(t.raw)) return j;
    // A verb ends the subject: another cue ("Weaver says he …") or a past form ("put", "released").
    if (
      t.isWord &&
      !t.capital &&
      j < from - 1 &&
      commas !== 1 && // not between the commas of "X, in a statement released Thursday, said"
      isVerbLike(t.lower) &&
      !DETERMINER.test(tokens[j - 1]?.lower ?? '') &&
      !reducedRelative(tokens, j)
    )
      return j;
    if (t.isWord && BOUNDARY_WORDS.has(t.lower)) {
      // "Toomey and Sen. Ayotte said": "and" joins two names unless a comma or a lower-case word precedes it.
      if (t.lower === 'and' || t.lower === 'or') {
        const p = tokens[j - 1];
        if (p && p.isWord && p.capital) continue;
      }
      // "who" inside an appositive being passed ("X, who is Y, said") is part of the subject.
      if (RELATIVE_SOURCES.has(t.lower) && commas < 2 && tokens[from - 1]?.raw === ',') continue;
      // "Trump, appearing after Clinton at the forum, cited …": a participial appositive.
      if (commas === 1 && participialAppositive(tokens, j)) continue;
      return j;
    }
    if (from - j > 24) return j;
  }
  return -1;
}

/** Token j lies in ", <participle> …," opened by a comma within 12 tokens before it. */
function participialAppositive(tokens: ClauseToken[], j: number): boolean {
  for (let k = j - 1; k >= 0 && j - k <= 12; k--) {
    const t = tokens[k]!;
    if (t.quoted) return false;
    if (t.raw === ',') {
      const n = tokens[k + 1];
      return (
        !!n &&
        n.isWord &&
        !n.capital &&
        /[a-z]{3}ing$/.test(n.lower) &&
        k > 0 &&
        tokens[k - 1]!.isWord
      );
    }
  }
  return false;
}

/** A dash, or one half of "--". */
function isDash(t: ClauseToken | undefined): boolean {
  return !!t && !t.quoted && /^[—–-]$/.test(t.raw);
}

/** "a poll released in August found", "people involved in the talks said": a participle after a noun. */
function reducedRelative(tokens: ClauseToken[], j: number): boolean {
  const p = tokens[j - 1];
  const n = tokens[j + 1];
  // "an analysis of newly filed reports": an adverb and a participle before a noun.
  if (
    p &&
    /^[a-z]{3,}ly$/.test(p.lower) &&
    /^(?:of|in|for|by|from|with|the|a|an|its|their|his|her)$/.test(tokens[j - 2]?.lower ?? '')
  )
    return true;
  return (
    /[a-z]{3}ed$/.test(tokens[j]!.lower) &&
    !!p &&
    p.isWord &&
    !p.capital &&
    !PRONOUNS.has(p.lower) &&
    /^(?:poll|survey|study|report|analysis|statement|letter|document|data|people|officials|experts|members|voters|lawyers|residents|workers|groups?)$/.test(
      p.lower,
    ) &&
    !!n &&
    /^(?:in|by|last|on|at|during|this|earlier|from|with|for|to|over)$/.test(n.lower)
  );
}

/** Words in -ed that are adjectives or nouns before a noun ("registered voters", "a hundred"). */
const ADJECTIVE_ED =
  /^(?:red|bed|need|seed|feed|speed|creed|greed|breed|hundred|united|based|armed|related|elected|retired|embattled|beleaguered|so-called|unnamed|alleged|registered|unidentified|detailed|learned|renowned|noted|likely|married|unmarried|educated|experienced|respected|divided|undecided|committed|concerned|interested|unaffiliated)$/;

export function isVerbLike(w: string): boolean {
  if (cueClass(w)) return true;
  return (
    /^(?:is|are|was|were|has|have|had|will|would|can|could|put|began|shook|did|does|do|got|gets|made|makes|took|takes|gave|gives|went|goes|came|comes|held|holds|led|leads|met|meets|sent|sends|spent|left|won|lost|ran|runs)$/.test(
      w,
    ) ||
    (/[a-z]{3}ed$/.test(w) && !ADJECTIVE_ED.test(w) && !w.includes('-'))
  );
}

/** Lower-case words that cannot open a subject. */
const NOT_A_SUBJECT =
  /^(?:itself|himself|herself|themselves|myself|ourselves|to|of|in|on|at|by|for|with|from|into|over|under|after|before|during|not|never|also|then|just|only|even|still|again|and|but|or|so|as|than|if|because|while|when|where|is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|should|may|might|must|said|says|told|say|there|here|however|yet|very|too|more|less|much)$/;

/** Trailing words of a subject that are not part of it ("He memorably", "The White House on Monday"). */
const TRAILING_ADJUNCT =
  /^(?:both|all|each|only|also|just|then|now|too|however|instead|meanwhile|finally|later|earlier|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|month|year)$/;

/**
 * The subject tokens [from, to) trimmed of leading adjuncts; null when they do not look like
 * a noun phrase (too long, or a name directly followed by a past-tense verb).
 */
export function subjectSpan(
  tokens: ClauseToken[],
  from: number,
  to: number,
): { start: number; end: number } | null {
  let s = from;
  let e = to;
  while (s < e && !tokens[s]!.isWord) s++;
  // Trailing adjuncts: "The White House on Monday", "he both", "Ted Cruz, by contrast,".
  for (let changed = true; changed && e > s;) {
    changed = false;
    const last = tokens[e - 1]!;
    if (isDash(last) || (last.raw === ',' && !tokens.slice(s, e - 1).some((t) => t.raw === ','))) {
      e--;
      changed = true;
    } else if (last.isWord && TRAILING_ADJUNCT.test(last.lower) && e - s > 1) {
      e--;
      changed = true;
      const p = tokens[e - 1];
      if (p && /^(?:on|last|this|next|early|late|in)$/.test(p.lower) && e - s > 1) e--;
    }
  }
  // "X, by contrast," / "X, for his part,": an appositive that is a prepositional phrase.
  const inner = tokens.slice(s, e).findIndex((t) => t.raw === ',');
  if (
    inner > 0 &&
    /^(?:by|for|in|on|at|meanwhile|however|though|too)$/.test(tokens[s + inner + 1]?.lower ?? '')
  ) {
    e = s + inner;
  }
  if (s >= e) return null;
  if (ADJUNCT_OPENERS.has(tokens[s]!.lower) && e - s > 1) {
    const comma = tokens.slice(s, e).findIndex((t) => t.raw === ',');
    if (comma > 0 && comma < 6) s += comma + 1;
    else if (tokens[s]!.lower === 'and' || tokens[s]!.lower === 'but' || tokens[s]!.lower === 'so')
      s++;
  }
  if (s >= e) return null;
  const words = tokens.slice(s, e).filter((t) => t.isWord);
  if (words.length === 0 || words.length > 22) return null;
  for (let k = s; k < e - 1; k++) {
    const a = tokens[k]!;
    const b = tokens[k + 1]!;
    if (RELATIVE_SOURCES.has(a.lower)) break; // X, who has long argued ..., said
    // "Trump received …": a name then a lower-case past form is a clause, not a subject.
    if (
      a.capital &&
      // "A new poll shows": an article is no name.
      !/^(?:a|an|the|this|that|these|those|his|her|its|their|our|my|your)$/.test(a.lower) &&
      b.isWord &&
      !b.capital &&
      PAST_FORM.test(b.lower) &&
      !ADJECTIVE_ED.test(b.lower) &&
      !b.lower.includes('-')
    )
      return null;
    if (b.isWord && /^(?:is|are|was|were|has|have|had|will|would|can|could)$/.test(b.lower))
      return null;
  }
  // "a process the engineers expect", "the plan the mayor backs": a relative clause without
  // "that" — the subject is the noun phrase its determiner opens, not the noun before it.
  const d = s + 2 < e && /^(?:a|an|the)$/.test(tokens[s]!.lower) ? s + 2 : -1;
  if (
    d > 0 &&
    e - d >= 2 &&
    e - d <= 4 &&
    /^(?:the|this|these|those|its|their|his|her)$/.test(tokens[d]!.raw) &&
    tokens[d - 1]!.isWord &&
    !tokens[d - 1]!.capital &&
    !NOT_A_SUBJECT.test(tokens[d - 1]!.lower) &&
    tokens.slice(d + 1, e).every((t) => t.isWord && !isVerbLike(t.lower))
  ) {
    s = d;
  }
  const first = tokens[s]!;
  // A subject starts with a capital, a determiner, a pronoun, a number or a possessive.
  if (
    !first.capital &&
    !/^\d/.test(first.raw) &&
    !/^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|some|many|most|several|both|all|each|no|one|two|three|few|more|other|another|about|nearly|almost|roughly|half|[а-яё]+)$/.test(
      first.lower,
    ) &&
    !PRONOUNS.has(first.lower) &&
    !RELATIVE_SOURCES.has(first.lower) &&
    // A bare noun phrase ("voters say", "candidate Hillary Clinton said", "retired Air Force
    // general Lloyd Newton said"), not a function word.
    ((words.length > 5 && !namedTitle(words)) ||
      NOT_A_SUBJECT.test(first.lower) ||
      /ly$/.test(first.lower))
  ) {
    return null;
  }
  // A noun phrase does not end with a preposition or a determiner ("steering clear of", "its"),
  // and a lone lower-case word is a plural or a collective ("voters", "police"), not "little".
  const last = words[words.length - 1]!;
  // A lone possessive is the source of a noun cue ("her criticism of").
  const possessive = words.length === 1 && /^(?:its|his|her|their|our|my|your)$/.test(last.lower);
  if (
    (!last.capital || /^(?:A|An|The)$/.test(last.raw)) &&
    DANGLING_END.test(last.lower) &&
    !possessive
  )
    return null;
  if (
    words.length === 1 &&
    !first.capital &&
    !PRONOUNS.has(first.lower) &&
    !RELATIVE_SOURCES.has(first.lower) &&
    !possessive &&
    !/[a-z]s$|^\d|^(?:police|people|staff|everyone|everybody|nobody|someone|somebody|anyone|one|half|most|many|some|all|both|few|another|several|neither|each|none|[а-яё]+)$/.test(
      first.lower,
    )
  )
    return null;
  if (!first.capital && /[a-z]ing$/.test(first.lower) && !/[a-z]s$/.test(last.lower)) return null;
  // "… whose also featured in the film, told": a verb opens no subject.
  if (!first.capital && isVerbLike(first.lower)) return null;
  return { start: s, end: e };
}

/** A title before a name: it ends with a capitalised word and has no verb-like word. */
function namedTitle(words: ClauseToken[]): boolean {
  return (
    words.length <= 9 &&
    words[words.length - 1]!.capital &&
    words.every((w) => w.capital || (!isVerbLike(w.lower) && !NOT_A_SUBJECT.test(w.lower)))
  );
}

/** Past forms after a name ("Trump received", "Vell went"); not nouns in -ent ("president"). */
const PAST_FORM = /(?:ed|ew|ought)$|^(?:went|sent|spent|meant|lent|bent)$/;

const DANGLING_END =
  /^(?:of|by|to|for|from|with|despite|about|on|in|at|into|than|its|his|her|their|our|my|your|the|a|an|this|that)$/;

/** Where a noun phrase after an inverted cue ends ("said Sen. Mara Vale of Orrin, a Democrat."). */
export function subjectAfter(
  tokens: ClauseToken[],
  from: number,
): { start: number; end: number } | null {
  let e = from;
  // "said he had doubts" is no inversion: a pronoun after the cue is the next clause's subject.
  const f0 = tokens[from];
  if (f0 && PRONOUNS.has(f0.lower) && tokens[from + 1]?.isWord) return null;
  // Past a relative pronoun ("said Ana Rell, a lawyer who runs …") the clause runs to its end.
  let relative = false;
  let appositive = false;
  while (e < tokens.length) {
    const t = tokens[e]!;
    // A quoted title inside an appositive or relative clause ("said Steven Brill, author of
    // “America’s Bitter Pill,” a history …") belongs to it.
    if ((relative || appositive) && (t.quoted || isMark(t))) {
      e++;
      continue;
    }
    if (t.quoted || /^[.;:!?"“”«»]$/.test(t.raw)) break;
    if (relative) {
      e++;
      continue;
    }
    // Inside an appositive ("said Ana Rell, the director of the Institute for Harbour Studies
    // in Orrin") prepositions and "and" belong to the noun phrase.
    if (
      appositive &&
      t.isWord &&
      !/^(?:adding|noting|saying|according|but|because|while|when|as)$/.test(t.lower)
    ) {
      e++;
      continue;
    }
    if (e > from && /^(?:who|whose|which)$/.test(t.lower)) {
      relative = true;
      e++;
      continue;
    }
    if (t.raw === ',' && e > from) {
      // An appositive after a name is part of the Source ("said Ana Rell, a spokeswoman"),
      // a participle or a second attribution is not ("said Vale, adding …").
      const n = tokens[e + 1];
      if (!n || /ing$/.test(n.lower) || n.lower === 'according' || n.quoted || isMark(n)) break;
      if (tokens[e - 1]!.capital || tokens[e - 1]!.raw === ')') appositive = true;
      e++;
      continue;
    }
    if (
      e > from &&
      t.isWord &&
      !t.capital &&
      /^(?:in|on|at|during|after|before|to|from|for|about|with|when|while|as|because|adding|noting|saying|and|but|that|who|told|last|this|earlier|later|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(
        t.lower,
      ) &&
      !(t.lower === 'who' && tokens[e - 1]?.raw === ',')
    ) {
      break;
    }
    e++;
  }
  while (e > from && !tokens[e - 1]!.isWord && tokens[e - 1]!.raw !== ')') e--;
  if (e <= from) return null;
  const first = tokens[from]!;
  if (
    !first.isWord ||
    (!first.capital &&
      !titleBeforeName(tokens, from) &&
      !/^\d/.test(first.raw) &&
      !/^(?:the|a|an|his|her|their|its|one|two|three|some|many|most|several|all|both|le|la|les|el|los|las|il|lo|gli|der|die|das|den|un|une|uno|una|ein|eine|[а-яё]+)$/.test(
        first.lower,
      ) &&
      !PRONOUNS.has(first.lower))
  )
    return null;
  if (e - from > (relative || appositive ? 40 : 20)) {
    // A long appositive: keep the name before it ("said Ramos, whose new book …").
    const comma = tokens.slice(from, e).findIndex((t) => t.raw === ',');
    if (comma <= 0) return null;
    e = from + comma;
  }
  return { start: from, end: e };
}

/** A quote mark token. */
function isMark(t: ClauseToken): boolean {
  return /^["“”«»]$|^''$/.test(t.raw);
}

/** "said 9/11 widow Terry Strada", "said retired general Ana Rell": modifiers before a name. */
function titleBeforeName(tokens: ClauseToken[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 4; k++) {
    const t = tokens[k]!;
    if (!t.isWord || t.quoted || NOT_A_SUBJECT.test(t.lower) || isVerbLike(t.lower)) return false;
    if (t.capital) return k > from;
  }
  return false;
}
