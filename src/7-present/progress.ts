import type { IngestProgress } from '../pipeline/ingest-run.js';

export interface ProgressSink {
  write(s: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  update(p: IngestProgress): void;
  /** Clears the bar (TTY) so the summary prints on a clean line. */
  finish(): void;
}

const NONE: Progress = { update: () => undefined, finish: () => undefined };

/**
 * Progress for long ingests: a redrawn bar with counts and rate on a terminal,
 * a plain line every few seconds otherwise, nothing at all when disabled
 * (--json), so machine output stays clean.
 */
export function createProgress(
  sink: ProgressSink,
  options: { enabled: boolean; plainEveryMs?: number; now?: () => number },
): Progress {
  if (!options.enabled) return NONE;
  const now = options.now ?? Date.now;
  const started = now();
  const tty = sink.isTTY === true;
  const every = tty ? 100 : (options.plainEveryMs ?? 5000);
  let last = started;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (t - last < every) return;
      last = t;
      const line = progressLine(p, (t - started) / 1000);
      if (tty) {
        sink.write(`\r\x1b[K${line}`);
        drawn = true;
      } else sink.write(`${line}\n`);
    },
    finish() {
      if (drawn) sink.write('\r\x1b[K');
    },
  };
}

/** "[#####-----] 12/40 inputs · 340 articles · 85.0/s · current-file". */
export function progressLine(p: IngestProgress, seconds: number, width = 20): string {
  const fraction = p.inputsTotal
    ? Math.min(1, (p.inputsDone + (p.currentFraction ?? 0)) / p.inputsTotal)
    : 0;
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const rate = seconds > 0 ? (p.done / seconds).toFixed(1) : '0.0';
  const current = p.current.length > 40 ? `…${p.current.slice(-39)}` : p.current;
  return `${bar} ${p.inputsDone}/${p.inputsTotal} inputs · ${p.done} articles · ${rate}/s${current ? ` · ${current}` : ''}`;
}
