import { splitSentences } from '../../src/3-analyse/sentences.js';
import { extractEntities } from '../../src/3-analyse/entities/extract-entities.js';
import type { Entity, EntityMention } from '../../src/types.js';

/** Runs extractEntities over invented text, sentences split as the pipeline does. */
export function entitiesOf(
  text: string,
  language = 'en',
): { mentions: EntityMention[]; entities: Entity[] } {
  return extractEntities(text, splitSentences(text, [], language), { language });
}

/** The entity a surface form belongs to (by any of its mentions). */
export function entityFor(
  result: { mentions: EntityMention[]; entities: Entity[] },
  surface: string,
): Entity | undefined {
  const m = result.mentions.find((x) => x.text === surface);
  return m && result.entities.find((e) => e.id === m.entityId);
}
