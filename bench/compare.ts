/**
 * `npm run bench:compare`: how long `compare` takes on a generated story of
 * 50 articles (target: under one second). Articles are built from a pool of
 * invented statements, each outlet carrying a random subset in one of several
 * wordings, so alignment sees shared, paraphrased and unique statements.
 */
import { analyse, compare } from '../src/index.js';
import type { AnalysedArticle } from '../src/types.js';
import { mulberry32 } from './lib/prng.js';
import { median } from './lib/stats.js';

const SUBJECTS = [
  'The Harrowgate council',
  'Mayor Ilse Varden',
  'The port authority',
  'Union leader Osric Penhale',
  'The regional water board',
  'Police chief Maren Quill',
  'The Tollmere hospital trust',
  'Engineer Bastian Crowe',
];
const VERBS = [
  ['approved', 'backed', 'signed off on'],
  ['rejected', 'turned down', 'voted against'],
  ['delayed', 'postponed', 'put off'],
  ['announced', 'unveiled', 'set out'],
];
const OBJECTS = [
  'a plan to rebuild the Kestrel quay',
  'the new flood barrier at Marrow Point',
  'a budget of 42 million crowns for the tram line',
  'the closure of the Ashcombe ferry route',
  'an inquiry into the Brenley warehouse fire',
  'new night-shift rules for dockworkers',
  'the sale of the old customs house',
  'a curfew for the Saltmarsh district',
];
const TAILS = [
  'on Tuesday',
  'after a four-hour meeting',
  'despite protests outside the town hall',
  'citing rising steel prices',
  'following the storm of 3 March',
  'with 9 votes to 4',
  'ahead of the summer season',
  'according to officials',
];

function statementPool(random: () => number, n: number): string[][] {
  const pool: string[][] = [];
  for (let i = 0; i < n; i++) {
    // Each statement gets its own speaker, place and figure, as in real reports.
    const s = `${
      SUBJECTS[i % SUBJECTS.length]!.replace(/^(The )?/, '$1')
        .split(' ')
        .slice(0, -1)
        .join(' ') || 'Official'
    } ${placeName(random)}`;
    const verbs = VERBS[Math.floor(random() * VERBS.length)]!;
    const o = `${OBJECTS[Math.floor(random() * OBJECTS.length)]!} near ${placeName(random)}`;
    const t = TAILS[Math.floor(random() * TAILS.length)]!;
    const t2 = TAILS[Math.floor(random() * TAILS.length)]!;
    // Three renderings of one statement: verbatim, a verb swap, and a reordered paraphrase.
    // A place and a figure of its own make each statement distinct, as in real reports.
    const place = placeName(random);
    const figure = 10 + Math.floor(random() * 900);
    pool.push([
      `${s} ${verbs[0]} ${o} in ${place} ${t}, affecting ${figure} households.`,
      `${s} ${verbs[1]} ${o} in ${place} ${t}, ${t2}; ${figure} households are affected.`,
      `${capital(t)}, ${s.replace(/^The /, 'the ')} ${verbs[2]} ${o} for ${place}, where ${figure} households are affected.`,
    ]);
  }
  return pool;
}

const SYLLABLES = [
  'bran',
  'wick',
  'holm',
  'dar',
  'ley',
  'mor',
  'ast',
  'fen',
  'gal',
  'rith',
  'ton',
  'vel',
];

function placeName(random: () => number): string {
  const n = 2 + Math.floor(random() * 2);
  let name = '';
  for (let i = 0; i < n; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return capital(name);
}

function capital(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

export function generatedStory(articles: number, seed = 7): AnalysedArticle[] {
  const random = mulberry32(seed);
  const pool = statementPool(random, 60);
  const out: AnalysedArticle[] = [];
  for (let a = 0; a < articles; a++) {
    const lines: string[] = [];
    for (const variants of pool) {
      if (random() < 0.35) lines.push(variants[Math.floor(random() * variants.length)]!);
    }
    const text = `Harrowgate council meets on harbour plans\ndate 2026-03-${String(10 + (a % 5)).padStart(2, '0')}\nsource Outlet ${a + 1}\n\n${lines.join('\n')}`;
    out.push(analyse(text, { origin: `gen-${a}.txt` }));
  }
  return out;
}

function main(): void {
  const sizes = [10, 25, 50];
  const results: Record<string, number> = {};
  for (const n of sizes) {
    const story = generatedStory(n);
    compare(story); // warm-up, excluded
    const times: number[] = [];
    let groups = 0;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      groups = compare(story).groups.length;
      times.push(performance.now() - t0);
    }
    const units = story.reduce((s, a) => s + a.sentences.length, 0);
    const med = median(times);
    results[`ms${n}`] = Math.round(med);
    console.log(
      `${String(n).padStart(3)} articles, ${units} sentences → ${groups} statement groups: median ${med.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; 5 runs after 1 warm-up)`,
    );
  }
  console.log(`target: 50 articles under 1000 ms → ${results.ms50! < 1000 ? 'met' : 'NOT met'}`);
  console.log(
    `RESULT ${JSON.stringify({ compare50ms: results.ms50, compare25ms: results.ms25, compare10ms: results.ms10 })}`,
  );
}

if (process.argv[1]?.endsWith('compare.js')) main();
