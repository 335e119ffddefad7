/**
 * Generates a synthetic news stream for benchmarks.
 *
 *   node dist/bench/generate/main.js --articles 10000 [--seed 1] [--outlets 12] [--out DIR]
 *
 * Writes DIR/text/<folder>/<seq>.txt, DIR/stream.jsonl (with the gold event of each
 * article) and DIR/manifest.json. Same options, same bytes.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeStream } from './write.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    outlets: { type: 'string', default: '12' },
    out: { type: 'string' },
  },
});
const articles = Number(values.articles);
const seed = Number(values.seed);
const outlets = Number(values.outlets);
if (![articles, seed, outlets].every(Number.isInteger) || articles < 1 || outlets < 2) {
  console.error('usage: generate/main.js --articles N [--seed S] [--outlets M>=2] [--out DIR]');
  process.exit(2);
}
const out = resolve(values.out ?? `bench/out/streams/s${seed}-m${outlets}-n${articles}`);
const t0 = performance.now();
const m = writeStream(out, { articles, seed, outlets });
console.log(
  `${out}: ${m.articles} articles, ${m.events} events, ${m.words} words (${(m.words / m.articles).toFixed(0)}/article), ${(m.bytes / 1048576).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
