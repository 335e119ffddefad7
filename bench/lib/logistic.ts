/**
 * Binary logistic regression over sparse named features, trained with AdaGrad and an L2
 * penalty, in a seeded order: small enough to read, deterministic across runs.
 */
import { mulberry32, shuffled } from './prng.js';

export interface Example {
  /** Indicator features (value 1). */
  features: readonly string[];
  /** Numeric features by name. */
  numeric?: ReadonlyArray<[string, number]>;
  /** 1 for a positive example, 0 for a negative one. */
  label: number;
  /** How much the example counts (an annotator's share of an article). */
  weight: number;
}

export interface LogisticOptions {
  epochs: number;
  seed: number;
  /** L2 penalty per example step. */
  l2: number;
  rate: number;
  /** Features seen in fewer examples than this get no weight. */
  minCount: number;
}

/** An example's features as (name, value) pairs. */
function pairs(e: Pick<Example, 'features' | 'numeric'>): Array<[string, number]> {
  return [...e.features.map((f): [string, number] => [f, 1]), ...(e.numeric ?? [])];
}

export function trainLogistic(
  examples: readonly Example[],
  o: LogisticOptions,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const [f] of pairs(e)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= o.minCount) index.set(f, index.size);
  const rows = examples.map((e) => {
    const kept = pairs(e).filter(([f]) => index.has(f));
    return {
      ids: kept.map(([f]) => index.get(f)!),
      values: kept.map(([, v]) => v),
      label: e.label,
      weight: e.weight,
    };
  });
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  const random = mulberry32(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const r of shuffled(rows, random)) {
      let z = 0;
      for (let j = 0; j < r.ids.length; j++) z += w[r.ids[j]!]! * r.values[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const grad = (p - r.label) * r.weight;
      for (let j = 0; j < r.ids.length; j++) {
        const k = r.ids[j]!;
        const g = grad * r.values[j]! + o.l2 * w[k]!;
        g2[k]! += g * g;
        w[k]! -= (o.rate * g) / Math.sqrt(g2[k]!);
      }
    }
  }
  const out = new Map<string, number>();
  for (const [f, k] of index) out.set(f, w[k]!);
  return out;
}

export function probability(
  weights: ReadonlyMap<string, number>,
  e: Pick<Example, 'features' | 'numeric'>,
): number {
  let z = 0;
  for (const [f, v] of pairs(e)) z += (weights.get(f) ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}
