/**
 * Time expressions on TempEval-3 training data (TimeBank + AQUAINT, 256 TimeML documents).
 *
 *   npm run bench:time
 *   npm run bench:time -- --data ../shared/data/tempeval3/train --errors 15 --no-chrono
 *
 * Each document's text is its <TEXT> element with the tags stripped; gold spans are the
 * TIMEX3 elements in it, and the reference date is the document creation time (DCT).
 * Scores as in ../shared/data/README.md: relaxed (overlap) and strict (equal offsets) span
 * precision/recall/F1; value F1 counts a relaxed match with the same normalised value;
 * value accuracy is the share of relaxed matches with the right value. Speed is
 * extractTimes alone (sentence splitting is reported apart), plus chrono-node's English
 * parser on the same texts for comparison.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as chrono from 'chrono-node';
import { splitSentences } from '../src/3-analyse/sentences.js';
import { findCandidates } from '../src/3-analyse/time/candidates.js';
import { extractTimes } from '../src/3-analyse/time/extract-times.js';
import type { Sentence, TimeExpression } from '../src/types.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DATA = resolve(REPO_ROOT, '..', 'shared', 'data', 'tempeval3', 'train');

interface Gold {
  start: number;
  end: number;
  type: string;
  value: string;
  text: string;
}

interface Doc {
  id: string;
  dct: string | null;
  text: string;
  gold: Gold[];
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function tmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return tmlFiles(path);
      return name.endsWith('.tml') ? [path] : [];
    });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        )
      : ENTITIES[e.toLowerCase()]!,
  );

function attr(tag: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
}

/** Strips the tags of <TEXT>, keeping TIMEX3 offsets into the stripped, entity-decoded text. */
export function parseTml(id: string, xml: string): Doc {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0];
  const dct = dctTag ? attr(dctTag, 'value').slice(0, 10) : null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: Gold[] = [];
  let open: { start: number; type: string; value: string } | null = null;
  const re = /<[^>]+>|[^<]+/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const tok = m[0];
    if (tok.startsWith('<TIMEX3'))
      open = { start: text.length, type: attr(tok, 'type'), value: attr(tok, 'value') };
    else if (tok.startsWith('</TIMEX3') && open) {
      gold.push({ ...open, end: text.length, text: text.slice(open.start, text.length) });
      open = null;
    } else if (!tok.startsWith('<')) text += decode(tok);
  }
  return { id, dct: dct && /^\d{4}-\d{2}-\d{2}$/.test(dct) ? dct : null, text, gold };
}

interface Counts {
  pred: number;
  gold: number;
  relaxed: number;
  strict: number;
  value: number;
  type: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** One-to-one matching: each gold span takes the first unmatched prediction overlapping it. */
function score(
  pred: TimeExpression[],
  gold: Gold[],
  c: Counts,
  errors: ErrorLog,
  doc: Doc,
  rules: Map<number, string>,
): void {
  c.pred += pred.length;
  c.gold += gold.length;
  const used = new Set<number>();
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used.has(k) && p.start < g.end && g.start < p.end);
    if (i < 0) {
      errors.missed.add(shape(g.text), `${g.text} [${g.value}] in ${doc.id}`);
      continue;
    }
    used.add(i);
    const p = pred[i]!;
    c.relaxed++;
    if (p.start === g.start && p.end === g.end) c.strict++;
    else errors.boundary.add(`${rules.get(p.start) ?? '?'}`, `"${p.text}" vs gold "${g.text}"`);
    if (p.type === g.type) c.type++;
    if (p.value === g.value) c.value++;
    else
      errors.value.add(
        `${rules.get(p.start) ?? '?'} (gold ${g.type})`,
        `"${g.text}" ${p.value} vs gold ${g.value} (dct ${doc.dct})`,
      );
  }
  pred.forEach((p, k) => {
    if (!used.has(k))
      errors.spurious.add(rules.get(p.start) ?? '?', `"${p.text}" ${p.value} in ${doc.id}`);
  });
}

/** A category key for a missed phrase: lower case, digits as 9. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d/g, '9');
}

class Tally {
  private readonly map = new Map<string, { n: number; examples: string[] }>();
  add(key: string, example: string): void {
    const e = this.map.get(key) ?? { n: 0, examples: [] };
    e.n++;
    if (e.examples.length < 3) e.examples.push(example);
    this.map.set(key, e);
  }
  top(k: number): Array<[string, { n: number; examples: string[] }]> {
    return [...this.map.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, k);
  }
  total(): number {
    let n = 0;
    for (const v of this.map.values()) n += v.n;
    return n;
  }
}

interface ErrorLog {
  missed: Tally;
  spurious: Tally;
  value: Tally;
  boundary: Tally;
}

function main(): void {
  const data = resolve(argValue('--data') ?? DEFAULT_DATA);
  const showErrors = Number(argValue('--errors') ?? 12);
  // The same document can sit in two folders (TimeBank and testpipeline): score it once.
  const seen = new Set<string>();
  const files = tmlFiles(data).filter((f) => {
    const name = f.slice(f.lastIndexOf('/') + 1);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  const docs = files.map((f) => parseTml(f.slice(data.length + 1), readFileSync(f, 'utf8')));
  if (docs.length === 0) throw new Error(`bench:time: no .tml files under ${data}`);

  const t0 = performance.now();
  const sentences: Sentence[][] = docs.map((d) => splitSentences(d.text, [], 'en'));
  const splitMs = performance.now() - t0;

  // The machine is shared: time three passes and keep the fastest (the first also warms the JIT up).
  let predictions: TimeExpression[][] = [];
  let extractMs = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t1 = performance.now();
    predictions = docs.map((d, i) =>
      extractTimes(d.text, sentences[i]!, { published: d.dct, language: 'en' }),
    );
    extractMs = Math.min(extractMs, performance.now() - t1);
  }

  let chronoMs: number | null = null;
  if (!process.argv.includes('--no-chrono')) {
    const t2 = performance.now();
    for (const d of docs)
      chrono.en.parse(d.text, d.dct ? new Date(`${d.dct}T12:00:00Z`) : new Date());
    chronoMs = performance.now() - t2;
  }

  const c: Counts = { pred: 0, gold: 0, relaxed: 0, strict: 0, value: 0, type: 0 };
  const errors: ErrorLog = {
    missed: new Tally(),
    spurious: new Tally(),
    value: new Tally(),
    boundary: new Tally(),
  };
  docs.forEach((d, i) => {
    const rules = new Map(findCandidates(d.text, 'en').map((x) => [x.start, x.rule]));
    score(predictions[i]!, d.gold, c, errors, d, rules);
  });

  const pr = (n: number): { p: number; r: number; f: number } => {
    const p = c.pred ? n / c.pred : 0;
    const r = c.gold ? n / c.gold : 0;
    return { p, r, f: f1(p, r) };
  };
  const relaxed = pr(c.relaxed);
  const strict = pr(c.strict);
  const value = pr(c.value);
  const pct = (x: number): string => (100 * x).toFixed(1);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(
    `TempEval-3 train: ${docs.length} documents, ${c.gold} gold TIMEX3, ${c.pred} predicted (${data})`,
  );
  console.log(
    `relaxed  P ${pct(relaxed.p)}  R ${pct(relaxed.r)}  F1 ${pct(relaxed.f)}   (HeidelTime test 90.3)`,
  );
  console.log(
    `strict   P ${pct(strict.p)}  R ${pct(strict.r)}  F1 ${pct(strict.f)}   (HeidelTime test 81.3)`,
  );
  console.log(
    `value    P ${pct(value.p)}  R ${pct(value.r)}  F1 ${pct(value.f)}   (HeidelTime test 77.6)`,
  );
  console.log(
    `value accuracy on matches ${pct(c.value / Math.max(1, c.relaxed))}%, type accuracy ${pct(c.type / Math.max(1, c.relaxed))}%`,
  );
  console.log(
    `speed: extractTimes ${(extractMs / docs.length).toFixed(3)} ms/doc (${Math.round((chars / extractMs) * 1000).toLocaleString('en')} chars/s), sentence split ${(splitMs / docs.length).toFixed(3)} ms/doc` +
      (chronoMs === null
        ? ''
        : `, chrono-node en.parse ${(chronoMs / docs.length).toFixed(3)} ms/doc`),
  );
  const section = (title: string, t: Tally): void => {
    console.log(`\n${title} (${t.total()}):`);
    for (const [k, v] of t.top(showErrors))
      console.log(`  ${String(v.n).padStart(4)}  ${k}   e.g. ${v.examples.join(' | ')}`);
  };
  section('missed gold expressions, by shape', errors.missed);
  section('spurious predictions, by rule', errors.spurious);
  section('wrong values, by rule', errors.value);
  section('boundary differences (relaxed but not strict), by rule', errors.boundary);
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  console.log(
    'RESULT ' +
      JSON.stringify({
        docs: docs.length,
        relaxedF1: round(relaxed.f),
        strictF1: round(strict.f),
        valueF1: round(value.f),
        valueAccuracy: round(c.value / Math.max(1, c.relaxed)),
        msPerDoc: round(extractMs / docs.length),
        chronoMsPerDoc: chronoMs === null ? null : round(chronoMs / docs.length),
      }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
