/** Renders the benchmark report as Markdown. */
import type { ThroughputReport, VariantResult } from '../throughput/measure.js';
import { scoreCell, type QualityRow } from './quality.js';

export interface Machine {
  date: string;
  commit: string;
  node: string;
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  loadAverage: { start: number[]; end: number[] };
}

export interface BenchReport {
  schemaVersion: 1;
  mode: 'quick' | 'full';
  machine: Machine;
  throughput: ThroughputReport | null;
  quality: QualityRow[];
  target: TargetVerdict | null;
}

export interface TargetVerdict {
  articlesPerSecond: number;
  atArticles: number;
  measuredAt: number;
  measured: number;
  threads: number;
  slopeMsPer10k: number;
  met: boolean;
  why: string[];
}

export const TARGET = { articlesPerSecond: 300, atArticles: 100_000 };

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** Whether the throughput target is met at the largest size measured, and where the time goes. */
export function verdict(t: ThroughputReport): TargetVerdict | null {
  if (t.variants.length === 0) return null;
  const largest = Math.max(...t.variants.map((v) => v.size));
  const atLargest = t.variants.filter((v) => v.size === largest);
  const best = atLargest.sort(
    (a, b) => b.articlesPerSecond.median - a.articlesPerSecond.median,
  )[0]!;
  const measuredMs = 1000 / best.articlesPerSecond.median;
  const flat = best.slopeMsPer10k <= 0.05 * measuredMs;
  const met =
    largest >= TARGET.atArticles &&
    best.articlesPerSecond.median >= TARGET.articlesPerSecond &&
    flat;
  const why: string[] = [];
  if (largest < TARGET.atArticles)
    why.push(`measured at ${largest} articles only; the target is stated at ${TARGET.atArticles}`);
  if (best.articlesPerSecond.median < TARGET.articlesPerSecond) {
    why.push(
      `${f(best.articlesPerSecond.median)} articles/s is ${f((100 * best.articlesPerSecond.median) / TARGET.articlesPerSecond, 0)}% of the target (${f(measuredMs, 2)} ms/article wall, ${f(best.cpuMsPerArticle.median, 2)} ms CPU over all threads)`,
    );
    const staged =
      t.variants.find((v) => v.size === largest && Object.keys(v.stages).length) ??
      t.variants.filter((v) => Object.keys(v.stages).length).sort((a, b) => b.size - a.size)[0];
    if (staged) {
      const total = Object.values(staged.stages).reduce((a, b) => a + (b ?? 0), 0);
      const parts = Object.entries(staged.stages)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
        .slice(0, 3)
        .map(([s, ms]) => `${s} ${f(ms ?? 0, 2)} ms (${f((100 * (ms ?? 0)) / total, 0)}%)`);
      why.push(`largest stages at ${staged.size} articles, 1 thread: ${parts.join(', ')}`);
    }
    if (t.profile) {
      const top = t.profile.top
        .slice(0, 3)
        .map((x) => `${x.fn} (${x.stage}, ${f(100 * x.share, 0)}%)`);
      why.push(`top self time in the profile: ${top.join('; ')}`);
    }
  }
  if (!flat)
    why.push(
      `per-article cost grows: +${f(best.slopeMsPer10k, 2)} ms/article per 10,000 stored articles`,
    );
  if ((t.variants[0]?.loadAverage ?? 0) > 2)
    why.push(
      'the machine was shared during the run (see load averages): wall-clock figures are pessimistic, CPU ms/article is the steadier measure',
    );
  return {
    ...TARGET,
    measuredAt: largest,
    measured: best.articlesPerSecond.median,
    threads: best.threads,
    slopeMsPer10k: best.slopeMsPer10k,
    met,
    why,
  };
}

function spreadCell(
  s: { median: number; min: number; max: number; runs: number[] },
  d = 1,
): string {
  return s.runs.length > 1
    ? `${f(s.median, d)} (${f(s.min, d)}–${f(s.max, d)}, ${s.runs.length} runs)`
    : `${f(s.median, d)} (1 run)`;
}

function variantRow(v: VariantResult): string {
  return `| ${v.size.toLocaleString('en-US')} | ${v.threads} | ${spreadCell(v.articlesPerSecond)} | ${f(v.cpuMsPerArticle.median, 2)} | ${f(100 * v.fractionOfBaseline, 2)}% | ${f(v.peakRssMB, 0)} | ${f(v.slopeMsPer10k, 2)} | ${v.added}/${v.duplicates}/${v.failed} | ${v.stories} | ${f(v.loadAverage, 1)} |`;
}

export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const out: string[] = [];
  out.push('# Parallax benchmark report', '');
  out.push(`- Date: ${m.date}`, `- Commit: ${m.commit}`, `- Node: ${m.node}`);
  out.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${f(m.memoryGB, 0)} GB RAM, ${m.os}`);
  out.push(
    `- Load average (1 min) at start ${f(m.loadAverage.start[0]!, 2)}, at end ${f(m.loadAverage.end[0]!, 2)}`,
  );
  out.push(
    `- Mode: ${r.mode === 'quick' ? 'quick (`npm run bench -- --quick`)' : 'full (`npm run bench`)'}`,
    '',
  );
  const t = r.throughput;
  if (t) {
    out.push('## Throughput and scaling', '');
    out.push(
      `End to end: read file → parse → clean → analyse → cluster → store (SQLite on disk, grouped commits), each variant in a fresh process on a fresh database. Stream: ${t.stream.articles.toLocaleString('en-US')} generated articles (seed ${t.stream.options.seed}, ${t.stream.options.outlets} outlets, ${t.stream.events.toLocaleString('en-US')} events, ${Math.round(t.stream.words / t.stream.articles)} words/article, ${t.stream.options.perDay}/day); smaller sizes are its prefixes, so every variant reads the same files. Warm-up: ${t.warmup}. Figures are medians with (min–max) over runs.`,
      '',
    );
    out.push(
      '| articles | threads | articles/s | CPU ms/article | of baseline | peak RSS MB | slope ms/article per 10k stored | added/dup/failed | stories | load avg |',
    );
    out.push('|---:|---:|---|---:|---:|---:|---:|---|---:|---:|');
    for (const v of t.variants) out.push(variantRow(v));
    out.push(
      '',
      '**Baseline** (same files, same process set-up: read and split into words, nothing else):',
      '',
    );
    out.push('| articles | articles/s | peak RSS MB |', '|---:|---|---:|');
    for (const b of t.baseline)
      out.push(
        `| ${b.size.toLocaleString('en-US')} | ${spreadCell(b.articlesPerSecond, 0)} | ${f(b.peakRssMB, 0)} |`,
      );
    const staged = t.variants.filter((v) => Object.keys(v.stages).length);
    if (staged.length) {
      const stages = Object.keys(staged[0]!.stages);
      out.push('', '**Per-stage cost** (ms/article, 1 thread, median of runs; wall clock):', '');
      out.push(
        `| articles | ${stages.join(' | ')} | total |`,
        `|---:|${stages.map(() => '---:').join('|')}|---:|`,
      );
      for (const v of staged) {
        const vals = stages.map((s) => v.stages[s as keyof typeof v.stages] ?? 0);
        out.push(
          `| ${v.size.toLocaleString('en-US')} | ${vals.map((x) => f(x, 2)).join(' | ')} | ${f(
            vals.reduce((a, b) => a + b, 0),
            2,
          )} |`,
        );
      }
    }
    const largest = t.variants.reduce((a, b) => (b.size > a.size ? b : a));
    out.push(
      '',
      `**Cost as the store grows** (${largest.size.toLocaleString('en-US')} articles, ${largest.threads} thread(s); ms/article in arrival windows):`,
      '',
    );
    out.push(
      `| ${largest.windows.map((w) => `${w.from}–${w.to}`).join(' | ')} |`,
      `|${largest.windows.map(() => '---:').join('|')}|`,
    );
    out.push(`| ${largest.windows.map((w) => f(w.msPerArticle, 2)).join(' | ')} |`);
    if (t.profile) {
      const p = t.profile;
      out.push(
        '',
        `## CPU profile (${p.articles} articles, ${p.threads} thread, V8 sampling profiler, warm-up excluded; self time)`,
        '',
      );
      out.push('| stage | ms | share |', '|---|---:|---:|');
      for (const s of p.byStage.slice(0, 12))
        out.push(`| ${s.stage} | ${f(s.ms, 0)} | ${f(100 * s.share, 1)}% |`);
      out.push('', '| function | stage | self ms | share |', '|---|---|---:|---:|');
      for (const x of p.top)
        out.push(`| \`${x.fn}\` | ${x.stage} | ${f(x.ms, 0)} | ${f(100 * x.share, 1)}% |`);
    }
    if (r.target) {
      const v = r.target;
      out.push('', '## Target', '');
      out.push(
        `≥ ${v.articlesPerSecond} articles/s end to end at ${v.atArticles.toLocaleString('en-US')} articles on this machine, per-article cost flat: **${v.met ? 'met' : 'not met'}** (measured ${f(v.measured)} articles/s at ${v.measuredAt.toLocaleString('en-US')} articles with ${v.threads} thread(s), slope ${f(v.slopeMsPer10k, 2)} ms/article per 10k).`,
      );
      if (v.why.length) out.push('', ...v.why.map((w) => `- ${w}`));
    }
  }
  out.push('', '## Quality', '');
  out.push(
    'Scores as each bench script printed them (its `RESULT` line), beside the published anchors from `../shared/data/README.md` and the issue targets.',
    '',
  );
  out.push(
    '| task | script | data | score | anchors (published) | target |',
    '|---|---|---|---|---|---|',
  );
  for (const q of r.quality)
    out.push(
      `| ${q.task} | \`bench:${q.name}\` | ${q.data} | ${scoreCell(q)} | ${q.anchors} | ${q.target} |`,
    );
  return out.join('\n') + '\n';
}
