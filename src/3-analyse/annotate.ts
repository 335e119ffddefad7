import type { Entity, EntityMention, Quote, Sentence, TimeExpression } from '../types.js';

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
  _text: string,
  _sentences: Sentence[],
  _language: string,
  _published: string | null,
): Annotations {
  return { entities: [], mentions: [], quotes: [], times: [] };
}
