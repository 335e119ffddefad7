/**
 * Attribution quality and speed on PolNeAR (Newell et al. 2018): Source / Cue / Content spans.
 *
 *   npm run bench:attribution                  # dev split (84 articles)
 *   npm run bench:attribution -- --split train # tune here
 *   npm run bench:attribution -- --examples 20 # print missed / spurious spans
 *
 * Scoring (../shared/data/README.md): a predicted span is correct exactly when its offsets equal
 * a gold span of the same role; overlap counts any shared character. A gold span annotated in
 * several fragments (brat `a b;c d`) counts as one gold span per fragment. Spans are compared
 * as sets per role (a speaker span shared by two quotes counts once). Where an article has
 * several annotators' files, each file is scored and the article's counts are their mean.
 *
 * Convention mapping: Parallax's direct-quote content is the text inside the marks; PolNeAR's
 * includes the marks, so the bench widens a direct quote's content by its marks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cueClass } from '../src/3-analyse/quotes/cue-lexicon.js';
import { extractQuotes } from '../src/3-analyse/quotes/extract-quotes.js';
import { splitSentences } from '../src/3-analyse/sentences.js';
import type { Quote, Span } from '../src/types.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = resolve(REPO_ROOT, '..', 'shared', 'data', 'polnear');
const ROLES = ['Source', 'Cue', 'Content'] as const;
type Role = (typeof ROLES)[number];

interface Options {
  split: string;
  examples: number;
  limit: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { split: 'dev', examples: 0, limit: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    if (a === '--split' && v) o.split = (i++, v);
    else if (a === '--examples' && v) o.examples = (i++, Number(v));
    else if (a === '--limit' && v) o.limit = (i++, Number(v));
    else if (a === '--help') {
      console.log('usage: attribution [--split dev|train] [--examples N] [--limit N]');
      process.exit(0);
    } else {
      console.error(`attribution: unknown argument "${a}" (try --help)`);
      process.exit(2);
    }
  }
  return o;
}

/** One annotator's attributions of one article. */
interface Gold {
  spans: Record<Role, Span[]>;
  /** Cue text of each attribution with its spans, for error categories. */
  attributions: Array<{ cue: string; content: string; spans: Partial<Record<Role, Span[]>> }>;
}

/** Parses brat standoff; T lines whose text runs over several lines continue on the next lines. */
export function parseAnn(ann: string, where: string): Gold {
  const t = new Map<string, { role: string; spans: Span[]; text: string }>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split('\n')) {
    const tm = /^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$/.exec(line);
    if (tm) {
      const spans = tm[3]!.split(';').map((p) => {
        const [a, b] = p.trim().split(/\s+/).map(Number);
        if (!Number.isInteger(a) || !Number.isInteger(b))
          throw new Error(`${where}: bad span "${p}"`);
        return { start: a!, end: b! };
      });
      t.set(tm[1]!, { role: tm[2]!, spans, text: tm[4]! });
      continue;
    }
    const em = /^E\d+\t(.*)$/.exec(line);
    if (em) {
      const ev: Record<string, string> = {};
      for (const part of em[1]!.trim().split(/\s+/)) {
        const [role, id] = part.split(':');
        if (role && id) ev[role] = id;
      }
      events.push(ev);
    }
  }
  const spans: Record<Role, Span[]> = { Source: [], Cue: [], Content: [] };
  for (const x of t.values()) {
    if ((ROLES as readonly string[]).includes(x.role)) spans[x.role as Role].push(...x.spans);
  }
  for (const r of ROLES) spans[r] = dedupe(spans[r]);
  const attributions = events.map((ev) => {
    const a: Partial<Record<Role, Span[]>> = {};
    for (const r of ROLES) if (ev[r] && t.get(ev[r]!)) a[r] = t.get(ev[r]!)!.spans;
    return {
      cue: ev.Cue ? (t.get(ev.Cue)?.text ?? '') : '',
      content: ev.Content ? (t.get(ev.Content)?.text ?? '') : '',
      spans: a,
    };
  });
  return { spans, attributions };
}

function dedupe(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const MARK = /["“”„«»‘’'‹›]/;

/** Parallax quotes → PolNeAR-style spans per role. */
export function predictedSpans(text: string, quotes: Quote[]): Record<Role, Span[]> {
  const out: Record<Role, Span[]> = { Source: [], Cue: [], Content: [] };
  for (const q of quotes) {
    if (q.source) out.Source.push({ start: q.source.start, end: q.source.end });
    if (q.cue) out.Cue.push({ start: q.cue.start, end: q.cue.end });
    let { start, end } = q.content;
    if (q.kind === 'direct') {
      if (MARK.test(text[start - 1] ?? '')) start -= text.slice(start - 2, start) === "''" ? 2 : 1;
      if (MARK.test(text[end] ?? '')) end += text.slice(end, end + 2) === "''" ? 2 : 1;
    }
    out.Content.push({ start, end });
  }
  for (const r of ROLES) out[r] = dedupe(out[r]);
  return out;
}

interface Counts {
  pred: number;
  gold: number;
  exactTp: number;
  overlapPred: number;
  overlapGold: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function score(pred: Span[], gold: Span[]): Counts {
  const key = new Set(gold.map((g) => `${g.start}:${g.end}`));
  return {
    pred: pred.length,
    gold: gold.length,
    exactTp: pred.filter((p) => key.has(`${p.start}:${p.end}`)).length,
    overlapPred: pred.filter((p) => gold.some((g) => overlaps(p, g))).length,
    overlapGold: gold.filter((g) => pred.some((p) => overlaps(p, g))).length,
  };
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const dir = join(DATA, opts.split);
  let textFiles: string[];
  try {
    textFiles = readdirSync(join(dir, 'text'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
  } catch (e) {
    console.error(`attribution: cannot read ${join(dir, 'text')}: ${(e as Error).message}`);
    process.exit(1);
  }
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann'));
  const totals: Record<Role, Counts> = {
    Source: { pred: 0, gold: 0, exactTp: 0, overlapPred: 0, overlapGold: 0 },
    Cue: { pred: 0, gold: 0, exactTp: 0, overlapPred: 0, overlapGold: 0 },
    Content: { pred: 0, gold: 0, exactTp: 0, overlapPred: 0, overlapGold: 0 },
  };
  const missedCues = new Map<string, number>();
  const spuriousCues = new Map<string, number>();
  const boundary: Record<Role, Map<string, number>> = {
    Source: new Map(),
    Cue: new Map(),
    Content: new Map(),
  };
  const examples: string[] = [];
  const categories = new Map<string, number>();
  const missKindCounts = new Map<string, number>();
  let missedTotal = 0;
  let articles = 0;
  let failed = 0;
  let ms = 0;
  let quotesFound = 0;
  const bump = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);

  for (const file of textFiles.slice(0, opts.limit)) {
    const base = file.replace(/\.txt$/, '');
    const anns = annFiles.filter(
      (a) => a.startsWith(`${base}_`) && /^_[0-9a-f]{4}\.ann$/.test(a.slice(base.length)),
    );
    if (anns.length === 0) continue;
    let text: string;
    let quotes: Quote[];
    try {
      text = readFileSync(join(dir, 'text', file), 'utf8');
      const t0 = performance.now();
      const sentences = splitSentences(text, [], 'en');
      quotes = extractQuotes(text, sentences, { language: 'en', mentions: [], entities: [] });
      ms += performance.now() - t0;
    } catch (e) {
      failed++;
      console.error(`attribution: ${file}: ${(e as Error).message}`);
      continue;
    }
    articles++;
    quotesFound += quotes.length;
    const pred = predictedSpans(text, quotes);
    const w = 1 / anns.length;
    for (const ann of anns) {
      const gold = parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8'), ann);
      for (const r of ROLES) {
        const c = score(pred[r], gold.spans[r]);
        const t = totals[r];
        t.pred += c.pred * w;
        t.gold += c.gold * w;
        t.exactTp += c.exactTp * w;
        t.overlapPred += c.overlapPred * w;
        t.overlapGold += c.overlapGold * w;
        // Boundary errors: overlapping but not equal.
        const exact = new Set(gold.spans[r].map((g) => `${g.start}:${g.end}`));
        for (const p of pred[r]) {
          if (exact.has(`${p.start}:${p.end}`)) continue;
          const g = gold.spans[r].find((x) => overlaps(p, x));
          if (!g) continue;
          const kind = `${p.start < g.start ? 'starts early' : p.start > g.start ? 'starts late' : 'start ok'}, ${p.end > g.end ? 'ends late' : p.end < g.end ? 'ends early' : 'end ok'}`;
          bump(boundary[r], kind, w);
          if (examples.length < opts.examples)
            examples.push(`${r} boundary: pred [${clip(text, p)}] gold [${clip(text, g)}]`);
        }
      }
      for (const a of gold.attributions) {
        const cues = a.spans.Cue ?? [];
        if (cues.length && !cues.some((g) => pred.Cue.some((p) => overlaps(p, g)))) {
          bump(missedCues, a.cue.toLowerCase().trim(), w);
          if (examples.length < opts.examples) {
            const g = cues[0]!;
            const s = Math.max(0, g.start - 100);
            const ctx = `${text.slice(s, g.start)}[[${text.slice(g.start, g.end)}]]${text.slice(g.end, g.end + 60)}`;
            examples.push(`missed cue: …${ctx.replace(/\s+/g, ' ')}…`);
          }
          bump(categories, 'attribution missed (no cue found)', w);
          for (const k of missKinds(text, a)) bump(missKindCounts, k, w);
          missedTotal += w;
          continue;
        }
        if (cues.length === 0) continue;
        // The cue was found: did the quote that carries it get the source and content?
        const mine = quotes.filter((q) => q.cue && cues.some((g) => overlaps(q.cue!, g)));
        const hit = (role: Role, span: (q: Quote) => Span | null) => {
          const gs = a.spans[role];
          if (!gs?.length) return;
          if (!mine.some((q) => span(q) && gs.some((g) => overlaps(span(q)!, g)))) {
            bump(categories, `cue found, ${role.toLowerCase()} missed`, w);
            if (role === 'Source' && examples.length < opts.examples) {
              const g = gs[0]!;
              examples.push(
                `source missed: gold [${clip(text, g)}] cue [${a.cue}] pred source [${mine.map((q) => q.source?.text ?? '-').join(' | ')}] in …${text.slice(Math.max(0, Math.min(g.start, cues[0]!.start) - 60), Math.max(g.end, cues[0]!.end) + 30).replace(/\s+/g, ' ')}…`,
              );
            }
          }
        };
        hit('Source', (q) => q.source);
        hit('Content', (q) => q.content);
      }
      for (const p of pred.Cue) {
        if (!gold.spans.Cue.some((g) => overlaps(p, g))) {
          bump(spuriousCues, text.slice(p.start, p.end).toLowerCase(), w);
          if (examples.length < opts.examples) {
            const s = Math.max(0, p.start - 80);
            const ctx = `${text.slice(s, p.start)}[[${text.slice(p.start, p.end)}]]${text.slice(p.end, p.end + 60)}`;
            examples.push(`spurious cue: …${ctx.replace(/\s+/g, ' ')}…`);
          }
        }
      }
    }
  }

  // Speed, warm: five more passes over the same texts (the first pass paid for JIT warm-up),
  // timed in CPU time of this process, fastest pass: other processes on a shared machine
  // inflate wall time, not our CPU time.
  const texts = textFiles
    .slice(0, opts.limit)
    .map((f) => readFileSync(join(dir, 'text', f), 'utf8'));
  // The same passes with the rules alone (no cue model), for the cost of the model.
  const timed = (cueModel: null | undefined) => {
    let best = Infinity;
    for (let pass = 0; pass < 5; pass++) {
      const t0 = process.cpuUsage();
      for (const text of texts) {
        extractQuotes(text, splitSentences(text, [], 'en'), {
          language: 'en',
          mentions: [],
          entities: [],
          cueModel,
        });
      }
      const used = process.cpuUsage(t0);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  const warmMs = timed(undefined);
  const rulesMs = timed(null);
  const warmArticles = texts.length;

  const summary: Record<string, number | string> = { split: opts.split, articles };
  console.log(
    `PolNeAR ${opts.split}: ${articles} articles (${failed} failed), ${quotesFound} quotes found`,
  );
  console.log('role      exact P / R / F1        overlap P / R / F1     pred   gold');
  for (const r of ROLES) {
    const t = totals[r];
    const p = t.pred ? t.exactTp / t.pred : 0;
    const rc = t.gold ? t.exactTp / t.gold : 0;
    const op = t.pred ? t.overlapPred / t.pred : 0;
    const orc = t.gold ? t.overlapGold / t.gold : 0;
    const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
    console.log(
      `${r.padEnd(8)}  ${pct(p)} ${pct(rc)} ${pct(f1(p, rc))}     ${pct(op)} ${pct(orc)} ${pct(f1(op, orc))}   ${t.pred.toFixed(0).padStart(5)}  ${t.gold.toFixed(0).padStart(5)}`,
    );
    const key = r.toLowerCase();
    summary[`${key}ExactF1`] = round(100 * f1(p, rc));
    summary[`${key}OverlapF1`] = round(100 * f1(op, orc));
    summary[`${key}ExactP`] = round(100 * p);
    summary[`${key}ExactR`] = round(100 * rc);
  }
  const coldMs = articles ? ms / articles : 0;
  const msPerArticle = warmArticles ? warmMs / warmArticles : 0;
  summary.msPerArticle = round(msPerArticle, 3);
  summary.msPerArticleFirstPass = round(coldMs, 3);
  summary.msPerArticleRulesOnly = round(warmArticles ? rulesMs / warmArticles : 0, 3);
  console.log(
    `speed: ${msPerArticle.toFixed(2)} CPU ms/article warm (${coldMs.toFixed(2)} wall ms first pass, with JIT warm-up, model load included), sentence split + quotes; rules alone ${summary.msPerArticleRulesOnly.toFixed(2)}`,
  );
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(' · ');
  console.log(`\nwhere it loses`);
  console.log(`  ${top(categories, 5)}`);
  const share = (k: string) =>
    `${((100 * (missKindCounts.get(k) ?? 0)) / (missedTotal || 1)).toFixed(0)}% ${k}`;
  console.log(
    `  of the ${missedTotal.toFixed(0)} missed attributions: ${[
      'no word of the cue in the lexicon',
      'noun cue',
      'multi-word cue',
      'content without quote marks',
      'no source annotated',
    ]
      .map(share)
      .join(' · ')}`,
  );
  console.log(`  missed attributions by gold cue: ${top(missedCues, 25)}`);
  console.log(`  spurious cues: ${top(spuriousCues, 20)}`);
  for (const r of ROLES) console.log(`  ${r} boundary errors: ${top(boundary[r], 6)}`);
  for (const e of examples) console.log(`  ${e}`);
  console.log(`RESULT ${JSON.stringify(summary)}`);
}

const NOUN_BEFORE =
  /(?:\b(?:the|a|an|his|her|their|its|our|my|this|that|your)|['’]s)\s+(?:[\p{L}-]+\s+)?$/iu;
const NOUN_SUFFIX = /(?:tion|sion|ment|ism|ance|ence|ure|ity|ies|ings?|ists?|ers?)$/;

/** Why a gold attribution whose cue we missed may be hard: several labels can apply. */
function missKinds(text: string, a: Gold['attributions'][number]): string[] {
  const out: string[] = [];
  const words =
    a.cue
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}']+/gu) ?? [];
  if (!words.some((w) => cueClass(w))) out.push('no word of the cue in the lexicon');
  if (words.length > 1) out.push('multi-word cue');
  const start = a.spans.Cue?.[0]?.start ?? 0;
  const last = words[words.length - 1] ?? '';
  if (
    NOUN_BEFORE.test(text.slice(Math.max(0, start - 24), start)) ||
    (NOUN_SUFFIX.test(last) && !/ing$/.test(last))
  )
    out.push('noun cue');
  if (!/["“”«»]/.test(a.content)) out.push('content without quote marks');
  if (!a.spans.Source?.length) out.push('no source annotated');
  return out;
}

/** A span's text, shortened in the middle, on one line. */
function clip(text: string, s: Span): string {
  const t = text.slice(s.start, s.end).replace(/\s+/g, ' ');
  return t.length > 110 ? `${t.slice(0, 60)} … ${t.slice(-40)}` : t;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

main();
