/**
 * Two builds of the analysis compared in one process: this checkout's and another's (a
 * second work tree at the commit to compare with, built). Separate runs on a shared machine
 * differ by several per cent for the same code, more than most single changes are worth;
 * alternating both builds in one process over the same articles cancels that drift.
 *
 *   git worktree add --detach ../base <commit> && (cd ../base && npm ci)   # or link node_modules
 *   node dist/bench/analyse-ab.js --base ../base [--part analyse|entities|quotes|times]
 *     [--articles 300] [--rounds 10] [--seed 2]
 *
 * Measures process CPU time per article for each build, alternating which goes first; the
 * first two rounds are warm-up and not counted. Prints the medians, the change, and a
 * `RESULT {json}` line. Both builds analyse this checkout's generated articles; for one part,
 * its input (sentences, mentions) comes from this checkout's analysis.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseTextArticle } from '../src/1-ingest/text-metadata.js';
import { analyseArticle } from '../src/3-analyse/analyse.js';
import type { AnalysedArticle, ParsedArticle } from '../src/types.js';
import { articleFile, generateStream } from './generate/stream.js';

const PARTS = {
  analyse: 'src/3-analyse/analyse.js',
  entities: 'src/3-analyse/entities/extract-entities.js',
  quotes: 'src/3-analyse/quotes/extract-quotes.js',
  times: 'src/3-analyse/time/extract-times.js',
} as const;
type Part = keyof typeof PARTS;

/** One article's work for a part, given that build's module. */
type Work = (module: Record<string, (...args: never[]) => unknown>, doc: Doc) => void;
interface Doc {
  parsed: ParsedArticle;
  analysed: AnalysedArticle;
}

const WORK: Record<Part, Work> = {
  analyse: (m, d) => (m.analyseArticle as (p: ParsedArticle) => unknown)(d.parsed),
  entities: (m, d) =>
    (m.extractEntities as (...a: unknown[]) => unknown)(d.analysed.text, d.analysed.sentences, {
      language: d.analysed.language.code,
    }),
  quotes: (m, d) =>
    (m.extractQuotes as (...a: unknown[]) => unknown)(d.analysed.text, d.analysed.sentences, {
      language: d.analysed.language.code,
      mentions: d.analysed.mentions,
      entities: d.analysed.entities,
    }),
  times: (m, d) =>
    (m.extractTimes as (...a: unknown[]) => unknown)(d.analysed.text, d.analysed.sentences, {
      published: d.parsed.meta.published.value,
      language: d.analysed.language.code,
    }),
};

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      part: { type: 'string', default: 'analyse' },
      articles: { type: 'string', default: '300' },
      rounds: { type: 'string', default: '10' },
      seed: { type: 'string', default: '2' },
    },
  });
  const part = values.part as Part;
  if (!values.base || !(part in PARTS)) {
    console.error(
      `usage: analyse-ab.js --base DIR [--part ${Object.keys(PARTS).join('|')}] [--articles N] [--rounds N]`,
    );
    process.exit(2);
  }
  const load = async (root: string) =>
    (await import(pathToFileURL(resolve(root, 'dist', PARTS[part])).href)) as Record<
      string,
      (...args: never[]) => unknown
    >;
  let base: Record<string, (...args: never[]) => unknown>;
  try {
    base = await load(values.base);
  } catch (e) {
    console.error(
      `analyse-ab: cannot load ${PARTS[part]} from ${values.base}/dist (built?): ${(e as Error).message}`,
    );
    process.exit(1);
  }
  // This file runs as dist/bench/analyse-ab.js: the checkout is two folders up.
  const here = await load(fileURLToPath(new URL('../..', import.meta.url)));
  const docs: Doc[] = [];
  for (const a of generateStream({
    articles: Number(values.articles),
    seed: Number(values.seed),
  })) {
    const parsed = parseTextArticle(articleFile(a), { origin: a.id, fileYear: 2024 });
    docs.push({ parsed, analysed: analyseArticle(parsed) });
  }
  const work = WORK[part];
  const run = (m: Record<string, (...args: never[]) => unknown>) => {
    const t = cpuMs();
    for (const d of docs) work(m, d);
    return (cpuMs() - t) / docs.length;
  };
  const rounds = Math.max(3, Number(values.rounds));
  const times = { base: [] as number[], here: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    // Alternate which build goes first: the second of a pair runs on warmer caches.
    if (r % 2) {
      times.base.push(run(base));
      times.here.push(run(here));
    } else {
      times.here.push(run(here));
      times.base.push(run(base));
    }
  }
  const b = median(times.base.slice(2));
  const h = median(times.here.slice(2));
  const change = (h / b - 1) * 100;
  console.log(
    `${part}: ${docs.length} articles, ${rounds - 2} rounds after 2 warm-up rounds; CPU ms/article`,
  );
  console.log(
    `  base ${b.toFixed(3)}   this checkout ${h.toFixed(3)}   ${change >= 0 ? '+' : ''}${change.toFixed(1)}%`,
  );
  console.log(
    `RESULT ${JSON.stringify({ part, articles: docs.length, rounds: rounds - 2, baseMs: Number(b.toFixed(4)), thisMs: Number(h.toFixed(4)), changePercent: Number(change.toFixed(1)) })}`,
  );
}

await main();
