/**
 * Languages without our own grammar: chrono-node's locale parsers, when it has
 * one, give calendar dates. Only what chrono marks certain is kept.
 */
import * as chrono from 'chrono-node';
import type { Candidate } from './meaning.js';

type Parser = { parse(text: string, ref?: Date): chrono.ParsedResult[] };

const LOCALES: Record<string, Parser> = {
  de: chrono.de,
  es: chrono.es,
  fr: chrono.fr,
  it: chrono.it,
  ja: chrono.ja,
  nl: chrono.nl,
  pt: chrono.pt,
  sv: chrono.sv,
  uk: chrono.uk,
  zh: chrono.zh,
  fi: chrono.fi,
};

/** A cheap gate: chrono is slow, and a text without a digit or a capitalised word has no date it can read. */
const WORTH_PARSING = /\d|\p{Lu}/u;

export function chronoCandidates(text: string, lang: string): Candidate[] {
  const parser = LOCALES[lang];
  if (!parser || !WORTH_PARSING.test(text)) return [];
  let results: chrono.ParsedResult[];
  try {
    results = parser.parse(text);
  } catch {
    return [];
  }
  const out: Candidate[] = [];
  for (const r of results) {
    const c = r.start;
    const year = c.isCertain('year') ? (c.get('year') ?? undefined) : undefined;
    const month = c.isCertain('month') ? (c.get('month') ?? undefined) : undefined;
    const day = c.isCertain('day') && month ? (c.get('day') ?? undefined) : undefined;
    if (year === undefined && month === undefined) continue;
    out.push({
      start: r.index,
      end: r.index + r.text.length,
      type: 'DATE',
      meaning: { kind: 'calendar', year, month, day },
      rule: `chrono/${lang}`,
    });
  }
  return out;
}
