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
  for (const ch of w) {
    if (/\p{Lu}/u.test(ch)) s += 'X';
    else if (/\p{Ll}/u.test(ch)) s += 'x';
    else if (/\p{N}/u.test(ch)) s += 'd';
    else s += ch;
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
    for (let n = Math.min(res.gazetteerMaxLength, lower.length - i); n >= 1; n--) {
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

/** The static (tag-independent) features of every token of one sentence. */
export function sentenceFeatures(
  words: readonly string[],
  res: TaggerResources,
  doc: DocumentEvidence,
): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shapeOf);
  const short = shapes.map(shortShape);
  const caps = isAllCaps(words);
  const cap = lower.map((l) => res.capitalisation.get(l) ?? 'N');
  const cl = lower.map((l) => res.clusters.get(l.replace(/\d/g, '0')) ?? '-');
  const gaz = gazetteerMarks(lower, res);
  const at = (arr: readonly string[], i: number, edge: string) =>
    i < 0 ? `<${edge}` : i >= n ? `>${edge}` : arr[i]!;
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = lower[i]!;
    const first = isInitial(words, i);
    const f = [
      'b',
      `w=${w}`,
      `w-1=${at(lower, i - 1, '')}`,
      `w+1=${at(lower, i + 1, '')}`,
      `w-2=${at(lower, i - 2, '')}`,
      `w+2=${at(lower, i + 2, '')}`,
      `w-1w=${at(lower, i - 1, '')}|${w}`,
      `ww+1=${w}|${at(lower, i + 1, '')}`,
      `ss=${short[i]}`,
      `ss-1=${at(short, i - 1, '')}`,
      `ss+1=${at(short, i + 1, '')}`,
      `ss-1ss=${at(short, i - 1, '')}|${short[i]}`,
      `ssss+1=${short[i]}|${at(short, i + 1, '')}`,
      `cap=${cap[i]}|${caps ? 'AC' : first ? 'F' : short[i]}`,
      `cap-1=${at(cap, i - 1, '')}|${at(short, i - 1, '')}`,
      `cap+1=${at(cap, i + 1, '')}|${at(short, i + 1, '')}`,
      `cl=${cl[i]}`,
      `cl-1=${at(cl, i - 1, '')}`,
      `cl+1=${at(cl, i + 1, '')}`,
      `clss=${cl[i]}|${short[i]}`,
    ];
    if (shapes[i]!.length <= 6) f.push(`sh=${shapes[i]}`);
    if (first) f.push(`first|ss=${short[i]}`);
    if (caps) f.push('AC', `AC|w=${w}`);
    if (w.length > 3) {
      for (let k = 1; k <= 4 && k < w.length; k++)
        f.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(-k)}`);
    }
    if (doc.capitalised.has(w)) f.push(`dc|${first || caps ? 'F' : 'M'}`);
    if (doc.lower.has(w)) f.push(`dl|${first || caps ? 'F' : 'M'}`);
    for (const g of gaz[i]!) f.push(g);
    for (const g of i > 0 ? gaz[i - 1]! : []) f.push(`-1${g}`);
    for (const g of i + 1 < n ? gaz[i + 1]! : []) f.push(`+1${g}`);
    out.push(f);
  }
  return out;
}
