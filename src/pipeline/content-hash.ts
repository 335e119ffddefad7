import { createHash } from 'node:crypto';

/** Identity of an article's text: case and whitespace differences do not make a new article. */
export function contentHash(text: string): string {
  const normal = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normal).digest('hex');
}
