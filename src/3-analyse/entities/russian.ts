/**
 * A rule tagger for Russian names: persons from given names (all cases), patronymics,
 * initials, family-name morphology and titles ("министр", "президент"); places and
 * organisations from small lexicons and descriptor words. Token-level, no model.
 */
import type { DocToken, NameSpan } from './names.js';
import {
  RU_GIVEN_NAMES,
  RU_ORG_HEADS,
  RU_ORGS,
  RU_PLACE_HEADS,
  RU_PLACES,
  RU_TITLE_STEMS,
} from './russian-lexicon.js';

/** Case forms of a nominative noun (over-generating is harmless for lookup). */
export function russianForms(word: string): string[] {
  const w = word;
  if (/ия$/.test(w)) return ['ия', 'ии', 'ию', 'ией', 'иею'].map((e) => w.slice(0, -2) + e);
  if (/я$/.test(w)) return ['я', 'и', 'е', 'ю', 'ей', 'ею'].map((e) => w.slice(0, -1) + e);
  if (/а$/.test(w)) return ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою'].map((e) => w.slice(0, -1) + e);
  if (/ий$/.test(w)) return ['ий', 'ия', 'ию', 'ием', 'ии'].map((e) => w.slice(0, -2) + e);
  if (/[йь]$/.test(w))
    return ['й', 'ь', 'я', 'ю', 'ем', 'е', 'и', 'ём'].map((e) => w.slice(0, -1) + e);
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(w))
    return ['', 'а', 'у', 'ом', 'е', 'ым', 'ем'].map((e) => w + e);
  return [w];
}

const lexicon = (words: readonly string[]) => new Set(words.flatMap((w) => russianForms(w)));
let tables: {
  given: Set<string>;
  places: Set<string>;
  orgs: Set<string>;
  placeHeads: Set<string>;
  orgHeads: Set<string>;
} | null = null;
function lex() {
  tables ??= {
    given: lexicon(RU_GIVEN_NAMES),
    places: lexicon(RU_PLACES),
    orgs: new Set(RU_ORGS.flatMap((w) => (/^\p{Lu}+$/u.test(w) ? [w] : russianForms(w)))),
    placeHeads: new Set(RU_PLACE_HEADS),
    orgHeads: new Set(RU_ORG_HEADS),
  };
  return tables;
}

const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:ович|евич|ьич|овн|евн|ичн)(?:а|у|ем|ом|е|ы|ой|ою)?$/u;
const FAMILY =
  /^\p{Lu}\p{Ll}+(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ая|ых|их|енко|ук|юк|швили|дзе|ян|янц)(?:а|у|ым|ом|е|ой|ого|ому|ую|им|ы)?$/u;
const CAPITALISED = /^\p{Lu}[\p{Ll}\u0301]+(?:-\p{Lu}?\p{Ll}+)?$/u;
const PLACE_CUE =
  /^(?:штат|штата|штате|город|города|городе|городу|столица|столицы|столице|село|села|селе|деревня|деревни|деревне|поселок|посёлок|поселка|посёлка|поселке|провинции|провинция|region|острове|острова|остров)$/i;
/** Capitalised abbreviations that are common nouns (СМИ = the media). */
const NOT_NAMES = new Set(['СМИ', 'ЖЖ', 'ДТП', 'ВВП', 'НДС', 'ЧП', 'ПО', 'ИТ', 'ТВ']);
const ACRONYM = /^[А-ЯЁ]{2,6}$/;
/** Adjectival endings: "Русской", "Османской", "Южная" are not names of people. */
const ADJECTIVE =
  /(?:ская|ской|ского|скому|ским|ском|ную|ная|ной|ного|ному|ный|ные|ных|ая|яя|ое|ее|ые|ий|ый|ую)$/;

type Mark = 'given' | 'patronymic' | 'initial' | 'cap' | 'place' | 'org' | 'other';

/** Person, place and organisation spans in Russian text. */
export function russianNames(tokens: readonly DocToken[]): NameSpan[] {
  const { given, places, orgs, placeHeads, orgHeads } = lex();
  const initial = (i: number) =>
    tokens[i - 1] === undefined ||
    tokens[i - 1]!.sentence !== tokens[i]!.sentence ||
    /^[«"„“(—–-]$/.test(tokens[i - 1]!.text);
  const marks: Mark[] = tokens.map((t, i) => {
    const w = t.text;
    if (/^\p{Lu}$/u.test(w) && tokens[i + 1]?.text === '.') return 'initial';
    if (given.has(w)) return 'given';
    if (PATRONYMIC.test(w)) return 'patronymic';
    if (places.has(w)) return 'place';
    if (orgs.has(w)) return 'org';
    if (CAPITALISED.test(w)) return 'cap';
    return 'other';
  });
  const isTitle = (i: number) => {
    const w = tokens[i]?.text.toLowerCase() ?? '';
    // Singular titles only: "представителей Конгресса" names no person.
    return (
      !/(?:ей|ов|ам|ами|ях|ы)$/.test(w) &&
      RU_TITLE_STEMS.some((s) => w.startsWith(s) && w.length <= s.length + 3)
    );
  };
  const out: NameSpan[] = [];
  const taken = new Set<number>();
  const push = (first: number, last: number, type: NameSpan['type'], confidence: number) => {
    for (let k = first; k < last; k++) taken.add(k);
    out.push({ first, last, type, confidence });
  };
  // Persons: runs of name-like tokens (initials take their full stop along).
  const surnames = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!['given', 'patronymic', 'initial', 'cap'].includes(marks[i]!)) continue;
    // "Сегодня Реджеп Эрдоган": a capitalised sentence opener before a given name is not part of it.
    if (
      marks[i] === 'cap' &&
      initial(i) &&
      (marks[i + 1] === 'given' || marks[i + 1] === 'initial')
    )
      continue;
    // "Норвании Павел Дроздов": a genitive place name before a given name is not part of it.
    if (marks[i] === 'cap' && /(?:ии|ией)$/.test(tokens[i]!.text) && marks[i + 1] === 'given')
      continue;
    let j = i;
    let strong = 0;
    let caps = 0;
    while (j < tokens.length && tokens[j]!.sentence === tokens[i]!.sentence && j - i < 4) {
      const m = marks[j]!;
      if (m === 'initial') {
        strong++;
        j += 2;
      } else if (m === 'given' || m === 'patronymic') {
        strong++;
        j++;
      } else if (m === 'cap' && !(j > i && ADJECTIVE.test(tokens[j]!.text))) {
        caps++;
        j++;
      } else break;
    }
    const titled = isTitle(i - 1) && !ADJECTIVE.test(tokens[i]!.text);
    const single = j - i === 1 && marks[i] === 'cap';
    const familyLike = FAMILY.test(tokens[i]!.text) && !ADJECTIVE.test(tokens[i]!.text);
    // Two or three capitalised words mid-sentence, none adjectival: a foreign name ("Джаред Лофнер").
    const foreign =
      strong === 0 &&
      caps >= 2 &&
      caps <= 3 &&
      !initial(i) &&
      !ADJECTIVE.test(tokens[i]!.text) &&
      /^[\u0400-\u04ff]/.test(tokens[i]!.text) &&
      !PLACE_CUE.test(tokens[i - 1]?.text ?? '');
    const person =
      strong > 0
        ? strong + caps >= 2 || (marks[i] === 'given' && !initial(i))
        : titled || foreign || (single && familyLike && !initial(i));
    if (!person) {
      if (j > i) i = j - 1;
      continue;
    }
    push(i, j, 'person', strong > 0 ? 0.85 : 0.65);
    for (let k = i; k < j; k++) if (marks[k] === 'cap') surnames.add(stem(tokens[k]!.text));
    i = j - 1;
  }
  // A family name met in a full name is a person wherever it recurs.
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || marks[i] !== 'cap' || !surnames.has(stem(tokens[i]!.text))) continue;
    let j = i + 1;
    while (
      j < tokens.length &&
      !taken.has(j) &&
      marks[j] === 'cap' &&
      tokens[j]!.sentence === tokens[i]!.sentence &&
      surnames.has(stem(tokens[j]!.text))
    )
      j++;
    push(i, j, 'person', 0.7);
    i = j - 1;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const w = tokens[i]!.text;
    const next = tokens[i + 1];
    // "Тверской площади", "Московская область": a capitalised adjective and a place word.
    if (
      CAPITALISED.test(w) &&
      /(?:ая|ой|ий|ый|ую|ом|ое|ского|ской|ском)$/.test(w) &&
      next &&
      placeHeads.has(next.text)
    ) {
      push(i, i + 2, 'place', 0.7);
      i++;
      continue;
    }
    // "штата Аризона", "города Ньюпорт": a place word names the capitalised word after it, and is part of the name.
    const cue = i > 0 && !taken.has(i - 1) && PLACE_CUE.test(tokens[i - 1]!.text);
    if ((marks[i] === 'cap' || marks[i] === 'place') && cue && !ADJECTIVE.test(w)) {
      push(i - 1, i + 1, 'place', 0.7);
      continue;
    }
    if (marks[i] === 'place') {
      // "Южная Корея", "Северной Африке": a capitalised adjective before a known place.
      const adj =
        i > 0 &&
        !taken.has(i - 1) &&
        CAPITALISED.test(tokens[i - 1]!.text) &&
        ADJECTIVE.test(tokens[i - 1]!.text);
      push(adj ? i - 1 : i, i + 1, 'place', 0.8);
      continue;
    }
    // «...» after an organisation word: the quoted name is the organisation.
    if (orgHeads.has(w.toLowerCase()) && next && /^[«"„“]$/.test(next.text)) {
      let k = i + 2;
      while (k < tokens.length && k - i < 10 && !/^[»"“”]$/.test(tokens[k]!.text)) k++;
      if (k < tokens.length && k > i + 2 && /^[»"“”]$/.test(tokens[k]!.text)) {
        // The descriptor belongs to the name ("партии «Яблоко»"), as factRuEval marks it.
        push(i, k, 'org', 0.7);
        i = k;
        continue;
      }
    }
    if (marks[i] === 'org' || (ACRONYM.test(w) && !places.has(w) && !NOT_NAMES.has(w)))
      push(i, i + 1, 'org', 0.7);
  }
  return out.sort((a, b) => a.first - b.first);
}

function stem(w: string): string {
  return w.replace(/(?:ого|ому|ым|ом|ой|ая|ую|ы|а|у|е)$/, '');
}

/**
 * A Russian title before a name: "министр иностранных дел России Сергей Лавров" → the role
 * "министр иностранных дел России". The title word starts the role; up to four lower-case
 * or place words may follow it before the name.
 */
export function russianRolePrefix(
  text: string,
  tokens: readonly DocToken[],
  nameFirst: number,
): { first: number; last: number; role: string } | null {
  const { places } = lex();
  const sentence = tokens[nameFirst]!.sentence;
  for (let k = nameFirst - 1; k >= 0 && k >= nameFirst - 5; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) return null;
    const w = t.text.toLowerCase();
    if (
      /^[\p{Ll}-]+$/u.test(t.text) &&
      RU_TITLE_STEMS.some((s) => w.startsWith(s) && w.length <= s.length + 4)
    ) {
      // The mention covers the lower-case title words only, so a place inside it keeps its own mention.
      let last = k + 1;
      while (last < nameFirst && /^[\p{Ll}-]+$/u.test(tokens[last]!.text)) last++;
      return { first: k, last, role: text.slice(t.start, tokens[nameFirst - 1]!.end) };
    }
    if (!/^[\p{L}-]+$/u.test(t.text) && !places.has(t.text)) return null;
  }
  return null;
}
