import type { QuoteKind, Span } from '../../types.js';
import type { ClauseToken } from './clause-tokens.js';
import {
  contentAfter,
  isComplementiser,
  skipObject,
  quoteEndingAt,
  quoteStartingAt,
  trimContent,
} from './content-span.js';
import {
  ACCORDING_WORDS,
  ADDRESSEE_VERBS,
  CUE_PREFIX,
  OTHER_CUE_PREFIX,
  OTHER_SPEECH_WORDS,
  PARTICLES,
  PARTICLE_VERBS,
  RU_ACCORDING_HEAD,
  cueClass,
  type CueClass,
} from './cue-lexicon.js';
import { cueMargin, isCandidate, type CueModel } from './cue-model.js';
import { pollFrame } from './poll-frame.js';
import type { QuotedSpan } from './quote-marks.js';
import {
  PRONOUNS,
  RELATIVE_SOURCES,
  isVerbLike,
  leftBoundary,
  subjectAfter,
  subjectSpan,
} from './source-span.js';

/** One attribution found in a unit (a sentence, or sentences joined by a quote that spans them). */
export interface Frame {
  kind: QuoteKind;
  source: Span | null;
  cue: Span;
  content: Span;
  confidence: number;
  /** False for stance and evidence ("Moscow expects …"): a quote after it is not theirs by default. */
  speech?: boolean;
  /** "He added:" ends its unit: the content is the next unit (extract-quotes.ts fills it in). */
  dangling?: boolean;
  /** The cue model's margin for a verb or learnt cue (frame-classifier.ts reads it). */
  margin?: number;
  /** The cue word was proposed by the model, not the verb rules. */
  learnt?: boolean;
}

const DETERMINERS = new Set(
  'the a an this that these those his her its their our my your no any some every each one own such whose'.split(
    ' ',
  ),
);
/** Cue verbs whose -s form is more often a plural noun ("undercover reports"). */
const NOUNISH =
  /^(?:reports|claims|comments|answers|promises|warnings|plans|hopes|fears|doubts|questions|shows|notes|posts|estimates|concerns|demands|threats|calls|cites|blames|counters|remarks|objects|signals|hints|supports|finds|states|tweets|jokes|pledges|vows|urges|talks|replies|responds)$/;
const NOT_AFTER_TO =
  /^(?:said|told|continued|continues|continue|asked|expected|believed|thought|known|reported)$/;
const END = /^[.!?;]$/;
/** Model margins: a lexicon cue below VETO is dropped; a mined word above ACCEPT becomes a cue. */
const VETO = -2;
const ACCEPT = 0;
const RESCUE = 3;
/** A lexicon cue vetoed above DOUBT is kept as a weak frame (dropped when nested in a sure one). */
const DOUBT = -5;
const DOUBT_CONF = 0.6;
/** Frames less sure than this (learnt cues, sourceless frames) are dropped inside a surer frame's content. */
const WEAK_NESTED = 0.65;
/** The model margins that gate frames; looser ones let frame-classifier.ts decide instead. */
export interface FrameLimits {
  doubt: number;
  accept: number;
  rescue: number;
  /** Keep weak frames the model scored inside a sure frame's content. */
  nested: boolean;
}
export const RULE_LIMITS: FrameLimits = {
  doubt: DOUBT,
  accept: ACCEPT,
  rescue: RESCUE,
  nested: false,
};
/** Evidence verbs ("engineers found a crack") are left to the rules. */
const VETO_CLASSES: readonly CueClass[] = ['speech', 'stance', 'evidence'];

/** All attribution frames of one unit, left to right. */
export function findFrames(
  text: string,
  tokens: ClauseToken[],
  unit: Span,
  quotes: QuotedSpan[],
  model: CueModel | null = null,
  limits: FrameLimits = RULE_LIMITS,
): Frame[] {
  const frames: Frame[] = [];
  const colon = colonFrame(text, tokens, unit, quotes);
  if (colon) frames.push(colon);
  const title = colon ? null : titleFrame(text, tokens, unit, quotes, model);
  if (title) frames.push(title);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.isWord && !t.quoted && /^[―—]$/.test(t.raw)) {
      const f = signatureFrame(text, tokens, quotes, i);
      if (f) frames.push(f);
      continue;
    }
    if (!t.isWord || t.quoted) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const f = accordingFrame(text, tokens, unit, quotes, i, i + 2);
      if (f) frames.push(f);
      i++;
      continue;
    }
    if (t.lower === 'in') {
      const p = pollFrame(tokens, i, unit);
      if (p) {
        frames.push({ ...classify(text, p.content, quotes), ...p, confidence: 0.5, speech: false });
        continue;
      }
    }
    if (ACCORDING_WORDS.has(t.lower) && tokens[i + 1]?.isWord) {
      const f = accordingFrame(text, tokens, unit, quotes, i, i + 1);
      if (f) frames.push(f);
      continue;
    }
    if (t.lower === 'по') {
      const head = tokens[i + 1]?.lower ?? '';
      const poss = /^(?:его|её|ее|их|моим|нашим)$/.test(head);
      const h = poss ? (tokens[i + 2]?.lower ?? '') : head;
      if (RU_ACCORDING_HEAD.has(h)) {
        const f = poss
          ? accordingFrame(text, tokens, unit, quotes, i, i + 3, i + 1)
          : accordingFrame(text, tokens, unit, quotes, i, i + 2);
        if (f) frames.push(f);
        continue;
      }
    }
    if (RAISING.test(t.lower) || (t.lower === 'expected' && BE.test(tokens[i - 1]?.lower ?? ''))) {
      const f = raisingFrame(text, tokens, unit, quotes, i);
      if (f) {
        frames.push(f);
        continue;
      }
    }
    const cls = cueClass(t.lower);
    if (cls && looksLikeVerb(tokens, i)) {
      const margin = model ? cueMargin(model, tokens, i) : 0;
      const vetoed = model !== null && VETO_CLASSES.includes(cls) && margin < VETO;
      // A mild veto makes the frame weak: kept, unless it sits inside a sure frame's content.
      const doubtful = vetoed && margin >= limits.doubt;
      if (vetoed && !doubtful && cls !== 'speech') continue;
      const f = verbFrame(text, tokens, unit, quotes, i, cls, frames, false, margin > ACCEPT);
      // Marked in place, not copied: an object spread here was the slowest line of the pass.
      if (f) for (const x of f) x.margin = margin;
      // A post-posed or inverted speech verb ("…, town officials confirmed on Friday.") is
      // surer than the model: its content ends before the cue.
      if (f && (!vetoed || f[0]!.content.end <= f[0]!.cue.start)) frames.push(...f);
      else if (f && doubtful)
        frames.push(...f.map((x) => ({ ...x, confidence: Math.min(x.confidence, DOUBT_CONF) })));
      // No pattern fits, but the model backs the word: a frame of the cue and its subject.
      // "add" without a complement was rejected above on purpose ("adding 40 minutes").
      else if (!f && model && margin > ACCEPT && !/^add/.test(t.lower) && !insideFrame(frames, t)) {
        const fb = fallbackFrame(text, tokens, unit, quotes, i);
        if (fb) frames.push(fb);
      }
    } else if (
      model &&
      isCandidate(model, t) &&
      !phrasalNonCue(tokens, i) &&
      !insideFrame(frames, t)
    ) {
      const margin = cueMargin(model, tokens, i);
      if (margin > (cls ? limits.rescue : limits.accept)) {
        const f = verbFrame(text, tokens, unit, quotes, i, cls ?? 'stance', frames, true);
        if (f) {
          for (const x of f) {
            x.margin = margin;
            x.learnt = true;
          }
          frames.push(...f);
        }
        // A lexicon word the verb heuristics doubted but the model backs strongly: as above.
        else if (cls && margin > RESCUE && !/^add/.test(t.lower)) {
          const fb = fallbackFrame(text, tokens, unit, quotes, i);
          if (fb) frames.push(fb);
        }
      }
    }
  }
  // A weak frame (a learnt cue, or no source) inside the content of a sure one is mostly the
  // reported speaker's own words ("Vale said he finally believes …"), which PolNeAR leaves
  // unannotated more often than not.
  const weak = (f: Frame) => f.confidence < WEAK_NESTED;
  // A one-word source that names nobody ("early Friday saying", "perhaps recognizing",
  // "Keeps saying she …" at the start of a comment) is dropped, the frame kept.
  for (const f of frames) if (f.source && junkSource(text, tokens, f.source)) f.source = null;
  for (const f of frames) {
    if (f.source && expletiveIt(text, f)) f.source = null;
    // "drew criticism from Democrats": the giver after "from" is the source.
    if (f.source && received(text, f)) f.source = giverAfter(tokens, f.cue);
  }
  return frames.filter(
    (f) =>
      (limits.nested && f.margin !== undefined) ||
      !weak(f) ||
      !frames.some(
        (o) =>
          o !== f &&
          !weak(o) &&
          o.source !== null &&
          o.content.start <= f.cue.start &&
          f.cue.end <= o.content.end,
      ),
  );
}

const JUNK_SOURCE =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|today|yesterday|tonight|there|here|perhaps|maybe|also|then|now|still|thus|however|meanwhile|[a-z]+ly|[a-z]+n['’]t)$/;

/** A source of one word that is a date, an adverb, or a capitalised verb opening the unit. */
function junkSource(text: string, tokens: ClauseToken[], src: Span): boolean {
  const k = tokens.findIndex((t) => t.start === src.start && t.end === src.end);
  // "But don't expect …": an auxiliary and its negation, two tokens, name nobody.
  if (/^[a-z]+n['’]t$/i.test(text.slice(src.start, src.end))) return true;
  if (k < 0) return false;
  const t = tokens[k]!;
  if (!t.isWord) return false;
  return JUNK_SOURCE.test(t.lower) && !(t.capital && /ly$/.test(t.lower));
}

/** "It is clear that …", "it seems", "It's hard to imagine", "made it clear": an "it" that names nobody. */
function expletiveIt(text: string, f: Frame): boolean {
  if (!/^it$/i.test(text.slice(f.source!.start, f.source!.end))) return false;
  const between = text.slice(f.source!.end, f.cue.start);
  const cue = text.slice(f.cue.start, f.cue.end);
  return (
    // "it is also pointing" is a progressive: the "it" may be a campaign or a paper.
    (/^\s*(?:['’]s|is|was|would be|will be|may be|might be)\b/i.test(between + cue) &&
      !/ing$/.test(cue)) ||
    /\bto\s*$/.test(between) ||
    /^(?:seem|seems|seemed|appear|appears|appeared|clear|unclear)\b/i.test(cue)
  );
}

const RECEIVING =
  /\b(?:face[sd]?|facing|dr[ae]ws?|drawn|drawing|receiv(?:e|es|ed|ing)|attract(?:s|ed|ing)?|c[oa]mes? under|coming under|earn(?:s|ed|ing)?|garner(?:s|ed|ing)?|won|wins|winning)\s+(?:[\w-]+\s+){0,2}?(?:criticism|fire|scrutiny|praise|support|backing|ire|rebukes?|condemnation|questions|skepticism|doubts|backlash|complaints|opposition|concerns?|endorsements?|ridicule|accusations|charges|calls)\b/i;

/** "Trump has faced criticism for …", "The bill drew support from …": the subject is the target. */
function received(text: string, f: Frame): boolean {
  if (f.source!.end > f.cue.start) return false;
  const m = RECEIVING.exec(text.slice(f.source!.end, f.cue.end));
  // The noun received is the cue itself, not something before it ("won support by echoing").
  return !!m && f.source!.end + m.index + m[0].length > f.cue.start;
}

/** The noun phrase after "from" right after the cue, or null. */
function giverAfter(tokens: ClauseToken[], cue: Span): Span | null {
  const k = tokens.findIndex((t) => t.start >= cue.end);
  if (k < 0 || tokens[k]!.lower !== 'from' || tokens[k]!.quoted) return null;
  const np = subjectAfter(tokens, k + 1);
  return np && tokenSpan(tokens, np);
}

/**
 * A lexicon cue the model backs but no pattern above took ("…,” Kelly charged in her
 * assault.", "as Eric Garner said before he died"): the cue with the subject before it, and the
 * clause after it, or before it when only an adjunct follows.
 */
function fallbackFrame(
  text: string,
  tokens: ClauseToken[],
  unit: Span,
  quotes: QuotedSpan[],
  i: number,
): Frame | null {
  let cs = i;
  while (
    cs > 0 &&
    !tokens[cs - 1]!.quoted &&
    (CUE_PREFIX.has(tokens[cs - 1]!.lower) || isAdverb(tokens[cs - 1]!.raw))
  )
    cs--;
  const cue = cueSpan(tokens, cs, i + 1);
  const sub = subjectSpan(tokens, leftBoundary(tokens, cs) + 1, cs);
  const source = sub ? tokenSpan(tokens, sub) : null;
  const span = isTail(tokens, i + 1)
    ? trimContent(text, { start: unit.start, end: source ? source.start : cue.start })
    : trimContent(text, { start: tokens[i]!.end, end: unit.end });
  if (!span) return null;
  return { ...classify(text, span, quotes), source, cue, confidence: source ? 0.5 : 0.3 };
}

/** A token inside a frame's source or cue, or between its cue and its content ("said in a statement that"). */
function insideFrame(frames: Frame[], t: Span): boolean {
  return frames.some(
    (f) =>
      (f.source && t.start >= f.source.start && t.end <= f.source.end) ||
      (t.start >= f.cue.start && t.end <= Math.max(f.cue.end, f.content.start)),
  );
}

/** Phrasal verbs that report nothing: "called off", "called up", "added up". */
function phrasalNonCue(tokens: ClauseToken[], i: number): boolean {
  const next = tokens[i + 1];
  return /^(?:call|add)/.test(tokens[i]!.lower) && !!next && /^(?:off|up|in)$/.test(next.lower);
}

function looksLikeVerb(tokens: ClauseToken[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (OTHER_SPEECH_WORDS.has(t.lower)) return true; // "a déclaré": the French "a" is no article
  if (prev && DETERMINERS.has(prev.lower) && prev.lower !== 'that') return false;
  if (/^point/.test(t.lower) && !/^(?:to|out)$/.test(next?.lower ?? '')) return false;
  // After a preposition or a number a verb form is an adjective: "of pledged delegates", "758 pledged".
  if (
    prev &&
    !/ing$/.test(t.lower) &&
    (/^(?:of|in|for|with|by|at|from|on|about|than|so|so-)$/.test(prev.lower) ||
      /^\d/.test(prev.raw))
  )
    return false;
  if (phrasalNonCue(tokens, i)) return false;
  // "a program called Sandy Hook Promise", "officials, called superdelegates".
  if (
    t.lower === 'called' &&
    prev &&
    !PRONOUNS.has(prev.lower) &&
    !prev.capital &&
    !RELATIVE_SOURCES.has(prev.lower)
  ) {
    if (prev.raw === ',' || !next || next.capital || next.quoted || /^["“‘']$/.test(next.raw))
      return false;
  }
  // "polls show", "records showed" — not "a talk show", "a strong showing".
  if (
    /^show/.test(t.lower) &&
    prev &&
    !(
      PRONOUNS.has(prev.lower) ||
      prev.capital ||
      /(?:s|data|poll|survey|study|analysis|report|census)$/.test(prev.lower) ||
      prev.raw === ','
    )
  )
    return false;
  if (prev?.lower === 'to' && !/ing$/.test(t.lower)) return false;
  // "is said to be", "continued to rise" — but "“…,” he said to cheers".
  if (
    next?.lower === 'to' &&
    NOT_AFTER_TO.test(t.lower) &&
    !/^[,”"»’]$/.test(tokens[i - 2]?.raw ?? '')
  )
    return false;
  // Mid-sentence capitals are names ("the United States"), not verbs.
  if (
    t.capital &&
    i > 0 &&
    prev?.isWord &&
    !/^(?:asked|according|noting|adding|saying)$/.test(t.lower)
  )
    return false;
  // Passive without an agent or complement ("no change has been observed yet").
  if (
    prev &&
    /^(?:be|been|being|is|are|was|were)$/.test(prev.lower) &&
    /ed$|wn$|id$|ld$/.test(t.lower)
  ) {
    if (!next || !/^(?:by|that|:|whether|if|about)$/.test(next.lower)) return false;
  }
  if (NOUNISH.test(t.lower) && prev && /^[,”"»’]$/.test(prev.raw)) {
    // "…,” says Vale" inverts; "“secret” reports, after which …" is a noun.
    if (!next || !(next.capital || DETERMINERS.has(next.lower) || PRONOUNS.has(next.lower)))
      return false;
  }
  if (NOUNISH.test(t.lower)) {
    const ok =
      !!prev &&
      (PRONOUNS.has(prev.lower) ||
        RELATIVE_SOURCES.has(prev.lower) ||
        prev.lower === 'that' ||
        (prev.capital && i > 1) ||
        prev.lower === "'s" ||
        /^(?:officials|campaign|spokesman|spokeswoman|report|poll|study|survey|statement|office|department|ministry|government|administration|source|sources|people|analysts|experts|critics|aides|advisers|democrats|republicans|voters|agency|police)$/.test(
          prev.lower,
        ) ||
        /[,”"»]/.test(prev.raw));
    if (!ok) return false;
  }
  return true;
}

function cueSpan(tokens: ClauseToken[], cs: number, ce: number): Span {
  return { start: tokens[cs]!.start, end: tokens[ce - 1]!.end };
}

function tokenSpan(tokens: ClauseToken[], r: { start: number; end: number }): Span {
  return { start: tokens[r.start]!.start, end: tokens[r.end - 1]!.end };
}

/** Direct when the content is one quote, mixed when it holds one, indirect otherwise. */
/**
 * A frame built field by field: an object spread of classify's result cost a third of
 * verbFrame's time (the clone goes through a slow generic path).
 */
function frameOf(
  c: { kind: QuoteKind; content: Span },
  source: Span | null,
  cue: Span,
  confidence: number,
  speech?: boolean,
): Frame {
  return { kind: c.kind, content: c.content, source, cue, confidence, speech };
}

function classify(
  text: string,
  span: Span,
  quotes: QuotedSpan[],
): { kind: QuoteKind; content: Span } {
  const q = quoteStartingAt(quotes, span.start, text);
  if (q && q.end >= span.end - 1 && q.end <= span.end + 1)
    return { kind: 'direct', content: q.inner };
  const holds = quotes.some((x) => x.depth === 0 && x.start >= span.start && x.end <= span.end + 1);
  return { kind: holds ? 'mixed' : 'indirect', content: span };
}

const DETERMINER_OR_PREP =
  /^(?:the|a|an|of|in|on|at|by|for|with|from|to|into|about|and|or|his|her|its|their|our|my|this|that)$/;

function verbFrame(
  text: string,
  tokens: ClauseToken[],
  unit: Span,
  quotes: QuotedSpan[],
  i: number,
  cls: CueClass,
  earlier: Frame[],
  learnt = false,
  /** The model is for this lexicon cue: a stance or evidence cue may then go without a source. */
  modelSure = false,
): Frame[] | null {
  let cs = i;
  while (
    cs > 0 &&
    !tokens[cs - 1]!.quoted &&
    // "in May found": a capitalised word inside the sentence is a name, not the modal.
    !(tokens[cs - 1]!.capital && cs - 1 > 0 && tokens[cs - 2]!.isWord) &&
    (CUE_PREFIX.has(tokens[cs - 1]!.lower) ||
      isAdverb(tokens[cs - 1]!.raw) ||
      (OTHER_SPEECH_WORDS.has(tokens[i]!.lower) && OTHER_CUE_PREFIX.has(tokens[cs - 1]!.lower)))
  )
    cs--;
  let ce = i + 1;
  const next = tokens[ce];
  if (next && !next.quoted && PARTICLES.test(next.lower) && PARTICLE_VERBS.test(tokens[i]!.lower)) {
    // "said on Tuesday" is an adjunct; "called on Congress" is a particle.
    const after = tokens[ce + 1];
    if (!(
      next.lower === 'on' &&
      after &&
      /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(after.lower)
    ))
      ce++;
  }
  if (learnt) {
    // A learnt cue takes its particle along: "lashed out at", "criticism of", "warned against".
    if (/^(?:out|up)$/.test(tokens[ce]?.lower ?? '') && !tokens[ce]!.quoted) ce++;
    const p = tokens[ce];
    if (ce === i + 1 || /^(?:out|up)$/.test(tokens[ce - 1]!.lower)) {
      if (p && !p.quoted && /^(?:about|for|against|at|of)$/.test(p.lower)) ce++;
    }
  }
  if (tokens[ce]?.raw === ':') ce++;
  const cue = cueSpan(tokens, cs, ce);
  const opening = openingParticiple(text, tokens, quotes, i, cs, ce, cue);
  if (opening) return [opening];
  let b = leftBoundary(tokens, cs);
  let sub = subjectSpan(tokens, b + 1, cs);
  // "with 30 percent of voters saying …", "met by a chorus of Democrats urging …": the noun
  // phrase after the preposition is the participle's subject.
  if (
    !sub &&
    /ing$/.test(tokens[i]!.lower) &&
    tokens[cs - 1]?.isWord &&
    /^(?:with|by|among|from)$/.test(tokens[b + 1]?.lower ?? '') &&
    b + 2 < cs
  )
    sub = subjectSpan(tokens, b + 2, cs);
  // "Nor are tariffs likely to …, said David Autor.", "“…” about the decision, said Ana Rell.":
  // a noun phrase after the cue that ends the sentence is the speaker; what the boundary
  // search found before the comma is the content's tail, not an appositive subject.
  if (sub && cls === 'speech' && invertsAfterComma(tokens, cs, ce, i)) {
    sub = null;
    b = cs - 1;
  }
  if (!sub && cls === 'speech') {
    const long = longSubjectAfterQuote(tokens, cs);
    if (long) ({ b, sub } = long);
    // "…, the losses would outstrip the gains, said Batchelder.": the boundary search passed
    // the comma before the cue (as for "X, a lawyer, said"); no subject there: an inversion.
    else if (
      b < cs - 1 &&
      tokens[cs - 1]?.raw === ',' &&
      invertedAfter(tokens, ce, tokens[i]!.lower)
    )
      b = cs - 1;
  }
  const bt = b >= 0 ? tokens[b]! : undefined;
  const afterComma =
    !!bt && (bt.raw === ',' || bt.quoted || /^["”“»'’—–-]$|^''$|^[.!?]$/.test(bt.raw));
  let inverted: { start: number; end: number } | null = null;
  // "…, and said he …": a second verb of the sentence's subject, never an inverted cue.
  const secondVerb = /^(?:and|but|or)$/.test(tokens[cs - 1]?.lower ?? '');
  if (!sub && afterComma && cls === 'speech' && !/ing$/.test(tokens[i]!.lower) && !secondVerb) {
    inverted = subjectAfter(tokens, ce);
  }
  // "“…,” Vale told reporters." — the addressee is not content.
  const restAt = inverted
    ? inverted.end
    : ADDRESSEE_VERBS.has(tokens[i]!.lower)
      ? skipObject(tokens, ce)
      : ce;
  // "…, promising to …": a participle after a comma is never post-posed.
  const commaParticiple = /ing$/.test(tokens[i]!.lower) && tokens[cs - 1]?.raw === ',';
  if (
    afterComma &&
    (sub || inverted) &&
    (cls === 'speech' || (sub && END.test(tokens[restAt]?.raw ?? '.'))) &&
    !commaParticiple &&
    isTail(tokens, restAt)
  ) {
    // Post-posed or inverted: "“…,” Vale said." / "…, said the minister."
    const source = tokenSpan(tokens, (sub ?? inverted)!);
    const boundaryEnd = bt!.quoted ? bt!.end : bt!.start;
    const q = quoteEndingAt(quotes, bt!.quoted ? bt!.end : bt!.end, text);
    const out: Frame[] = [];
    if (q && q.start >= unit.start - 1) {
      const atStart = text.slice(unit.start, q.start).trim() === '';
      out.push({
        kind: atStart ? 'direct' : 'mixed',
        source,
        cue,
        content: atStart ? q.inner : { start: unit.start, end: q.end },
        confidence: 0.9,
      });
    } else if (!q) {
      const span = trimContent(text, { start: unit.start, end: boundaryEnd });
      if (!span) return null;
      // "Asked about the plan, Vale said, “…”": the clause before is the question, not content.
      const first = tokens.find((t) => t.isWord);
      if (first?.lower !== 'asked' || first.quoted)
        out.push(frameOf(classify(text, span, quotes), source, cue, 0.75));
    } else return null;
    // "“A,” he said, “B.”": the second quote shares the source and cue.
    const after = tokens[restAt];
    if (after?.raw === ',' || after?.raw === ':') {
      const q2 = quoteStartingAt(quotes, after.end, text);
      if (q2) out.push({ kind: 'direct', source, cue, content: q2.inner, confidence: 0.85 });
    }
    return out;
  }
  // "…, as police have said.": the content is the clause before "as".
  if (
    sub &&
    bt?.lower === 'as' &&
    b > 1 &&
    isTail(tokens, restAt) &&
    END.test(tokens[restAt]?.raw ?? '.')
  ) {
    const span = trimContent(text, {
      start: unit.start,
      end: tokens[b - 1]!.raw === ',' ? tokens[b - 1]!.start : tokens[b - 1]!.end,
    });
    if (span)
      return [
        {
          ...classify(text, span, quotes),
          source: tokenSpan(tokens, sub),
          cue,
          confidence: 0.7,
          speech: cls === 'speech',
        },
      ];
  }
  // Pre-posed: "Vale said (that) …", "Vale said: “…”".
  // "…, adding that …": the subject of the frame before, or of the main clause (what lies
  // between the comma and the sentence start is a clause, not an appositive subject).
  // '…," adding that …': the comma may sit inside the quote marks.
  const participle =
    /ing$/.test(tokens[i]!.lower) &&
    (tokens[cs - 1]?.raw === ',' ||
      (/^["”’']$/.test(tokens[cs - 1]?.raw ?? '') && text[tokens[cs - 1]!.start - 1] === ','));
  // "… that Vell was rude and encouraged …": a subject never ends with a conjunction.
  const coordinated = !!sub && /^(?:and|but|then)$/.test(tokens[sub.end - 1]!.lower);
  let source: Span | null = sub && !participle && !coordinated ? tokenSpan(tokens, sub) : null;
  // "Ilo Brandt, the head of the union, which represents …, said": a third comma; the name
  // before the appositive opens the subject.
  if (source && bt?.raw === ',' && tokens[cs - 1]?.raw === ',') {
    const m = mainSubject(tokens);
    if (m && m.end === bt.start && tokens[0]!.start <= m.start)
      source = { start: m.start, end: source.end };
  }
  // "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said": the relative clause
  // closes an appositive chain; the source is the chain before it.
  if (
    source &&
    sub &&
    RELATIVE_SOURCES.has(tokens[sub.start]!.lower) &&
    tokens[cs - 1]?.raw === ','
  ) {
    const comma = sub.start - 1;
    const m = mainSubject(tokens);
    if (
      m &&
      tokens[comma]?.raw === ',' &&
      m.end <= tokens[comma]!.start &&
      tokens
        .slice(0, comma)
        .every(
          (t) =>
            t.start < m.start || !(t.quoted || (t.isWord && !t.capital && isVerbLike(t.lower))),
        )
    )
      source = { start: m.start, end: tokens[comma - 1]!.end };
  }
  // "Christie, who has campaigned … since he suspended his campaign in February, blasted …":
  // the boundary search stopped inside the relative clause; the name before it is the source.
  if (source && sub && tokens[cs - 1]?.raw === ',') {
    const named = nameBeforeRelative(tokens, sub);
    if (named) source = named;
  }
  if (!source && bt && RELATIVE_SOURCES.has(bt.lower)) source = { start: bt.start, end: bt.end };
  // "Donald Trump is raising questions about …", "The council made a strong condemnation of
  // …": a learnt cue after the clause's own verb; the subject stands before that verb.
  if (
    !source &&
    learnt &&
    bt &&
    b > 0 &&
    bt.isWord &&
    !bt.capital &&
    (isVerbLike(bt.lower) || bt.lower === 'then')
  ) {
    let vs = b;
    while (vs > 0 && (CUE_PREFIX.has(tokens[vs - 1]!.lower) || isAdverb(tokens[vs - 1]!.raw))) vs--;
    const before = subjectSpan(tokens, leftBoundary(tokens, vs) + 1, vs);
    if (before) source = tokenSpan(tokens, before);
  }
  // "The judge rubbed his chin, and then said …": a second verb of the same subject.
  if (!source && ((bt && /^(?:and|then|but)$/.test(bt.lower) && b > 0) || coordinated))
    source = mainSubject(tokens);
  if (!source && (participle || secondVerb || (bt?.raw === ',' && /ing$/.test(tokens[i]!.lower)))) {
    const prev = earlier[earlier.length - 1];
    // "… an architect who said he was stiffed …, saying": a relative clause's speaker is not
    // the main clause's.
    const usable =
      prev?.source &&
      prev.cue.end <= tokens[cs]!.start &&
      !RELATIVE_SOURCES.has(text.slice(prev.source.start, prev.source.end).toLowerCase());
    source = (usable ? prev.source : null) ?? mainSubject(tokens);
  }
  // "Caddell went on to discuss …", "Trump pitched himself by telling …": an infinitive or a
  // gerund after a preposition has the main clause's subject.
  const prevWord = tokens[cs - 1]?.lower ?? '';
  const nonFinite =
    prevWord === 'to' ||
    (/ing$/.test(tokens[i]!.lower) && /^(?:by|before|after|while|without|when)$/.test(prevWord));
  if (!source && nonFinite) {
    const m = mainSubject(tokens);
    if (m && m.end <= tokens[cs]!.start && !tokens.some((t) => t.quoted && t.start < m.start))
      source = m;
    // "“…,” Sanders said, going on to say …": the speaker of the frame before.
    const prev = earlier[earlier.length - 1];
    if (!source && prev?.source && prev.cue.end <= tokens[cs]!.start) source = prev.source;
  }
  // "Ana Rell, a lawyer of Orrin, who has long argued …, said": an appositive chain longer than
  // the two commas the subject finder passes; the subject runs from the sentence's first noun
  // phrase to the comma before the cue.
  if (!source && !participle && !secondVerb && tokens[cs - 1]?.raw === ',') {
    const m = mainSubject(tokens);
    if (
      m &&
      m.end < tokens[cs - 1]!.start &&
      !tokens.some((t) => t.quoted && t.start < tokens[cs]!.start && t.start >= m.start)
    )
      source = { start: m.start, end: tokens[cs - 1]!.end };
  }
  // "In an interview with RT he blasted …", "In a Bloomberg interview Trump declared …": an
  // adjunct without a comma hides the subject; a pronoun or a name right before the cue is it.
  if (!source && !participle && !secondVerb && !nonFinite && cs > 0) {
    const p = tokens[cs - 1]!;
    if (p.isWord && !p.quoted && /^(?:he|she|they|we|i)$/.test(p.lower))
      source = { start: p.start, end: p.end };
    else if (p.isWord && !p.quoted && p.capital && cs >= 2) {
      let k = cs - 1;
      while (
        k > 0 &&
        tokens[k - 1]!.isWord &&
        tokens[k - 1]!.capital &&
        !tokens[k - 1]!.quoted &&
        cs - k < 3
      )
        k--;
      const q = tokens[k - 1];
      if (q && q.isWord && !q.capital && !q.quoted && !DETERMINER_OR_PREP.test(q.lower))
        source = { start: tokens[k]!.start, end: p.end };
    }
  }
  // "The campaign issued a statement saying …", "sent a letter urging …": the sender, not
  // the document, is the source.
  if (source && sub && bt && b > 0 && /ing$/.test(tokens[i]!.lower)) {
    const sender = senderOfDocument(tokens, sub, b);
    if (sender !== undefined) source = sender;
  }
  // Passive ("Vell was accused of …", "the plan is supported by the union"): the subject is
  // not the source; the agent after "by" is.
  const passive = isPassive(tokens, cs, i);
  if (passive) {
    source = null;
    if (tokens[ce]?.lower === 'by' && !tokens[ce]!.quoted) {
      const agent = subjectAfter(tokens, ce + 1) ?? bareAgent(tokens, ce + 1);
      // The subject is what was reported: "The ferry plan was first reported by …".
      if (agent) {
        source = tokenSpan(tokens, agent);
        if (sub) {
          const what = tokenSpan(tokens, sub);
          return [
            {
              ...classify(text, what, quotes),
              source,
              cue,
              confidence: 0.7,
              speech: cls === 'speech',
            },
          ];
        }
      }
    }
  }
  // "was declared the winner … by news organizations", "asked to preserve them by the
  // committee": the agent after a short complement, when no source came before.
  if (passive && !source) {
    const by = laterBy(tokens, ce);
    if (by > 0) {
      const agent = subjectAfter(tokens, by + 1) ?? bareAgent(tokens, by + 1);
      if (agent) source = tokenSpan(tokens, agent);
    }
  }
  if (!source && cls !== 'speech' && !learnt && !passive && !modelSure) return null;
  const span = contentAfter(text, tokens, tokens[i]!, ce, unit.end);
  if (!span && source && tokens[ce - 1]?.raw === ':' && !learnt) {
    const empty = { start: unit.end, end: unit.end };
    return [{ kind: 'indirect', source, cue, content: empty, confidence: 0.7, dangling: true }];
  }
  if (!span) return null;
  // "continue" reports speech only before a quote or a colon ("He continued: …"); "add" needs
  // a complement too ("he added that …", not "the detour adds 40 minutes").
  if (/^(?:continu|add)/.test(tokens[i]!.lower)) {
    // "…, adding later, “…”": an adverb may come first.
    const c = tokens[/^(?:later|also|then)$/.test(tokens[ce]?.lower ?? '') ? ce + 1 : ce];
    const ok =
      !!c &&
      // "…, adding he would …" — not "…, adding 40 minutes to the trip".
      ((participle && (PRONOUNS.has(c.lower) || (c.capital && c.isWord))) ||
        /^[:,]$/.test(c.raw) ||
        c.quoted ||
        isComplementiser(tokens, ce) ||
        /:$/.test(tokens[ce - 1]!.raw));
    if (!ok) return null;
  }
  const c = classify(text, span, quotes);
  const confidence = (source ? 0.8 : 0.5) - (learnt ? 0.2 : 0);
  return [frameOf(c, source, cue, confidence, cls === 'speech')];
}

const DOCUMENT =
  /^(?:statement|statements|letter|tweet|tweets|release|memo|video|ad|message|email|e-mail|note|post|op-ed|column|editorial|petition|resolution|complaint|lawsuit|report)$/;

/**
 * "a statement" right after a verb ("issued a statement saying"): the subject before that
 * verb, or null when there is none; undefined when the subject is no such document.
 */
function senderOfDocument(
  tokens: ClauseToken[],
  sub: { start: number; end: number },
  b: number,
): Span | null | undefined {
  const first = tokens[sub.start]!.lower;
  const bt = tokens[b]!;
  if (
    !/^(?:a|an|his|her|their|its|our)$/.test(first) ||
    !DOCUMENT.test(tokens[sub.end - 1]!.lower) ||
    !bt.isWord ||
    bt.capital ||
    !isVerbLike(bt.lower)
  )
    return undefined;
  let vs = b;
  while (vs > 0 && (CUE_PREFIX.has(tokens[vs - 1]!.lower) || isAdverb(tokens[vs - 1]!.raw))) vs--;
  const before = subjectSpan(tokens, leftBoundary(tokens, vs) + 1, vs);
  return before && tokenSpan(tokens, before);
}

/** The sentence's subject when ", who …" follows it and the found subject lies after that. */
function nameBeforeRelative(
  tokens: ClauseToken[],
  sub: { start: number; end: number },
): Span | null {
  const m = mainSubject(tokens);
  if (!m || m.end > tokens[sub.start]!.start) return null;
  const k = tokens.findIndex((t) => t.start >= m.end);
  return tokens[k]?.raw === ',' && RELATIVE_SOURCES.has(tokens[k + 1]?.lower ?? '') ? m : null;
}

/**
 * "Citing a report, Trump said …", "Lamenting their luck, Mexicans say …": a participle opening
 * the sentence; its content runs to the comma, its source is the main clause's subject.
 */
function openingParticiple(
  text: string,
  tokens: ClauseToken[],
  quotes: QuotedSpan[],
  i: number,
  cs: number,
  ce: number,
  cue: Span,
): Frame | null {
  // "Asked about the plan, Vale said …": the asker goes unnamed; the question is the content.
  const asked = tokens[i]!.lower === 'asked';
  if (!(asked || /[a-z]ing$/.test(tokens[i]!.lower)) || tokens.slice(0, cs).some((t) => t.isWord))
    return null;
  let comma = ce;
  while (comma < tokens.length && comma - ce <= 25 && tokens[comma]!.raw !== ',') comma++;
  if (tokens[comma]?.raw !== ',' || comma === ce || tokens[comma]!.quoted) return null;
  const source = asked ? null : nounPhraseAt(tokens, comma + 1);
  const span = trimContent(text, { start: tokens[ce]!.start, end: tokens[comma - 1]!.end });
  if ((!source && !asked) || !span) return null;
  // Sure enough to stay when the main clause's frame covers it ("Asked …, Vale said: …").
  return {
    ...classify(text, span, quotes),
    source,
    cue,
    confidence: asked ? 0.65 : 0.7,
    speech: false,
  };
}

const TIME_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tonight|last|this|earlier|later|recently)$/;

/** ", said X." after a comma: a speech verb, not a participle or "told", and a sentence-final noun phrase that is no date. */
function invertsAfterComma(tokens: ClauseToken[], cs: number, ce: number, i: number): boolean {
  const verb = tokens[i]!.lower;
  return (
    tokens[cs - 1]?.raw === ',' &&
    NO_OBJECT.test(verb) &&
    !TIME_WORD.test(tokens[ce]?.lower ?? '') &&
    !isComplementiser(tokens, ce) &&
    invertedAfter(tokens, ce, verb)
  );
}

/** A few words without a verb or punctuation to the sentence end: "in the room." */
function shortAdjunct(tokens: ClauseToken[], k: number): boolean {
  if (!/^(?:in|at|on|during|after|before|with|for|from|close|familiar)$/.test(tokens[k]!.lower))
    return false;
  for (let j = k; j < tokens.length && j < k + 8; j++) {
    const t = tokens[j]!;
    if (END.test(t.raw)) return true;
    if (!t.isWord || t.quoted || (!t.capital && isVerbLike(t.lower))) return false;
  }
  return false;
}

/** Speech verbs that take no noun object: a noun phrase after them is the inverted speaker. */
const NO_OBJECT =
  /^(?:say|says|said|added|adds|argued|argues|insisted|insists|explained|explains|countered|counters|cautioned|cautions)$/;

/** A noun phrase after the cue that ends the sentence: "said Batchelder.", "said one GOP source in the room." */
function invertedAfter(tokens: ClauseToken[], ce: number, verb: string): boolean {
  const np = subjectAfter(tokens, ce);
  if (!np || !isTail(tokens, np.end)) return false;
  // The sentence ends, or for a verb that takes no object an adjunct does: "said one GOP
  // source in the room." (not "noted the rule in the interview").
  const after = tokens[np.end];
  if (after && !END.test(after.raw) && !(NO_OBJECT.test(verb) && shortAdjunct(tokens, np.end)))
    return false;
  for (let k = np.start; k < np.end; k++) {
    const t = tokens[k]!;
    if (t.isWord && !t.capital && isVerbLike(t.lower) && !/^(?:who|which)$/.test(t.lower))
      return false;
  }
  return true;
}

/**
 * "“…,” Malkia Cyril, the executive director at the Center …, who is also featured in the film,
 * told …": a quote, then a name and an appositive chain longer than the subject finder passes,
 * then a comma and the cue. Returns the closing mark as the boundary and the name and chain.
 */
function longSubjectAfterQuote(
  tokens: ClauseToken[],
  cs: number,
): { b: number; sub: { start: number; end: number } } | null {
  if (tokens[cs - 1]?.raw !== ',') return null;
  let k = cs - 2;
  while (k >= 0 && !tokens[k]!.quoted && cs - k < 45) k--;
  // k is the last quoted word; its closing mark follows.
  const mark = k + 1;
  if (k < 0 || !/^["”’']$|^''$/.test(tokens[mark]?.raw ?? '')) return null;
  let s = mark + 1;
  while (s < cs && !tokens[s]!.isWord) s++;
  if (s >= cs - 3 || !tokens[s]!.capital) return null;
  return { b: mark, sub: { start: s, end: cs - 1 } };
}

/** "supported by far fewer publications", "endorsed by dozens of papers": a lower-case agent up to the next clause. */
function bareAgent(tokens: ClauseToken[], k: number): { start: number; end: number } | null {
  const first = tokens[k];
  if (!first?.isWord || first.quoted || isVerbLike(first.lower) || NOT_AGENT.test(first.lower))
    return null;
  let e = k;
  while (
    e < tokens.length &&
    e - k < 8 &&
    tokens[e]!.isWord &&
    !tokens[e]!.quoted &&
    !/^(?:that|who|which|when|because|after|before|while|to|for|as|in|on|at|during)$/.test(
      tokens[e]!.lower,
    )
  )
    e++;
  return e > k ? { start: k, end: e } : null;
}

/** A "by" within a few words after the cue, with no punctuation or clause word before it. */
function laterBy(tokens: ClauseToken[], ce: number): number {
  for (let k = ce; k < tokens.length && k < ce + 8; k++) {
    const t = tokens[k]!;
    if (t.quoted || !t.isWord || /^(?:that|who|which|when|because|and|but|or|to|in)$/.test(t.lower))
      return -1;
    if (t.lower === 'by') return k;
  }
  return -1;
}

const NOT_AGENT = /^(?:that|this|it|its|the|a|an|to|of|in|on|at|for|with|from|and|or|but|not)$/;

/** A be-form among the cue's auxiliaries and a participle head: "was first reported", "has been called". */
function isPassive(tokens: ClauseToken[], cs: number, i: number): boolean {
  if (!/(?:ed|en|wn|ld|id|ght|ne)$/.test(tokens[i]!.lower)) return false;
  for (let k = cs; k < i; k++)
    if (/^(?:is|are|was|were|be|been|being|'s|'re)$/.test(tokens[k]!.lower)) return true;
  return false;
}

const LY_NOUNS =
  /^(?:family|ally|rally|assembly|supply|july|belly|bully|fly|reply|anomaly|monopoly|homily|italy|daily|weekly|monthly|early|only)$/;

/** A manner adverb that belongs to the cue ("politely suggested"). */
function isAdverb(raw: string): boolean {
  return /^[a-z]{3,}ly$/.test(raw) && !LY_NOUNS.test(raw);
}

/** True when nothing after token k can be the content: the sentence ends or an adjunct follows. */
function isTail(tokens: ClauseToken[], k: number): boolean {
  const t = tokens[k];
  if (!t) return true;
  if (END.test(t.raw) || t.raw === ',' || t.raw === '—' || t.raw === ')') return true;
  if (t.quoted || t.raw === ':') return false;
  if (
    /^(?:in|on|at|during|after|before|while|when|as|via|through|from|over|to|with|about|of|for|last|this|earlier|later|recently|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|again|then|too|also|afterward|afterwards|repeatedly|pleasantly|sarcastically|simply|now|once|previously|flatly|firmly|bluntly|quietly)$/.test(
      t.lower,
    )
  ) {
    // An adjunct is a tail unless a complement follows ("said on Tuesday that …").
    for (let j = k; j < tokens.length && j < k + 14; j++) {
      const u = tokens[j]!;
      if (isComplementiser(tokens, j) || u.raw === ':' || u.quoted) return false;
      if (END.test(u.raw)) return true;
      // "said in a statement, adding that …": the participle has its own content.
      if (u.raw === ',' && /ing$|^according$/.test(tokens[j + 1]?.lower ?? '')) return true;
    }
    return true;
  }
  return false;
}

const OPENERS =
  /^(?:on|in|at|during|after|before|earlier|later|meanwhile|however|still|but|and|yet|so|also|then|now|last|this|yesterday|today|tonight|separately|instead|indeed|moreover|besides|perhaps|for|with|when|while|as|since|despite|though|although|if)$/;

/** The sentence-initial subject: a pronoun or a run of capitalised words, after an opening adjunct. */
function mainSubject(tokens: ClauseToken[]): Span | null {
  let k = 0;
  while (k < tokens.length && !tokens[k]!.isWord) k++;
  // "On Thursday, however, Vale …", "But Vale …".
  for (let guard = 0; guard < 3 && tokens[k] && OPENERS.test(tokens[k]!.lower); guard++) {
    if (/^(?:but|and|yet|so|also|then|still|however|now)$/.test(tokens[k]!.lower)) {
      k++;
      if (tokens[k]?.raw === ',') k++;
      continue;
    }
    let c = k + 1;
    while (c < tokens.length && c - k < 14 && tokens[c]!.raw !== ',') c++;
    if (tokens[c]?.raw !== ',') return null;
    k = c + 1;
  }
  // "“Promise mama …,” Blige sings": a quote opening the sentence has no subject to give.
  if (tokens[k]?.quoted) return null;
  return nounPhraseAt(tokens, k);
}

/** A pronoun, a determiner and its noun phrase up to the verb, or a run of capitalised words at token k. */
function nounPhraseAt(tokens: ClauseToken[], k: number): Span | null {
  const first = tokens[k];
  if (!first) return null;
  if (PRONOUNS.has(first.lower)) return { start: first.start, end: first.end };
  let e = k;
  if (
    /^(?:the|a|an|this|these|those|his|her|their|its|our|several|many|some|most|both|other|two|three|four|five)$/.test(
      first.lower,
    )
  ) {
    // "The harbour authority …": a determiner and its noun phrase, up to the verb.
    e = k + 1;
    while (
      e < tokens.length &&
      e - k < 7 &&
      tokens[e]!.isWord &&
      !/^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|do|does|did|should|must|who|which|that|on|in|at|during|after|before|with)$/.test(
        tokens[e]!.lower,
      ) &&
      !cueClass(tokens[e]!.lower) &&
      !(/ed$/.test(tokens[e]!.lower) && !tokens[e]!.capital)
    )
      e++;
    return e > k + 1 && e - k < 7 ? { start: first.start, end: tokens[e - 1]!.end } : null;
  }
  while (
    e < tokens.length &&
    tokens[e]!.isWord &&
    (tokens[e]!.capital || tokens[e]!.lower === "'s")
  )
    e++;
  return e > k && e - k <= 6 ? { start: first.start, end: tokens[e - 1]!.end } : null;
}

const RAISING = /^(?:seem|seems|seemed|appear|appears|appeared)$/;
const BE = /^(?:is|are|was|were|be|been|being|'s|'re)$/;

/**
 * "The race seemed to tighten", "Vale is expected to win": a stance with no speaker; the
 * content is the subject and what follows (one span over both, cue inside).
 */
function raisingFrame(
  text: string,
  tokens: ClauseToken[],
  unit: Span,
  quotes: QuotedSpan[],
  i: number,
): Frame | null {
  const next = tokens[i + 1];
  if (!next || !/^(?:to|that|like|as)$/.test(next.lower)) return null;
  let cs = i;
  while (
    cs > 0 &&
    !tokens[cs - 1]!.quoted &&
    (CUE_PREFIX.has(tokens[cs - 1]!.lower) || BE.test(tokens[cs - 1]!.lower))
  )
    cs--;
  const b = leftBoundary(tokens, cs);
  const from = tokens[b + 1];
  if (!from || b + 1 >= cs) return null;
  const span = trimContent(text, { start: from.start, end: unit.end });
  if (!span) return null;
  return {
    ...classify(text, span, quotes),
    source: null,
    cue: cueSpan(tokens, cs, i + 1),
    confidence: 0.4,
    speech: false,
  };
}

/** "“We will rebuild.” ― Ana Rell": a dash and a name after a quote sign it. */
function signatureFrame(
  text: string,
  tokens: ClauseToken[],
  quotes: QuotedSpan[],
  i: number,
): Frame | null {
  const q = quoteEndingAt(quotes, tokens[i]!.start, text);
  if (!q) return null;
  let e = i + 1;
  while (
    e < tokens.length &&
    e - i <= 5 &&
    tokens[e]!.isWord &&
    tokens[e]!.capital &&
    !tokens[e]!.quoted
  )
    e++;
  // The name ends at a non-word or at the next quote ("“…” ― Ana Rell “…”").
  if (e === i + 1 || (tokens[e] && tokens[e]!.isWord && !tokens[e]!.quoted)) return null;
  return {
    kind: 'direct',
    source: { start: tokens[i + 1]!.start, end: tokens[e - 1]!.end },
    cue: { start: tokens[i]!.start, end: tokens[i]!.end },
    content: q.inner,
    confidence: 0.6,
  };
}

/** Capitalised labels that are no transcript speaker ("WARNING: Video contains …"). */
const NOT_A_SPEAKER =
  /^(?:WARNING|CLARIFICATION|CORRECTION|CORRECTIONS|UPDATE|UPDATED|NOTE|ABSTRACT|PHOTOS?|VIDEO|WATCH|READ|RELATED|BREAKING|EXCLUSIVE|DISCLAIMER|DISCLOSURE|SOURCES?|ADVERTISEMENT|MORE|ALSO|EDITOR|CAPTION)$/;

/** "Vale: “We will rebuild.”" — a name and a colon open the unit. */
function colonFrame(
  text: string,
  tokens: ClauseToken[],
  unit: Span,
  quotes: QuotedSpan[],
): Frame | null {
  // Transcripts: "WALLACE: Let's start …", even inside an unclosed quote.
  let h = 0;
  while (h < tokens.length && !tokens[h]!.isWord) h++;
  const speakerTag =
    tokens[h] &&
    /^\p{Lu}{2,}$/u.test(tokens[h]!.raw) &&
    !NOT_A_SPEAKER.test(tokens[h]!.raw) &&
    tokens[h + 1]?.raw === ':'
      ? h
      : -1;
  const c = speakerTag >= 0 ? h + 1 : tokens.findIndex((t) => t.raw === ':' && !t.quoted);
  if (c < 1 || c > 8 || c + 1 >= tokens.length) return null;
  const head = tokens.slice(speakerTag >= 0 ? h : 0, c);
  if (speakerTag >= 0) {
    const t = tokens[h]!;
    const span = trimContent(text, { start: tokens[c + 1]!.start, end: unit.end });
    if (!span) return null;
    return {
      kind: 'direct',
      source: { start: t.start, end: t.end },
      cue: { start: tokens[c]!.start, end: tokens[c]!.end },
      content: span,
      confidence: 0.6,
    };
  }
  if (!head[0]!.capital || head.some((t) => t.quoted || (t.isWord && cueClass(t.lower))))
    return null;
  if (
    head.some((t) =>
      /^(?:note|latest|twitter|update|photo|photos|watch|read|related|source|sources|analysis|exclusive|breaking|opinion|video|editor|editors|correction|disclosure|warning|here|this|that|it)$/i.test(
        t.raw,
      ),
    )
  )
    return null;
  // The content after the colon must be a quote, or a headline ("Vale: Orrin Will Rebuild"):
  // a short capitalised name, then capitalised words with no final stop.
  if (
    !tokens[c + 1]!.quoted &&
    !/["“„«‘]/.test(text[tokens[c + 1]!.start - 1] ?? '') &&
    !isHeadline(text, tokens, c, unit) &&
    // The text's title: "Sanders: Clinton needs to …" is a headline attribution whatever follows.
    !(atTextStart(text, unit.start) && tokens.length - c > 4)
  )
    return null;
  if (!head.some((t) => t.capital && t.isWord && !/^(?:The|A|An)$/.test(t.raw))) return null;
  const sub = subjectSpan(tokens, 0, c);
  if (!sub) return null;
  const span = trimContent(text, {
    start: tokens[c + 1]!.start - (tokens[c + 1]!.quoted ? 1 : 0),
    end: unit.end,
  });
  if (!span) return null;
  return {
    ...classify(text, span, quotes),
    source: tokenSpan(tokens, sub),
    cue: { start: tokens[c]!.start, end: tokens[c]!.end },
    confidence: 0.5,
  };
}

/**
 * "Hillary Clinton Speaks ‘Directly To White People’ …": in a title-case title, a capitalised
 * verb of the lexicon or the mined vocabulary in the -s form after a short capitalised subject.
 */
function titleFrame(
  text: string,
  tokens: ClauseToken[],
  unit: Span,
  quotes: QuotedSpan[],
  model: CueModel | null,
): Frame | null {
  if (!atTextStart(text, unit.start)) return null;
  const words = tokens.filter((t) => t.isWord);
  if (words.length < 4 || words.filter((t) => t.capital).length < words.length * 0.7) return null;
  for (let k = 1; k < 6 && k < tokens.length - 2; k++) {
    const t = tokens[k]!;
    if (!t.isWord || !t.capital || t.quoted) return null;
    if (
      !/[a-z]s$/.test(t.raw) ||
      !(cueClass(t.lower) || model?.vocab.has(t.lower)) ||
      /^(?:news|times|states|officials|democrats|republicans|voters|parents|leaders|lawmakers)$/.test(
        t.lower,
      )
    )
      continue;
    let ce = k + 1;
    if (/^(?:Up|After|With|Out|For|Against|Back)$/.test(tokens[ce]!.raw)) ce++;
    const span = trimContent(text, { start: tokens[ce]!.start, end: unit.end });
    if (!span) return null;
    return {
      ...classify(text, span, quotes),
      source: { start: tokens[0]!.start, end: tokens[k - 1]!.end },
      cue: cueSpan(tokens, k, ce),
      confidence: 0.5,
    };
  }
  return null;
}

/** True when only spaces precede `at` (stops at the first other character). */
function atTextStart(text: string, at: number): boolean {
  for (let i = 0; i < at; i++) if (!/\s/.test(text[i]!)) return false;
  return true;
}

function isHeadline(text: string, tokens: ClauseToken[], c: number, unit: Span): boolean {
  const head = tokens.slice(0, c);
  if (head.length > 3 || !head.every((t) => t.isWord && t.capital)) return false;
  const rest = tokens.slice(c + 1).filter((t) => t.isWord);
  if (rest.length < 3 || !rest[0]!.capital) return false;
  const capitals = rest.filter((t) => t.capital).length;
  // A title opens the text, or ends without a stop.
  const first = atTextStart(text, unit.start);
  return (
    capitals >= rest.length * 0.6 &&
    (first || !/[.!?]["”’]?\s*$/.test(text.slice(unit.start, unit.end)))
  );
}

/** "according to X, …", "…, according to X.", "по словам X, …", "по его словам". */
function accordingFrame(
  text: string,
  tokens: ClauseToken[],
  unit: Span,
  quotes: QuotedSpan[],
  i: number,
  after: number,
  possessive = -1,
): Frame | null {
  let srcEnd = after;
  let source: Span | null;
  if (possessive >= 0) {
    const p = tokens[possessive]!;
    source = { start: p.start, end: p.end };
  } else {
    while (
      srcEnd < tokens.length &&
      srcEnd - after < 16 &&
      !tokens[srcEnd]!.quoted &&
      !/^[,.;:!?"“”«»—]$/.test(tokens[srcEnd]!.raw)
    )
      srcEnd++;
    if (srcEnd === after) return null;
    source = { start: tokens[after]!.start, end: tokens[srcEnd - 1]!.end };
  }
  const cue = { start: tokens[i]!.start, end: tokens[after - 1]!.end };
  // Words before the cue (skipping an opening conjunction): none → the content follows.
  let k = 0;
  while (
    k < i &&
    (!tokens[k]!.isWord || /^(?:but|and|yet|so|also|however|а|но|и)$/.test(tokens[k]!.lower))
  )
    k++;
  let span: Span | null;
  if (k === i) {
    let s = srcEnd;
    while (s < tokens.length && /^[,:—]$/.test(tokens[s]!.raw)) s++;
    if (s >= tokens.length) return null;
    const first = tokens[s]!;
    let start = first.start;
    if (first.quoted && /["“„«‘'‹]/.test(text[start - 1] ?? '')) start--;
    span = trimContent(text, { start, end: unit.end });
  } else if (isEndOfUnit(tokens, srcEnd)) {
    span = trimContent(text, { start: unit.start, end: tokens[i]!.start });
  } else {
    span = trimContent(text, unit);
  }
  if (!span) return null;
  return frameOf(classify(text, span, quotes), source, cue, 0.8);
}

function isEndOfUnit(tokens: ClauseToken[], k: number): boolean {
  for (let j = k; j < tokens.length; j++) if (!/^[.!?;"”»)]$/.test(tokens[j]!.raw)) return false;
  return true;
}
