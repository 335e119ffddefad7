/**
 * Story clustering quality and speed on BASIL (Fan et al. 2019): 300 articles, 100 events,
 * each covered by Fox News, The New York Times and HuffPost; gold story = `triplet-uuid`.
 *
 *   npm run bench:cluster
 *   npm run bench:cluster -- --threshold 0.25 --window-days 10
 *   npm run bench:cluster -- --sweep [--sweep-windows 3,10,30]
 *
 * Scores: B-cubed precision / recall / F1 over articles (bench/lib/bcubed.ts). The data is
 * read from ../shared/data/basil and never copied into the repository.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { normaliseText } from '../src/1-ingest/decode-text.js';
import { cleanTitle, parseTextArticle } from '../src/1-ingest/text-metadata.js';
import { analyseArticle } from '../src/3-analyse/analyse.js';
import { ASSIGN_DEFAULTS, assignStory } from '../src/4-cluster/assign.js';
import { clusterFeatures } from '../src/4-cluster/features.js';
import { SqliteStore } from '../src/6-store/sqlite/sqlite-store.js';
import { contentHash } from '../src/pipeline/content-hash.js';
import { storeArticle } from '../src/pipeline/ingest.js';
import { bcubed, type BCubed } from './lib/bcubed.js';
import { mulberry32, shuffled } from './lib/prng.js';
import { mean, median } from './lib/stats.js';

/** The repository root (this file runs compiled from dist/bench/). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_DATA = resolve(REPO_ROOT, '..', 'shared', 'data', 'basil');
const OUT_FILE = join(REPO_ROOT, 'bench', 'out', 'cluster.json');
const SHUFFLE_SEEDS = [1, 2, 3, 4, 5];
const OUTLETS: Record<string, string> = {
  fox: 'Fox News',
  nyt: 'The New York Times',
  hpo: 'HuffPost',
};

interface Options {
  data: string;
  threshold: number | null;
  windowDays: number | null;
  shuffles: number;
  sweep: boolean;
  sweepWindows: number[];
}

/** One BASIL article, already turned into the plain text Parallax ingests. */
interface BenchArticle {
  /** The file name without `.json` (`<triplet-uuid>_<n>`): unique, unlike `uuid`, which is "empty" for 4 articles. */
  id: string;
  /** Gold story: the BASIL `triplet-uuid`. */
  event: string;
  eventTitle: string;
  outlet: string;
  date: string | null;
  origin: string;
  text: string;
  /** The title went in as a `title` header because the parser would not read it as a headline line. */
  titleAsHeader: boolean;
}

interface RunResult {
  /** article id -> predicted story id (final partition, read back from the store). */
  labels: Map<string, string>;
  storyTitles: Map<string, string>;
  seconds: number;
  /** Articles the pipeline rejected (no sentences); each is scored as a story of its own. */
  failed: string[];
}

const USAGE = `usage: node dist/bench/cluster.js [--threshold X] [--window-days N] [--shuffles K]
       [--data DIR] [--sweep [--sweep-windows N,N,...]]`;

function parseArgs(argv: string[]): Options {
  const o: Options = {
    data: DEFAULT_DATA,
    threshold: null,
    windowDays: null,
    shuffles: SHUFFLE_SEEDS.length,
    sweep: false,
    sweepWindows: [3, 7, 10, 14, 30],
  };
  const num = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n < min)
      usageError(`${flag} needs a number ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    switch (arg) {
      case '--threshold':
        o.threshold = num(arg, argv[++i], 0);
        break;
      case '--window-days':
        o.windowDays = num(arg, argv[++i], 0);
        break;
      case '--shuffles':
        o.shuffles = Math.floor(num(arg, argv[++i], 0));
        break;
      case '--data': {
        const v = argv[++i];
        if (!v) usageError('--data needs a folder');
        o.data = resolve(v);
        break;
      }
      case '--sweep':
        o.sweep = true;
        break;
      case '--sweep-windows': {
        const v = argv[++i] ?? '';
        o.sweepWindows = v.split(',').map((s) => num(arg, s, 0));
        break;
      }
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
      default:
        usageError(`unknown argument ${arg}`);
    }
  }
  return o;
}

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------- data

interface BasilJson {
  'triplet-uuid': string;
  'main-event'?: string;
  source: string;
  title?: string;
  date?: string;
  'body-paragraphs': string[][];
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? jsonFiles(join(dir, e.name))
        : e.name.endsWith('.json')
          ? [join(dir, e.name)]
          : [],
    )
    .sort();
}

/** Headline line, `date` and `source` header lines, a blank line, paragraphs separated by blank lines. */
function articleText(j: BasilJson, outlet: string, body: string, titleAsHeader: boolean): string {
  const title = (j.title ?? '').replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  if (title && !titleAsHeader) lines.push(title);
  if (j.date) lines.push(`date ${j.date}`);
  lines.push(`source ${outlet}`);
  if (title && titleAsHeader) lines.push(`title ${title}`);
  return `${lines.join('\n')}\n\n${body}\n`;
}

function loadBasil(dataDir: string): BenchArticle[] {
  const files = jsonFiles(join(dataDir, 'articles'));
  const articles = files.map((file) => {
    const j = JSON.parse(readFileSync(file, 'utf8')) as BasilJson;
    const outlet = OUTLETS[j.source.toLowerCase()] ?? j.source;
    const body = j['body-paragraphs']
      .map((p) => p.join(' ').replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .join('\n\n');
    const origin = relative(resolve(dataDir, '..'), file);
    // The brief's form is a headline line; fall back to a `title` header only where the
    // parser would not take the line as the headline (it would then swallow the headers).
    let titleAsHeader = false;
    const headlineForm = normaliseText(articleText(j, outlet, body, false));
    const parsed = parseTextArticle(headlineForm, { origin });
    const title = cleanTitle((j.title ?? '').trim());
    if (
      parsed.text !== normaliseText(body) ||
      (title !== '' && parsed.meta.title !== title) ||
      parsed.meta.published.value !== (j.date ?? null) ||
      parsed.meta.source !== outlet
    )
      titleAsHeader = true;
    return {
      id: basename(file, '.json'),
      event: j['triplet-uuid'],
      eventTitle: j['main-event'] ?? '',
      outlet,
      date: j.date ?? null,
      origin,
      text: articleText(j, outlet, body, titleAsHeader),
      titleAsHeader,
    };
  });
  if (new Set(articles.map((a) => a.id)).size !== articles.length)
    throw new Error(`duplicate article file names under ${dataDir}`);
  return articles;
}

/** Natural stream order: publication date, then id. */
function naturalOrder(articles: BenchArticle[]): BenchArticle[] {
  return [...articles].sort(
    (a, b) =>
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

// ---------------------------------------------------------------- running

async function run(
  ordered: BenchArticle[],
  threshold: number | null,
  windowDays: number | null,
): Promise<RunResult> {
  const assign = {
    ...ASSIGN_DEFAULTS,
    ...(threshold !== null ? { threshold } : {}),
    ...(windowDays !== null ? { windowDays } : {}),
  };
  const overridden = threshold !== null || windowDays !== null;
  // Candidates are read for the window being tried (the store reads ±10 days by default).
  const store = new SqliteStore(':memory:', { candidateWindowDays: assign.windowDays });
  const articleIdOf = new Map<string, string>();
  const failed: string[] = [];
  // Timed: what `parallax ingest` does per article after reading the file.
  const t0 = performance.now();
  for (const a of ordered) {
    const raw = normaliseText(a.text);
    const article = analyseArticle(parseTextArticle(raw, { origin: a.origin }));
    if (article.sentences.length === 0) {
      failed.push(a.id);
      continue;
    }
    let result;
    if (!overridden) {
      result = await storeArticle(store, article, raw);
    } else {
      const features = clusterFeatures(article);
      result = await store.addArticle(
        { article, contentHash: contentHash(article.text), raw, features },
        (candidates, stats) => assignStory(features, candidates, stats, assign),
      );
    }
    articleIdOf.set(a.id, result.articleId);
  }
  const seconds = (performance.now() - t0) / 1000;
  // The final partition, as the store reports it (merges resolved).
  const storyOf = new Map<string, string>();
  const storyTitles = new Map<string, string>();
  for (const s of await store.listStories()) {
    storyTitles.set(s.id, s.title);
    for (const art of s.articles) storyOf.set(art.id, s.id);
  }
  await store.close();
  const labels = new Map<string, string>();
  for (const a of ordered) {
    const articleId = articleIdOf.get(a.id);
    const story = articleId ? storyOf.get(articleId) : undefined;
    labels.set(a.id, story ?? `unassigned:${a.id}`);
  }
  return { labels, storyTitles, seconds, failed };
}

function score(
  articles: BenchArticle[],
  labels: Map<string, string>,
): BCubed & { stories: number } {
  const gold = new Map(articles.map((a) => [a.id, a.event]));
  return { ...bcubed(gold, labels), stories: new Set(labels.values()).size };
}

interface Evaluation {
  natural: RunResult;
  naturalScore: BCubed & { stories: number };
  orderF1: Array<{ order: string; f1: number }>;
  seconds: number[];
}

async function evaluate(
  articles: BenchArticle[],
  opts: Options,
  threshold: number | null,
  windowDays: number | null,
  warmUp: boolean,
): Promise<Evaluation> {
  const natural = naturalOrder(articles);
  if (warmUp) await run(natural, threshold, windowDays); // JIT, SQLite and caches; not timed
  const first = await run(natural, threshold, windowDays);
  const naturalScore = score(articles, first.labels);
  const orderF1 = [{ order: 'natural', f1: naturalScore.f1 }];
  const seconds = [first.seconds];
  for (const seed of SHUFFLE_SEEDS.slice(0, opts.shuffles)) {
    const r = await run(shuffled(natural, mulberry32(seed)), threshold, windowDays);
    orderF1.push({ order: `seed ${seed}`, f1: score(articles, r.labels).f1 });
    seconds.push(r.seconds);
  }
  return { natural: first, naturalScore, orderF1, seconds };
}

// ---------------------------------------------------------------- report

const f3 = (x: number) => x.toFixed(3);
const short = (id: string) => id.slice(0, 8);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function whereItLoses(articles: BenchArticle[], result: RunResult): string[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const members = new Map<string, BenchArticle[]>();
  for (const [id, story] of result.labels) {
    const list = members.get(story) ?? [];
    list.push(byId.get(id)!);
    members.set(story, list);
  }
  const eventsOf = (list: BenchArticle[]) => {
    const m = new Map<string, BenchArticle[]>();
    for (const a of list) m.set(a.event, [...(m.get(a.event) ?? []), a]);
    return m;
  };
  const lines: string[] = [];

  const merged = [...members.entries()]
    .map(([story, list]) => ({ story, list, events: eventsOf(list) }))
    .filter((s) => s.events.size > 1)
    .sort(
      (a, b) =>
        b.list.length - a.list.length ||
        b.events.size - a.events.size ||
        (a.story < b.story ? -1 : 1),
    );
  lines.push(
    `  over-merged predicted stories: ${merged.length} (holding ${merged.reduce((n, s) => n + s.list.length, 0)} articles); largest 5:`,
  );
  for (const s of merged.slice(0, 5)) {
    const title = result.storyTitles.get(s.story) ?? '(no title)';
    lines.push(
      `    ${s.story} "${clip(title, 70)}" — ${s.list.length} articles, ${s.events.size} gold events`,
    );
    const events = [...s.events.entries()].sort(
      (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
    );
    for (const [event, list] of events) {
      const dates = [...new Set(list.map((a) => a.date ?? '?'))].sort().join(', ');
      lines.push(
        `      ${short(event)} ×${list.length} ${dates}  ${clip(list[0]!.eventTitle, 70)}`,
      );
    }
  }

  const goldEvents = eventsOf(articles);
  const split = [...goldEvents.entries()]
    .map(([event, list]) => ({
      event,
      list,
      stories: new Set(list.map((a) => result.labels.get(a.id)!)),
    }))
    .filter((e) => e.stories.size > 1)
    .sort((a, b) => b.stories.size - a.stories.size || (a.event < b.event ? -1 : 1));
  lines.push(`  split gold events: ${split.length} of ${goldEvents.size}; most split 5:`);
  for (const e of split.slice(0, 5)) {
    lines.push(
      `    ${short(e.event)} "${clip(e.list[0]!.eventTitle, 70)}" — ${e.list.length} articles in ${e.stories.size} stories`,
    );
    for (const a of [...e.list].sort(
      (x, y) => (x.date ?? '').localeCompare(y.date ?? '') || x.outlet.localeCompare(y.outlet),
    )) {
      const story = result.labels.get(a.id)!;
      const others = (members.get(story) ?? []).filter((m) => m.event !== e.event);
      const otherEvents = [...new Set(others.map((m) => short(m.event)))];
      const where = otherEvents.length
        ? `with ${otherEvents.join(', ')}`
        : members.get(story)!.length === 1
          ? 'alone'
          : 'only this event';
      lines.push(`      ${a.date ?? '?'} ${a.outlet.padEnd(18)} → ${story} (${where})`);
    }
  }
  return lines;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const articles = loadBasil(opts.data);
  const goldStories = new Set(articles.map((a) => a.event)).size;
  const asHeader = articles.filter((a) => a.titleAsHeader).length;
  console.log(
    `BASIL story clustering — ${articles.length} articles, ${goldStories} gold events (${relative(REPO_ROOT, opts.data)})`,
  );
  console.log(
    `text form: headline line, date and source headers, blank line, paragraphs` +
      (asHeader
        ? `; ${asHeader} titles given as a \`title\` header (not read as a headline line)`
        : ''),
  );

  if (opts.sweep) return sweep(articles, opts);

  const threshold = opts.threshold ?? ASSIGN_DEFAULTS.threshold;
  const windowDays = opts.windowDays ?? ASSIGN_DEFAULTS.windowDays;
  const overridden = opts.threshold !== null || opts.windowDays !== null;
  console.log(
    `assignment: cosine threshold ${threshold}, window ±${windowDays} days` +
      (overridden ? ' (overridden on the command line)' : ' (ASSIGN_DEFAULTS)'),
  );
  const ev = await evaluate(articles, opts, opts.threshold, opts.windowDays, true);
  const s = ev.naturalScore;
  const f1s = ev.orderF1.map((o) => o.f1);
  const spread = { mean: mean(f1s), min: Math.min(...f1s), max: Math.max(...f1s) };
  const perSecond = ev.seconds.map((sec) => articles.length / sec);
  const articlesPerSecond = median(perSecond);

  console.log('');
  console.log('natural order (publication date, then file name)');
  console.log(`  B-cubed precision ${f3(s.precision)}  recall ${f3(s.recall)}  F1 ${f3(s.f1)}`);
  console.log(`  predicted stories ${s.stories} (gold ${goldStories})`);
  if (ev.natural.failed.length)
    console.log(`  rejected by the pipeline (scored as singletons): ${ev.natural.failed.length}`);
  console.log(`order dependence (natural + ${ev.orderF1.length - 1} mulberry32 shuffles)`);
  console.log(`  F1 mean ${f3(spread.mean)}  min ${f3(spread.min)}  max ${f3(spread.max)}`);
  console.log(`  ${ev.orderF1.map((o) => `${o.order} ${f3(o.f1)}`).join(' · ')}`);
  console.log(
    'speed (parse + analyse + cluster + store, in-memory SQLite; JSON reading and 1 warm-up run excluded)',
  );
  console.log(
    `  median ${articlesPerSecond.toFixed(0)} articles/s over ${perSecond.length} runs (min ${Math.min(...perSecond).toFixed(0)}, max ${Math.max(...perSecond).toFixed(0)})`,
  );
  console.log('');
  console.log('where it loses (natural order)');
  for (const line of whereItLoses(articles, ev.natural)) console.log(line);

  const out = {
    name: overridden
      ? `cluster-basil threshold=${threshold} window-days=${windowDays}`
      : 'cluster-basil',
    f1: s.f1,
    precision: s.precision,
    recall: s.recall,
    stories: s.stories,
    goldStories,
    articlesPerSecond,
    orderSpread: spread,
    date: new Date().toISOString(),
    node: process.version,
  };
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  writeFileSync(OUT_FILE, `${JSON.stringify(out, null, 2)}\n`);
  console.log('');
  console.log(`wrote ${relative(REPO_ROOT, OUT_FILE)}`);
  const r3 = (x: number) => Number(x.toFixed(4));
  console.log(
    `RESULT ${JSON.stringify({ f1: r3(s.f1), precision: r3(s.precision), recall: r3(s.recall), stories: s.stories, goldStories, f1MeanOverOrders: r3(spread.mean), articlesPerSecond: Number(articlesPerSecond.toFixed(1)) })}`,
  );
}

/** Threshold 0.10–0.40 step 0.05 × windows; F1 in natural order plus the order spread. */
async function sweep(articles: BenchArticle[], opts: Options) {
  const thresholds = Array.from({ length: 7 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);
  console.log(
    `sweep: thresholds ${thresholds.join(', ')} × windows ${opts.sweepWindows.join(', ')} days`,
  );
  console.log(
    `defaults: threshold ${ASSIGN_DEFAULTS.threshold}, window ${ASSIGN_DEFAULTS.windowDays}; shuffles ${opts.shuffles}`,
  );
  console.log('');
  console.log('threshold  window   precision  recall  F1     stories  F1 mean/min/max over orders');
  let best: { t: number; w: number; f1: number } | null = null;
  for (const w of opts.sweepWindows) {
    for (const t of thresholds) {
      const ev = await evaluate(articles, opts, t, w, false);
      const s = ev.naturalScore;
      const f1s = ev.orderF1.map((o) => o.f1);
      console.log(
        `${t.toFixed(2).padStart(9)}  ${String(w).padStart(6)}   ${f3(s.precision).padStart(9)}  ${f3(s.recall).padStart(6)}  ${f3(s.f1)}  ${String(s.stories).padStart(7)}  ${f3(mean(f1s))} / ${f3(Math.min(...f1s))} / ${f3(Math.max(...f1s))}`,
      );
      if (!best || s.f1 > best.f1) best = { t, w, f1: s.f1 };
    }
  }
  if (best)
    console.log(
      `\nbest natural-order F1 ${f3(best.f1)} at threshold ${best.t}, window ${best.w} days (first reached)`,
    );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
