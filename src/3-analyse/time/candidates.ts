/** Runs the grammar for a language and keeps the longest non-overlapping matches. */
import { chronoCandidates } from './chrono-fallback.js';
import { EVENT_ANCHOR_RULE } from './events.js';
import type { Candidate } from './meaning.js';
import type { Rule } from './rule.js';
import { RULES_EN } from './rules-en.js';
import { RULES_RU } from './rules-ru.js';

const NUMERIC = RULES_EN.filter((r) => r.id.startsWith('num/'));
const ENGLISH = [EVENT_ANCHOR_RULE, ...RULES_EN];
const RUSSIAN = [...RULES_RU, ...NUMERIC];

function rulesFor(lang: string): Rule[] {
  if (lang === 'ru') return RUSSIAN;
  if (lang === 'en' || lang === 'und' || lang === '') return ENGLISH;
  return NUMERIC;
}

export function runRules(text: string, rules: Rule[]): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) {
    if (rule.gate && !rule.gate.test(text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const r = rule.build(m);
      if (!r) continue;
      let start = m.index + (r.start ?? 0);
      let end = m.index + (r.end ?? m[0].length);
      while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
      while (start < end && /\s/.test(text[start]!)) start++;
      if (end > start) out.push({ start, end, type: r.type, meaning: r.meaning, rule: rule.id });
    }
  }
  return out;
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

export function findCandidates(text: string, lang: string): Candidate[] {
  const found = runRules(text, rulesFor(lang));
  if (!['en', 'und', '', 'ru'].includes(lang)) found.push(...chronoCandidates(text, lang));
  return selectNonOverlapping(found);
}
