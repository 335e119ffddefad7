/**
 * The quality half of the report: runs each task's bench script if it has been built,
 * reads its `RESULT {json}` line, and sets it beside the published anchors and the target.
 * A script that does not exist is "not implemented", never a zero.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface QualityScript {
  name: string;
  task: string;
  data: string;
  anchors: string;
  target: string;
}

export const QUALITY_SCRIPTS: QualityScript[] = [
  {
    name: 'extract',
    task: 'main text from news HTML',
    data: 'zyte-dev (91 pages)',
    anchors:
      'F1 (word 4-gram shingles): trafilatura 0.958, newspaper4k 0.949, Readability.js 0.947, readability-lxml 0.922, whole page 0.665',
    target: 'F1 ≥ 0.96',
  },
  {
    name: 'ner',
    task: 'named entities (English)',
    data: 'CoNLL-2003 eng.testa',
    anchors: 'F1 on test split: Flair 93.1, spaCy RoBERTa 91.6, spaCy CNN 88.4, Stanford CRF ~86.9',
    target: 'F1 ≥ 85 overall',
  },
  {
    name: 'attribution',
    task: 'who said what (Source / Cue / Content)',
    data: 'PolNeAR dev',
    anchors:
      'exact F1 on test: BERT+CofeNet 83.2 / 75.3 / 72.9; CoreNLP quote annotator Source 13.9, Content 17.5',
    target: 'exact F1 ≥ 60 Source and Cue, ≥ 50 Content; overlap F1 ≥ 80 all three',
  },
  {
    name: 'time',
    task: 'time expressions',
    data: 'TempEval-3 train (256 docs)',
    anchors:
      'TempEval-3 test: HeidelTime relaxed 90.3 / strict 81.3 / value 77.6; SUTime 90.3 / 79.6 / 67.4',
    target: 'relaxed F1 ≥ 88, value F1 ≥ 72',
  },
  {
    name: 'cluster',
    task: 'story clustering',
    data: 'BASIL (300 articles, 100 events)',
    anchors: 'no published clustering score (our use of the set); B-cubed',
    target: 'B-cubed F1 ≥ 0.92',
  },
  {
    name: 'compare',
    task: 'cross-outlet comparison speed',
    data: 'generated 50-article story',
    anchors: '—',
    target: 'compare of a 50-article story < 1 s',
  },
  {
    name: 'workers',
    task: 'scale-out ingest (PostgreSQL, 1/2/4 workers)',
    data: 'generated stream',
    anchors: '—',
    target: 'articles/s with 1, 2, 4 workers beside SQLite',
  },
];

export type QualityRow = QualityScript &
  (
    | { status: 'ok'; result: Record<string, unknown>; seconds: number }
    | { status: 'not implemented' }
    | { status: 'failed'; reason: string; seconds: number }
  );

/** The last `RESULT {json}` line of a script's output, or null. */
export function parseResultLine(stdout: string): Record<string, unknown> | null {
  const lines = stdout.split('\n').filter((l) => l.startsWith('RESULT '));
  const last = lines[lines.length - 1];
  if (!last) return null;
  try {
    const value = JSON.parse(last.slice('RESULT '.length)) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export type ScriptRunner = (
  file: string,
  timeoutMs: number,
) => { status: number | null; stdout: string; stderr: string; timedOut: boolean };

export const runNode: ScriptRunner = (file, timeoutMs) => {
  const r = spawnSync(process.execPath, [file], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
  };
};

export function collectQuality(
  distBench: string,
  options: {
    timeoutMs: number;
    run?: ScriptRunner;
    scripts?: QualityScript[];
    log?: (s: string) => void;
  },
): QualityRow[] {
  const run = options.run ?? runNode;
  return (options.scripts ?? QUALITY_SCRIPTS).map((s): QualityRow => {
    const file = join(distBench, `${s.name}.js`);
    if (!existsSync(file)) return { ...s, status: 'not implemented' };
    options.log?.(`running bench ${s.name}`);
    const t0 = performance.now();
    const r = run(file, options.timeoutMs);
    const seconds = (performance.now() - t0) / 1000;
    const result = parseResultLine(r.stdout);
    if (r.timedOut)
      return {
        ...s,
        status: 'failed',
        reason: `timed out after ${options.timeoutMs / 1000} s`,
        seconds,
      };
    if (r.status !== 0)
      return {
        ...s,
        status: 'failed',
        reason: `exit code ${r.status}: ${lastLine(r.stderr) || lastLine(r.stdout)}`,
        seconds,
      };
    if (!result) return { ...s, status: 'failed', reason: 'no RESULT line in its output', seconds };
    return { ...s, status: 'ok', result, seconds };
  });
}

function lastLine(s: string): string {
  return s.trim().split('\n').pop()?.slice(0, 200) ?? '';
}

/** A result's fields as "key value" pairs; numbers to at most 3 decimals. */
export function formatResult(result: Record<string, unknown>): string {
  return Object.entries(result)
    .map(
      ([k, v]) =>
        `${k} ${typeof v === 'number' ? String(Number(v.toFixed(3))) : JSON.stringify(v)}`,
    )
    .join(', ');
}

export function scoreCell(row: QualityRow): string {
  if (row.status === 'not implemented') return 'not implemented';
  if (row.status === 'failed') return `failed (${row.reason})`;
  return formatResult(row.result);
}
