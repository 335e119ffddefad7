import type { Entity, EntityMention, Quote, Sentence, TimeExpression } from '../types.js';
import { extractTimes } from './time/extract-times.js';

export interface Annotations {
  entities: Entity[];
  mentions: EntityMention[];
  quotes: Quote[];
  times: TimeExpression[];
}

/**
 * The span-level passes over one article, in dependency order: entities first
 * (quotes resolve speakers through them), then quotes, then time expressions.
 */
export function annotate(
  text: string,
  sentences: Sentence[],
  language: string,
  published: string | null,
): Annotations {
  const times = extractTimes(text, sentences, { published, language });
  return { entities: [], mentions: [], quotes: [], times };
}
