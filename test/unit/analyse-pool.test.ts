import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseInOrder } from '../../src/pipeline/analyse-pool.js';
import type { AnalyseJob } from '../../src/pipeline/analyse-job.js';

const article = (n: number) =>
  `title: Ferry strike in Velmora, day ${n}\nsource: Harbour Wire\ndate: 2031-04-1${n % 10}\n\nFerry workers in Velmora stopped work for the ${n}th day on Monday, the union said. "We will stay out until the port listens," said Anja Tresk, who leads the union.\n`;

const jobs: AnalyseJob[] = [
  ...Array.from({ length: 9 }, (_, i) => ({
    kind: 'text' as const,
    raw: article(i),
    origin: `mem:${i}`,
  })),
  { kind: 'text', raw: 'title: only a title\n\n', origin: 'mem:empty' },
  { kind: 'file', path: '/nonexistent/parallax/article.txt' },
  { kind: 'text', raw: article(42), origin: 'mem:last' },
];

async function collect(threads: number) {
  const out = [];
  for await (const o of analyseInOrder(jobs, threads)) out.push(o);
  return out;
}

test('worker threads give the same outcomes, in the same order, as inline analysis', async () => {
  const inline = await collect(1);
  const pooled = await collect(2);
  assert.equal(pooled.length, jobs.length);
  assert.deepEqual(pooled, inline);
  assert.deepEqual(
    pooled.map((o) => o.input),
    [
      'mem:0',
      'mem:1',
      'mem:2',
      'mem:3',
      'mem:4',
      'mem:5',
      'mem:6',
      'mem:7',
      'mem:8',
      'mem:empty',
      '/nonexistent/parallax/article.txt',
      'mem:last',
    ],
  );
  const failed = pooled.filter((o) => !o.ok);
  assert.equal(failed.length, 2, 'a bad input fails alone and the rest go on');
  const last = pooled[pooled.length - 1]!;
  assert.ok(last.ok && last.features.terms.size > 5);
  // The analysis arrives serialised, whole: sentences and the passes' output.
  const analysis = JSON.parse(last.article.analysisJson) as {
    sentences: unknown[];
    quotes: unknown[];
  };
  assert.ok(analysis.sentences.length >= 2 && Array.isArray(analysis.quotes));
});
