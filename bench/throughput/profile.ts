/**
 * Summarises V8 CPU profiles (node --cpu-prof): self time by pipeline stage (the numbered
 * src/ folder a function lives in) and the top functions by self time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Total sampled ms over all threads' profiles. */
  totalMs: number;
  byStage: Array<{ stage: string; ms: number; share: number }>;
  top: Array<{ fn: string; stage: string; ms: number; share: number }>;
}

/** The pipeline stage a script belongs to, from its path; engine and library time named as such. */
export function stageOf(url: string, fn: string): string {
  const m = /\/src\/(\d-[a-z]+|pipeline)\//.exec(url);
  if (m) return m[1]!;
  if (/\/bench\//.test(url)) return 'bench harness';
  const lib = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (lib) return `lib: ${lib[1]}`;
  if (url.startsWith('node:')) return 'node runtime';
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(idle)' || fn === '(program)') return fn;
  return url ? 'other' : 'native / engine';
}

export function summariseProfiles(dir: string, topN = 15): ProfileSummary {
  const self = new Map<string, { fn: string; stage: string; ms: number }>();
  let total = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < p.samples.length; i++) {
      const node = byId.get(p.samples[i]!)!;
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      const { functionName, url, lineNumber } = node.callFrame;
      // A waiting thread is not cost; `dispatch` is the inspector session that stops the profiler.
      if (functionName === '(idle)' || (functionName === 'dispatch' && !url)) continue;
      const fn =
        `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(src|bench|node_modules)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
      const entry = self.get(fn) ?? { fn, stage: stageOf(url, functionName), ms: 0 };
      entry.ms += ms;
      self.set(fn, entry);
      total += ms;
    }
  }
  const stages = new Map<string, number>();
  for (const e of self.values()) stages.set(e.stage, (stages.get(e.stage) ?? 0) + e.ms);
  const share = (ms: number) => (total ? ms / total : 0);
  return {
    totalMs: total,
    byStage: [...stages]
      .map(([stage, ms]) => ({ stage, ms, share: share(ms) }))
      .sort((a, b) => b.ms - a.ms),
    top: [...self.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, topN)
      .map((e) => ({ ...e, share: share(e.ms) })),
  };
}
