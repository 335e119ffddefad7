/** Proper-name spans from the statistical tagger, over the tokens of each sentence. */
import type { EntityType, Sentence } from '../../types.js';
import { defaultModel, type TaggerModel } from './model.js';
import { tagDocument } from './tagger.js';
import { isRoleHead, isRoleWord } from './roles.js';
import { tokensOf, type NerToken } from './tokenise.js';

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
  /** Typed by the words in or around it (name-heads.ts), not by the tagger: counts double in an entity's vote. */
  typedByWords?: boolean;
}

export const TAG_TYPES: Record<string, EntityType> = {
  PER: 'person',
  ORG: 'org',
  LOC: 'place',
  MISC: 'misc',
};

/** Every sentence's tokens, in text order. */
export function documentTokens(text: string, sentences: readonly Sentence[]): DocToken[][] {
  return sentences.map((s, i) =>
    tokensOf<DocToken>(text, s.start, s.end, (start, end, t) => ({
      start,
      end,
      text: t,
      sentence: i,
    })),
  );
}

/** The sentences' tokens in one list (Array.prototype.flat is several times slower). */
export function flatTokens(bySentence: readonly DocToken[][]): DocToken[] {
  // Sized once: growing by push copied the list several times over (a few % of the garbage).
  let n = 0;
  for (const s of bySentence) n += s.length;
  const out = new Array<DocToken>(n);
  let k = 0;
  for (const s of bySentence) for (const t of s) out[k++] = t;
  return out;
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
  const flat = flatTokens(tokens);
  return extendLeft(flat, splitTitles(flat, joinParticles(flat, out)));
}

/**
 * "Foreign Minister Pavel Drozdov" tagged as one name: the title is not part of the
 * name. The capitalised words after the last role head become a person name.
 */
function splitTitles(tokens: readonly DocToken[], names: NameSpan[]): NameSpan[] {
  return names.map((n) => {
    let head = -1;
    for (let k = n.first; k < n.last - 1; k++)
      if (isRoleHead(tokens[k]!.text) && /^\p{Lu}/u.test(tokens[k]!.text)) head = k;
    if (head < 0) return n;
    let start = head + 1;
    // "Secretary of State Marco Rubio"
    if (tokens[start]?.text === 'of' && start + 2 < n.last) start += 2;
    // A lone word after a title is a name only when the tagger said person ("UN General Assembly" is not).
    if (start >= n.last || (n.type !== 'person' && n.last - start < 2)) return n;
    for (let k = start; k < n.last; k++) if (!/^\p{Lu}/u.test(tokens[k]!.text)) return n;
    return { first: start, last: n.last, type: 'person', confidence: n.confidence };
  });
}

/** Capitalised words right before a non-person name, mid-sentence, belong to it ("the Northern Grain Council"). */
function extendLeft(tokens: readonly DocToken[], names: NameSpan[]): NameSpan[] {
  const taken = new Set<number>();
  for (const n of names) for (let k = n.first; k < n.last; k++) taken.add(k);
  for (const n of names) {
    if (n.type === 'person') continue;
    let k = n.first - 1;
    while (k > 0 && !taken.has(k) && tokens[k]!.sentence === tokens[n.first]!.sentence) {
      const t = tokens[k]!.text;
      const before = tokens[k - 1]!;
      if (!/^\p{Lu}\p{Ll}/u.test(t) || isRoleWord(t) || before.sentence !== tokens[k]!.sentence)
        break;
      if (!/^\p{L}/u.test(before.text) && before.text !== ',') break;
      taken.add(k);
      n.first = k;
      k--;
    }
  }
  return names;
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
