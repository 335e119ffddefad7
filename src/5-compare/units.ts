import { tokenize } from '../3-analyse/tokens.js';
import type { StoredArticle } from '../types.js';
import { synonymKey } from './synonyms.js';

/** A statement candidate: a sentence, or one claim of a sentence that holds two. */
export interface Unit {
  /** Index in the story's unit list. */
  index: number;
  articleId: string;
  /** Position of the article in the comparison's article list. */
  article: number;
  start: number;
  end: number;
  /** Content keys (stemmed, synonym-folded), without duplicates. */
  keys: string[];
}

// A trailing attribution long enough to be a statement of its own:
// "..., Russian Foreign Minister Sergei Lavrov said in an interview with ...".
const ATTRIBUTION_TAIL =
  /,\s+((?:(?:[\p{L}.'’-]+\s+){1,8}?(?:said|says|noted|told|added|stated|explained|stressed|emphasi[sz]ed|announced|wrote)|according to)\b[^]*)$/u;

/** Splits every article of a story into units. */
export function storyUnits(articles: StoredArticle[]): Unit[] {
  const units: Unit[] = [];
  articles.forEach((a, article) => {
    for (const s of a.sentences) {
      if (isHeading(a.text, s.start, s.end)) continue;
      for (const part of splitClaims(a.text, s.start, s.end)) {
        const keys = [
          ...new Set(
            tokenize(a.text, part.start, part.end, a.language.code)
              .filter((t) => t.term)
              .map((t) => synonymKey(t.term)),
          ),
        ];
        if (keys.length === 0) continue;
        units.push({
          index: units.length,
          articleId: a.id,
          article,
          start: part.start,
          end: part.end,
          keys,
        });
      }
    }
  });
  return units;
}

/** A sentence that reports a claim and then a long attribution becomes two units. */
export function splitClaims(
  text: string,
  start: number,
  end: number,
): Array<{ start: number; end: number }> {
  const sentence = text.slice(start, end);
  const m = ATTRIBUTION_TAIL.exec(sentence);
  if (m) {
    const tailStart = start + m.index + m[0].length - m[1]!.length;
    const headWords = sentence.slice(0, m.index).split(/\s+/).length;
    const tailWords = m[1]!.split(/\s+/).length;
    if (headWords >= 6 && tailWords >= 8) {
      return [
        { start, end: start + m.index },
        { start: tailStart, end },
      ];
    }
  }
  return [{ start, end }];
}

/** A section heading ("On relations with Italy") is structure, not a statement. */
function isHeading(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl === -1 ? text.length : nl;
  const line = text.slice(lineStart, lineEnd).trim();
  return (
    line === text.slice(start, end) && !/[.!?:"”»]$/.test(line) && line.split(/\s+/).length <= 10
  );
}
