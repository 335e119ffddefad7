/**
 * Token features for the entity tagger. Everything here is a pure function of the
 * sentence's tokens, the document they sit in and the model's resources (gazetteers,
 * capitalisation statistics from unlabelled news text).
 */

/** What the model ships besides its weights. */
export interface TaggerResources {
  /** Lower-cased phrase → gazetteer classes ("LOC", "PER", "FN" first name, ...). */
  gazetteer: Map<string, string[]>;
  /** Longest gazetteer phrase, in tokens. */
  gazetteerMaxLength: number;
  /** First words of multi-word gazetteer phrases. */
  gazetteerStarts: Set<string>;
  /** Lower-cased word → how it is written in running news text: "U" capitalised, "M" mixed, "L" lower case. */
  capitalisation: Map<string, string>;
  /** Lower-cased word → a distributional cluster id learnt from unlabelled text. */
  clusters: Map<string, string>;
}

/** What the document says about a word elsewhere: seen capitalised mid-sentence, seen lower case. */
export interface DocumentEvidence {
  capitalised: Set<string>;
  lower: Set<string>;
}

const OPENERS = new Set(['"', '“', '«', '„', "'", '‘', '(', '[', ':', '-', '—', '–']);

export function shapeOf(w: string): string {
  let s = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) s += 'X';
    else if (c >= 97 && c <= 122) s += 'x';
    else if (c >= 48 && c <= 57) s += 'd';
    else if (c < 128) s += w[i];
    else {
      const ch = w[i]!;
      s +=
        ch.toLowerCase() !== ch
          ? 'X'
          : ch.toUpperCase() !== ch
            ? 'x'
            : /\p{N}/u.test(ch)
              ? 'd'
              : ch;
    }
  }
  return s;
}

export function shortShape(shape: string): string {
  return shape.replace(/(.)\1+/g, '$1');
}

/** True when a sentence is set in capitals (headlines, datelines): case then says nothing. */
export function isAllCaps(words: readonly string[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue;
    if (w === w.toUpperCase()) upper++;
    else lower++;
  }
  return upper >= 2 && upper > lower * 3;
}

/** Whether token i starts a sentence or a quoted/parenthesised stretch. */
export function isInitial(words: readonly string[], i: number): boolean {
  return i === 0 || OPENERS.has(words[i - 1]!);
}

/** Gazetteer classes per token: "B-LOC" / "I-LOC" for multi-word matches, the class for single words. */
export function gazetteerMarks(lower: readonly string[], res: TaggerResources): string[][] {
  const marks: string[][] = lower.map(() => []);
  for (let i = 0; i < lower.length; i++) {
    const longest = res.gazetteerStarts.has(lower[i]!) ? res.gazetteerMaxLength : 1;
    for (let n = Math.min(longest, lower.length - i); n >= 1; n--) {
      const classes = res.gazetteer.get(n === 1 ? lower[i]! : lower.slice(i, i + n).join(' '));
      if (!classes) continue;
      for (const c of classes) {
        if (n === 1) marks[i]!.push(`g=${c}`);
        else {
          marks[i]!.push(`gB=${c}`);
          for (let k = 1; k < n; k++) marks[i + k]!.push(`gI=${c}`);
        }
      }
      if (n > 1) break;
    }
  }
  return marks;
}

/** Collects document evidence: which words appear capitalised mid-sentence, which in lower case. */
export function documentEvidence(sentences: readonly string[][]): DocumentEvidence {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const words of sentences) {
    if (isAllCaps(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!/^\p{L}/u.test(w)) continue;
      if (/^\p{Lu}/u.test(w)) {
        if (!isInitial(words, i)) capitalised.add(w.toLowerCase());
      } else lower.add(w);
    }
  }
  return { capitalised, lower };
}

export interface WordInfo {
  lower: string;
  shape: string;
  short: string;
  cap: string;
  cluster: string;
}

const EDGE: WordInfo = { lower: '<', shape: '<', short: '<', cap: '<', cluster: '<' };
const END: WordInfo = { lower: '>', shape: '>', short: '>', cap: '>', cluster: '>' };

export function infoOf(word: string | undefined, res: TaggerResources, edge = EDGE): WordInfo {
  if (word === undefined) return edge;
  const lower = word.toLowerCase();
  const shape = shapeOf(word);
  return {
    lower,
    shape,
    short: shortShape(shape),
    cap: res.capitalisation.get(lower) ?? 'N',
    cluster: res.clusters.get(lower.replace(/\d/g, '0')) ?? '-',
  };
}

/**
 * Feature groups that depend on one word only (and the model's resources), so a tagger
 * can cache their summed weights per word: the word itself, and the word seen as the
 * left/right neighbour (one or two away) of the token being tagged.
 */
export const WORD_GROUPS = ['self', 'left', 'right', 'left2', 'right2'] as const;
export type WordGroup = (typeof WORD_GROUPS)[number];

export function wordGroupFeatures(
  group: WordGroup,
  word: string | undefined,
  res: TaggerResources,
): string[] {
  const x = infoOf(word, res, group.startsWith('left') ? EDGE : END);
  switch (group) {
    case 'self': {
      const f = [
        'b',
        `w=${x.lower}`,
        `ss=${x.short}`,
        `cl=${x.cluster}`,
        `clss=${x.cluster}|${x.short}`,
      ];
      if (x.shape.length <= 6) f.push(`sh=${x.shape}`);
      const w = x.lower;
      if (w.length > 3) {
        for (let k = 1; k <= 4 && k < w.length; k++)
          f.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(-k)}`);
      }
      return f;
    }
    case 'left':
      return [
        `w-1=${x.lower}`,
        `ss-1=${x.short}`,
        `cap-1=${x.cap}|${x.short}`,
        `cl-1=${x.cluster}`,
      ];
    case 'right':
      return [
        `w+1=${x.lower}`,
        `ss+1=${x.short}`,
        `cap+1=${x.cap}|${x.short}`,
        `cl+1=${x.cluster}`,
      ];
    case 'left2':
      return [`w-2=${x.lower}`];
    case 'right2':
      return [`w+2=${x.lower}`];
  }
}

/** Per token: where each cacheable part of its features comes from. */
export interface TokenParts {
  /** The words of the word-group features (undefined past a sentence edge). */
  words: Record<WordGroup, string | undefined>;
  left: WordInfo;
  self: WordInfo;
  right: WordInfo;
  /** "caps first dc dl" as four 0/1 digits (see flagFeatures). */
  flags: string;
  /** Gazetteer matches of this token and its neighbours. */
  gazetteer: string[];
}

export function pairLeftFeatures(l: WordInfo, x: WordInfo): string[] {
  return [`w-1w=${l.lower}|${x.lower}`, `ss-1ss=${l.short}|${x.short}`];
}

export function pairRightFeatures(x: WordInfo, r: WordInfo): string[] {
  return [`ww+1=${x.lower}|${r.lower}`, `ssss+1=${x.short}|${r.short}`];
}

/** Features of a word in its sentence position: all-caps sentence, sentence-initial, seen capitalised / lower case elsewhere. */
export function flagFeatures(x: WordInfo, flags: string): string[] {
  const caps = flags[0] === '1';
  const first = flags[1] === '1';
  const f = [`cap=${x.cap}|${caps ? 'AC' : first ? 'F' : x.short}`];
  if (first) f.push(`first|ss=${x.short}`);
  if (caps) f.push('AC', `AC|w=${x.lower}`);
  if (flags[2] === '1') f.push(`dc|${first || caps ? 'F' : 'M'}`);
  if (flags[3] === '1') f.push(`dl|${first || caps ? 'F' : 'M'}`);
  return f;
}

/** The static (tag-independent) features of every token of one sentence, split into cacheable parts. */
export function sentenceParts(
  words: readonly string[],
  res: TaggerResources,
  doc: DocumentEvidence,
  lookup: (word: string) => WordInfo = (w) => infoOf(w, res),
): TokenParts[] {
  const n = words.length;
  const info = words.map(lookup);
  const caps = isAllCaps(words);
  const gaz = gazetteerMarks(
    info.map((x) => x.lower),
    res,
  );
  const out: TokenParts[] = [];
  for (let i = 0; i < n; i++) {
    const x = info[i]!;
    const first = isInitial(words, i);
    const g: string[] = [...gaz[i]!];
    if (i > 0) for (const m of gaz[i - 1]!) g.push(`-1${m}`);
    if (i + 1 < n) for (const m of gaz[i + 1]!) g.push(`+1${m}`);
    out.push({
      words: {
        self: words[i],
        left: words[i - 1],
        right: words[i + 1],
        left2: words[i - 2],
        right2: words[i + 2],
      },
      left: info[i - 1] ?? EDGE,
      self: x,
      right: info[i + 1] ?? END,
      flags: `${caps ? 1 : 0}${first ? 1 : 0}${doc.capitalised.has(x.lower) ? 1 : 0}${doc.lower.has(x.lower) ? 1 : 0}`,
      gazetteer: g,
    });
  }
  return out;
}

/** Every static feature of every token of one sentence, as strings (for training). */
export function sentenceFeatures(
  words: readonly string[],
  res: TaggerResources,
  doc: DocumentEvidence,
): string[][] {
  return sentenceParts(words, res, doc).map((p) => [
    ...WORD_GROUPS.flatMap((g) => wordGroupFeatures(g, p.words[g], res)),
    ...pairLeftFeatures(p.left, p.self),
    ...pairRightFeatures(p.self, p.right),
    ...flagFeatures(p.self, p.flags),
    ...p.gazetteer,
  ]);
}
