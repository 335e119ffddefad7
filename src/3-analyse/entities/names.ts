/** Proper-name spans from the statistical tagger, over the tokens of each sentence. */
import type { EntityType, Sentence } from '../../types.js';
import { defaultModel, type TaggerModel } from './model.js';
import { tagDocument } from './tagger.js';
import { tokeniseForNer, type NerToken } from './tokenise.js';

/** A token with the index of its sentence. */
export interface DocToken extends NerToken {
  sentence: number;
}

/** A name found in the text, as a token range [first, last). */
export interface NameSpan {
  first: number;
  last: number;
  type: EntityType;
  confidence: number;
}

export const TAG_TYPES: Record<string, EntityType> = {
  PER: 'person',
  ORG: 'org',
  LOC: 'place',
  MISC: 'misc',
};

/** Every sentence's tokens, in text order. */
export function documentTokens(text: string, sentences: readonly Sentence[]): DocToken[][] {
  return sentences.map((s, i) => {
    const tokens = tokeniseForNer(text, s.start, s.end) as DocToken[];
    for (const t of tokens) t.sentence = i;
    return tokens;
  });
}

/** Names by the English tagger; token indices are into the flattened token list. */
export function taggedNames(
  tokens: readonly DocToken[][],
  model: TaggerModel = defaultModel(),
): NameSpan[] {
  const tagged = tagDocument(
    model,
    tokens.map((s) => s.map((t) => t.text)),
  );
  const out: NameSpan[] = [];
  let offset = 0;
  tokens.forEach((sentence, si) => {
    const { tags, margins } = tagged[si]!;
    let start = -1;
    let margin = 0;
    for (let i = 0; i <= sentence.length; i++) {
      const t = tags[i] ?? 'O';
      if (start >= 0 && !t.startsWith('I-')) {
        const type = TAG_TYPES[tags[start]!.slice(2)]!;
        const m = margin / (i - start);
        out.push({
          first: offset + start,
          last: offset + i,
          type,
          confidence: round(0.5 + 0.5 * Math.tanh(m / 2)),
        });
        start = -1;
      }
      if (t.startsWith('B-')) {
        start = i;
        margin = 0;
      }
      if (start >= 0) margin += margins[i]!;
    }
    offset += sentence.length;
  });
  return joinParticles(tokens.flat(), out);
}

/** Lower-case name particles that join two capitalised parts into one name ("Corriere della Sera"). */
const PARTICLES = new Set([
  'della',
  'delle',
  'del',
  'de',
  'di',
  'da',
  'von',
  'van',
  'der',
  'den',
  'du',
  'des',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'dos',
  'das',
  'y',
]);

function joinParticles(tokens: readonly DocToken[], names: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const n of names) {
    const prev = out[out.length - 1];
    if (
      prev &&
      n.first === prev.last + 1 &&
      PARTICLES.has(tokens[prev.last]!.text) &&
      tokens[prev.last]!.sentence === tokens[n.first]!.sentence
    ) {
      prev.last = n.last;
      prev.confidence = Math.min(prev.confidence, n.confidence);
      continue;
    }
    out.push({ ...n });
  }
  return out;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
