import type { Entity, EntityMention, Quote, Sentence, Span } from '../../types.js';
import { clauseTokens } from './clause-tokens.js';
import { trimContent } from './content-span.js';
import { cueClass, mayHoldCue } from './cue-lexicon.js';
import { defaultCueModel, type CueModel } from './cue-model.js';
import { findFrames, type Frame } from './find-frames.js';
import { defaultFrameModel, judgeFrames, type FrameModel } from './frame-classifier.js';
import { findQuotedSpans, topLevel, type QuotedSpan } from './quote-marks.js';
import { resolveSpeakers, type PendingQuote } from './resolve-speaker.js';

export interface QuoteContext {
  language: string;
  mentions: EntityMention[];
  entities: Entity[];
  /** The learnt cue model (English only); default: the shipped one, null for rules alone. */
  cueModel?: CueModel | null;
  /** The learnt frame filter (with a cue model only); default: the shipped one, null for none. */
  frameModel?: FrameModel | null;
}

interface Paragraph extends Span {
  index: number;
  sentences: Sentence[];
}

/** A quote of at least this many words, standing alone in its sentence, is reported speech even without a cue. */
const ORPHAN_MIN_WORDS = 4;

/**
 * Who said what in one article: every attribution (Source, Cue, Content) found on tokens,
 * with the speaker resolved through entity mentions, pronouns, roles and the previous speaker.
 * Offsets index `text`. Pure and fast: one regex pass per paragraph, no parsing.
 */
export function extractQuotes(text: string, sentences: Sentence[], context: QuoteContext): Quote[] {
  const pending: PendingQuote[] = [];
  const model =
    context.language === 'en'
      ? context.cueModel === undefined
        ? defaultCueModel()
        : context.cueModel
      : null;
  const judge = model
    ? context.frameModel === undefined
      ? defaultFrameModel()
      : context.frameModel
    : null;
  // A frame whose cue ends its unit with a colon ("He added:") waits for the next unit.
  let dangling: Frame | null = null;
  for (const p of paragraphs(sentences)) {
    const all = findQuotedSpans(text, p.start, p.end);
    const top = topLevel(all);
    const claimed: Span[] = [];
    const firstOfParagraph = pending.length;
    for (const unit of joinAcrossQuotes(text, p.sentences, top)) {
      if (dangling) {
        const u = trimmed(unit);
        const q = top.find((x) => x.start <= u.start + 1 && x.end >= u.end - 1);
        const content = q ? q.inner : trimContent(text, u);
        if (content) {
          pending.push(
            toPending({ ...dangling, kind: q ? 'direct' : 'indirect', content }, p.index),
          );
          claimed.push(content);
        }
        dangling = null;
      }
      if (mayHoldCue(text.slice(unit.start, unit.end), model?.vocab)) {
        const tokens = clauseTokens(
          text,
          unit.start,
          unit.end,
          top.map((q) => q.inner),
        );
        const frames = findFrames(text, tokens, unit, top, model, judge?.limits);
        for (const f of judgeFrames(judge, { text, tokens, unit, quotes: top, frames })) {
          // A quote of nothing but spaces ("“ ”") says nothing.
          if (f.dangling) {
            dangling = f;
            claimed.push(f.cue);
            if (f.source) claimed.push(f.source);
            continue;
          }
          if (trimmed(f.content).end === trimmed(f.content).start) continue;
          pending.push(toPending(f, p.index));
          claimed.push(f.content, f.cue);
          if (f.source) claimed.push(f.source);
        }
      }
      for (const { quote: q, confidence } of orphanQuotes(text, unit, top, claimed)) {
        claimed.push(q.inner);
        if (trimmed(q.inner).end === trimmed(q.inner).start) continue;
        pending.push({
          kind: 'direct',
          source: null,
          speakerId: null,
          speaker: null,
          cue: null,
          content: trimmed(q.inner),
          confidence,
          continues: -1,
          speech: true,
          paragraph: p.index,
        });
      }
    }
    sortFrom(pending, firstOfParagraph);
  }
  const { cueModel: _, frameModel: __, ...resolveContext } = context;
  return resolveSpeakers(pending, { text, ...resolveContext }).map((q) => ({
    ...q,
    source: q.source && withText(q.source),
    cue: q.cue && withText(q.cue),
  }));
  function trimmed(span: Span): Span {
    let { start, end } = span;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  }
  function withText(span: Span): Span & { text: string } {
    return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
  }
  function toPending(f: Frame, paragraph: number): PendingQuote {
    return {
      kind: f.kind,
      source: f.source && withText(f.source),
      speakerId: null,
      speaker: null,
      cue: withText(f.cue),
      content: trimmed(f.content),
      confidence: f.confidence,
      continues: -1,
      speech: f.speech !== false,
      paragraph,
    };
  }
}

function sortFrom(list: PendingQuote[], from: number): void {
  const part = list.splice(from).sort((a, b) => a.content.start - b.content.start);
  // A continuation points at an earlier sourced quote; indexes before `from` are unaffected.
  list.push(...part);
  for (let i = from; i < list.length; i++) {
    const q = list[i]!;
    if (!q.source && q.continues < 0) q.continues = lastSourcedBefore(list, i);
  }
}

function lastSourcedBefore(list: PendingQuote[], at: number): number {
  const paragraph = list[at]!.paragraph;
  for (let i = at - 1; i >= 0; i--) {
    if (list[i]!.paragraph < paragraph - 1) return -1;
    if (list[i]!.source && list[i]!.speech) return i;
  }
  return -1;
}

/**
 * The units attributions are looked for in, with each paragraph's top-level quotes: what
 * extractQuotes walks, for training the cue model on the same tokens.
 */
export function quoteUnits(
  text: string,
  sentences: Sentence[],
): Array<{ unit: Span; quotes: QuotedSpan[] }> {
  const out: Array<{ unit: Span; quotes: QuotedSpan[] }> = [];
  for (const p of paragraphs(sentences)) {
    const top = topLevel(findQuotedSpans(text, p.start, p.end));
    for (const unit of joinAcrossQuotes(text, p.sentences, top)) out.push({ unit, quotes: top });
  }
  return out;
}

function paragraphs(sentences: Sentence[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (last && last.index === s.paragraph) {
      last.end = Math.max(last.end, s.end);
      last.sentences.push(s);
    } else out.push({ index: s.paragraph, start: s.start, end: s.end, sentences: [s] });
  }
  return out;
}

/**
 * Sentences of a paragraph, joined where a quote runs across their boundary, and where a
 * short attribution follows a quote that ended its sentence ("“… missing.” Vale said.").
 */
function joinAcrossQuotes(text: string, sentences: Sentence[], quotes: QuotedSpan[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (
      last &&
      (quotes.some((q) => q.start < last.end && q.end > last.end && q.end > s.start) ||
        (quotes.some((q) => q.depth === 0 && q.end === last.end) && isShortAttribution(text, s)) ||
        isBareAttribution(text, s))
    ) {
      last.end = Math.max(last.end, s.end);
    } else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** A sentence that is nothing but a name and a verb of saying ("Clinton said.", "Graham asked."). */
function isBareAttribution(text: string, s: Span): boolean {
  const m = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(\p{Ll}+)\.$/u.exec(text.slice(s.start, s.end).trim());
  return !!m && cueClass(m[1]!) === 'speech';
}

function isShortAttribution(text: string, s: Span): boolean {
  const words = text.slice(s.start, s.end).match(/[\p{L}\p{N}'’.-]+/gu) ?? [];
  if (words.length > 14 || /^["“„«‘]/.test(text[s.start]!)) return false;
  if (/^[―—]\s*\p{Lu}/u.test(text.slice(s.start, s.start + 4))) return true; // "― Ana Rell
  return words.slice(0, 9).some((w) => cueClass(w.toLowerCase()) === 'speech');
}

/**
 * Quotes of a unit no frame used that still read as reported speech (≥ 4 words). One that
 * stands as its sentence is surer than a partial quote inside someone else's sentence.
 */
function orphanQuotes(
  text: string,
  unit: Span,
  quotes: QuotedSpan[],
  claimed: Span[],
): Array<{ quote: QuotedSpan; confidence: number }> {
  const inUnit = quotes.filter((q) => q.start >= unit.start && q.start < unit.end);
  if (inUnit.length === 0) return [];
  const unitWords = wordCount(text.slice(unit.start, unit.end));
  const out: Array<{ quote: QuotedSpan; confidence: number }> = [];
  for (const q of inUnit) {
    if (claimed.some((c) => c.start < q.end && c.end > q.start)) continue;
    const words = wordCount(text.slice(q.inner.start, q.inner.end));
    if (words >= ORPHAN_MIN_WORDS)
      out.push({ quote: q, confidence: words >= unitWords * 0.6 ? 0.6 : 0.4 });
  }
  return out;
}

function wordCount(s: string): number {
  return s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
