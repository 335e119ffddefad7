/**
 * A logistic regression with a small tanh hidden layer beside it (a skip connection): the
 * linear part keeps what logistic.ts learns, the hidden units can learn interactions no
 * single feature carries. AdaGrad, L2, seeded initialisation and order: deterministic.
 */
import { mulberry32, shuffled } from './prng.js';
import type { Example, LogisticOptions } from './logistic.js';

export interface MlpOptions extends LogisticOptions {
  hidden: number;
}

export interface Mlp {
  /** Per feature: its linear weight, then its weight into each hidden unit. */
  weights: Map<string, Float64Array>;
  /** The hidden units' weights into the output. */
  out: Float64Array;
  hidden: number;
}

export function trainMlp(examples: readonly Example[], o: MlpOptions): Mlp {
  const H = o.hidden;
  const counts = new Map<string, number>();
  const pairs = (e: Example): Array<[string, number]> => [
    ...e.features.map((f): [string, number] => [f, 1]),
    ...(e.numeric ?? []),
  ];
  for (const e of examples) for (const [f] of pairs(e)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of counts) if (n >= o.minCount) index.set(f, index.size);
  const rows = examples.map((e) => {
    const kept = pairs(e).filter(([f]) => index.has(f));
    return { ids: kept.map(([f]) => index.get(f)!), values: kept.map(([, v]) => v), e };
  });
  const random = mulberry32(o.seed);
  const D = H + 1;
  const w = new Float64Array(index.size * D);
  // Small random input weights break the hidden units' symmetry.
  for (let k = 0; k < index.size; k++)
    for (let j = 1; j < D; j++) w[k * D + j] = (random() - 0.5) * 0.2;
  const g2 = new Float64Array(index.size * D).fill(1e-8);
  const v = new Float64Array(H).map(() => (random() - 0.5) * 0.2);
  const gv = new Float64Array(H).fill(1e-8);
  const h = new Float64Array(H);
  const dh = new Float64Array(H);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const r of shuffled(rows, random)) {
      let z = 0;
      h.fill(0);
      for (let i = 0; i < r.ids.length; i++) {
        const base = r.ids[i]! * D;
        const x = r.values[i]!;
        z += w[base]! * x;
        for (let j = 0; j < H; j++) h[j]! += w[base + 1 + j]! * x;
      }
      for (let j = 0; j < H; j++) {
        h[j] = Math.tanh(h[j]!);
        z += v[j]! * h[j]!;
      }
      const p = 1 / (1 + Math.exp(-z));
      const grad = (p - r.e.label) * r.e.weight;
      for (let j = 0; j < H; j++) {
        dh[j] = grad * v[j]! * (1 - h[j]! * h[j]!);
        const g = grad * h[j]! + o.l2 * v[j]!;
        gv[j]! += g * g;
        v[j]! -= (o.rate * g) / Math.sqrt(gv[j]!);
      }
      for (let i = 0; i < r.ids.length; i++) {
        const base = r.ids[i]! * D;
        const x = r.values[i]!;
        for (let j = 0; j < D; j++) {
          const k = base + j;
          const g = (j === 0 ? grad : dh[j - 1]!) * x + o.l2 * w[k]!;
          g2[k]! += g * g;
          w[k]! -= (o.rate * g) / Math.sqrt(g2[k]!);
        }
      }
    }
  }
  const weights = new Map<string, Float64Array>();
  for (const [f, k] of index) weights.set(f, w.slice(k * D, k * D + D));
  return { weights, out: v, hidden: H };
}

export function mlpProbability(m: Mlp, e: Pick<Example, 'features' | 'numeric'>): number {
  let z = 0;
  const h = new Float64Array(m.hidden);
  const add = (f: string, x: number) => {
    const w = m.weights.get(f);
    if (!w) return;
    z += w[0]! * x;
    for (let j = 0; j < m.hidden; j++) h[j]! += w[1 + j]! * x;
  };
  for (const f of e.features) add(f, 1);
  for (const [f, x] of e.numeric ?? []) add(f, x);
  for (let j = 0; j < m.hidden; j++) z += m.out[j]! * Math.tanh(h[j]!);
  return 1 / (1 + Math.exp(-z));
}
