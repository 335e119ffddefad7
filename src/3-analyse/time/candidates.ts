/** Runs the grammar for a language and keeps the longest non-overlapping matches. */
import { chronoCandidates } from './chrono-fallback.js';
import { anchoredCandidates, namedEvents, type NamedEvent } from './events.js';
import type { Candidate } from './meaning.js';
import type { Rule } from './rule.js';
import { RULES_EN } from './rules-en.js';
import { RULES_RU } from './rules-ru.js';
import { DIGIT, LOOK_AHEAD, LOOK_BEHIND, TRIGGERS } from './triggers.js';

const NUMERIC = RULES_EN.filter((r) => r.id.startsWith('num/'));
const ENGLISH = RULES_EN;
const RUSSIAN = [...RULES_RU, ...NUMERIC];

function rulesFor(lang: string): Rule[] {
  if (lang === 'ru') return RUSSIAN;
  if (lang === 'en' || lang === 'und' || lang === '') return ENGLISH;
  return NUMERIC;
}

interface TriggerIndex {
  byWord: Map<string, number[]>;
  digit: number[];
  /** Every trigger word, and digit runs, in one alternation. */
  re: RegExp;
}

const triggerIndexes = new WeakMap<Rule[], TriggerIndex>();

function triggerIndex(rules: Rule[]): TriggerIndex {
  const cached = triggerIndexes.get(rules);
  if (cached) return cached;
  const byWord = new Map<string, number[]>();
  const digit: number[] = [];
  rules.forEach((rule, i) => {
    for (const word of TRIGGERS[rule.id] ?? []) {
      if (word === DIGIT) digit.push(i);
      else byWord.set(word, [...(byWord.get(word) ?? []), i]);
    }
  });
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  // No trigger words (the numeric rules alone): digits only. An empty alternation would match everywhere.
  const re = words.length ? new RegExp(`\\b(?:${words.join('|')})\\b|\\d+`, 'gi') : /\d+/g;
  const idx = { byWord, digit, re };
  triggerIndexes.set(rules, idx);
  return idx;
}

/** For each rule with triggers, the merged text windows around them; null for rules without triggers. */
function windows(text: string, rules: Rule[]): Array<Array<[number, number]> | null> {
  const idx = triggerIndex(rules);
  const out: Array<Array<[number, number]> | null> = rules.map((r) => (TRIGGERS[r.id] ? [] : null));
  const add = (i: number, at: number, end: number): void => {
    const list = out[i]!;
    const from = Math.max(0, at - LOOK_BEHIND);
    const to = Math.min(text.length, end + LOOK_AHEAD);
    const last = list[list.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else list.push([from, to]);
  };
  const re = idx.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    const hits = w.charCodeAt(0) <= 57 ? idx.digit : idx.byWord.get(w.toLowerCase());
    if (hits) for (const i of hits) add(i, m.index, m.index + w.length);
  }
  return out;
}

/** Widens a window to whitespace so that no word is cut (a cut word could look like a match). */
function widen(text: string, [from, to]: [number, number]): [number, number] {
  while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
  while (to < text.length && !/\s/.test(text[to]!)) to++;
  return [from, to];
}

export function runRules(text: string, rules: Rule[]): Candidate[] {
  const out: Candidate[] = [];
  const ranges = windows(text, rules);
  rules.forEach((rule, i) => {
    const spans = ranges[i];
    if (!spans) {
      if (rule.gate && !rule.gate.test(text)) return;
      collect(text, 0, text, rule, out);
      return;
    }
    for (const span of spans) {
      const [from, to] = widen(text, span);
      collect(
        from === 0 && to === text.length ? text : text.slice(from, to),
        from,
        text,
        rule,
        out,
      );
    }
  });
  return out;
}

/** Runs one rule over `part` (which starts at `offset` of `text`). */
function collect(part: string, offset: number, text: string, rule: Rule, out: Candidate[]): void {
  rule.re.lastIndex = 0;
  for (let m = rule.re.exec(part); m; m = rule.re.exec(part)) {
    if (m[0].length === 0) {
      rule.re.lastIndex++;
      continue;
    }
    const r = rule.build(m);
    if (!r) continue;
    let start = offset + m.index + (r.start ?? 0);
    let end = offset + m.index + (r.end ?? m[0].length);
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
    while (start < end && /\s/.test(text[start]!)) start++;
    if (end > start) out.push({ start, end, type: r.type, meaning: r.meaning, rule: rule.id });
  }
}

/** Longest match wins; among equals, the earlier rule (rules are listed most specific first). */
export function selectNonOverlapping(candidates: Candidate[]): Candidate[] {
  const order = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const chosen: Candidate[] = [];
  for (const { c } of order) {
    if (chosen.some((k) => c.start < k.end && k.start < c.end)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function findCandidates(text: string, lang: string, events?: NamedEvent[]): Candidate[] {
  const found = runRules(text, rulesFor(lang));
  if (lang === 'en' || lang === 'und' || lang === '')
    found.push(...anchoredCandidates(text, events ?? namedEvents(text)));
  else if (lang !== 'ru') found.push(...chronoCandidates(text, lang));
  return selectNonOverlapping(found);
}
