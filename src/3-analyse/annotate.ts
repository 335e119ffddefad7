import type { Entity, EntityMention, Quote, Sentence, TimeExpression } from '../types.js';
import { extractEntities } from './entities/extract-entities.js';
import { extractQuotes } from './quotes/extract-quotes.js';
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
  const { entities, mentions } = extractEntities(text, sentences, { language });
  const quotes = extractQuotes(text, sentences, { language, mentions, entities });
  const times = extractTimes(text, sentences, { published, language });
  return { entities, mentions, quotes, times };
}
