/**
 * A greedy left-to-right averaged perceptron over BIO tags. Static token features come
 * from features.ts; the tagger adds the previous tags' features as it goes. Illegal
 * transitions (I-X after anything but B-X / I-X) are never produced. The entity tag set is
 * the default; other taggers (quotes/cue-model.ts) train with their own `tags`.
 */

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];

export interface PerceptronWeights {
  /** Feature → one weight per tag (TAGS order, or `tags` when given). */
  weights: Map<string, Float32Array>;
  /** The tag set, when it is not the entity tags. */
  tags?: readonly string[];
}

const tagsOf = (model: PerceptronWeights): readonly string[] => model.tags ?? TAGS;

function allowed(prev: string, tag: string): boolean {
  return !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);
}

const transitions = new WeakMap<PerceptronWeights, Map<string, Float64Array>>();

/** Summed weights of the tag-history features (few distinct histories: cached per model). */
function transitionScores(model: PerceptronWeights, prev: string, prev2: string): Float64Array {
  let cache = transitions.get(model);
  if (!cache) transitions.set(model, (cache = new Map()));
  const key = `${prev2}|${prev}`;
  let v = cache.get(key);
  if (!v) {
    v = new Float64Array(tagsOf(model).length);
    addScores(model, [`t-1=${prev}`, `t-2t-1=${prev2}|${prev}`], v);
    cache.set(key, v);
  }
  return v;
}

function dynamicFeatures(prev: string, prev2: string, word: string): string[] {
  return [`t-1=${prev}`, `t-2t-1=${prev2}|${prev}`, `t-1w=${prev}|${word}`];
}

function score(
  weights: Map<string, Float32Array>,
  feats: readonly string[],
  into: Float64Array,
): void {
  into.fill(0);
  for (const f of feats) {
    const w = weights.get(f);
    if (!w) continue;
    for (let t = 0; t < w.length; t++) into[t] = into[t]! + w[t]!;
  }
}

function best(scores: Float64Array, prev: string, tags: readonly string[]): number {
  let bi = 0;
  let bs = -Infinity;
  for (let t = 0; t < tags.length; t++) {
    if (!allowed(prev, tags[t]!)) continue;
    if (scores[t]! > bs) {
      bs = scores[t]!;
      bi = t;
    }
  }
  return bi;
}

/** Summed weights of a list of features, one score per tag. */
export function staticScores(model: PerceptronWeights, feats: readonly string[]): Float64Array {
  const out = new Float64Array(tagsOf(model).length);
  addScores(model, feats, out);
  return out;
}

export function addScores(
  model: PerceptronWeights,
  feats: readonly string[],
  into: Float64Array,
): void {
  for (const f of feats) {
    const w = model.weights.get(f);
    if (!w) continue;
    for (let t = 0; t < w.length; t++) into[t] = into[t]! + w[t]!;
  }
}

/** Greedy decoding from each token's static scores, adding the previous-tag features. */
export function decode(
  model: PerceptronWeights,
  statics: readonly Float64Array[],
  lower: readonly string[],
): { tags: string[]; margins: number[] } {
  const tagSet = tagsOf(model);
  const T = tagSet.length;
  const tags: string[] = [];
  const margins: number[] = [];
  const scores = new Float64Array(T);
  for (let i = 0; i < statics.length; i++) {
    const prev = tags[i - 1] ?? '<s>';
    const prev2 = tags[i - 2] ?? '<s>';
    scores.set(statics[i]!);
    const history = transitionScores(model, prev, prev2);
    for (let t = 0; t < T; t++) scores[t] = scores[t]! + history[t]!;
    const w = model.weights.get(`t-1w=${prev}|${lower[i]!}`);
    if (w) for (let t = 0; t < T; t++) scores[t] = scores[t]! + w[t]!;
    const bi = best(scores, prev, tagSet);
    let second = -Infinity;
    for (let t = 0; t < T; t++) {
      if (t !== bi && allowed(prev, tagSet[t]!) && scores[t]! > second) second = scores[t]!;
    }
    tags.push(tagSet[bi]!);
    margins.push(scores[bi]! - second);
  }
  return { tags, margins };
}

/** Tags one sentence given its static features as strings. */
export function tagSentence(
  model: PerceptronWeights,
  feats: readonly string[][],
  lower: readonly string[],
): { tags: string[]; margins: number[] } {
  return decode(
    model,
    feats.map((f) => staticScores(model, f)),
    lower,
  );
}

export interface TrainingSentence {
  feats: string[][];
  lower: string[];
  gold: string[];
}

/** Trains an averaged perceptron; sentences are shuffled each epoch with a fixed seed. */
export function trainPerceptron(
  sentences: readonly TrainingSentence[],
  epochs = 10,
  seed = 7,
  ownHistory = false,
  tagSet: readonly string[] = TAGS,
): PerceptronWeights {
  const T = tagSet.length;
  const weights = new Map<string, Float32Array>();
  const totals = new Map<string, Float64Array>();
  const stamps = new Map<string, Float64Array>();
  let clock = 0;
  const update = (f: string, t: number, delta: number) => {
    let w = weights.get(f);
    if (!w) {
      w = new Float32Array(T);
      weights.set(f, w);
      totals.set(f, new Float64Array(T));
      stamps.set(f, new Float64Array(T));
    }
    const tot = totals.get(f)!;
    const st = stamps.get(f)!;
    tot[t]! += (clock - st[t]!) * w[t]!;
    st[t] = clock;
    w[t]! += delta;
  };
  const order = sentences.map((_, i) => i);
  let rnd = seed >>> 0;
  const random = () => {
    rnd = (rnd * 1664525 + 1013904223) >>> 0;
    return rnd / 2 ** 32;
  };
  const scores = new Float64Array(T);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const si of order) {
      const s = sentences[si]!;
      const tags: string[] = [];
      for (let i = 0; i < s.feats.length; i++) {
        clock++;
        const prev = tags[i - 1] ?? '<s>';
        const prev2 = tags[i - 2] ?? '<s>';
        const feats = [...s.feats[i]!, ...dynamicFeatures(prev, prev2, s.lower[i]!)];
        score(weights, feats, scores);
        const guess = best(scores, prev, tagSet);
        const truth = tagSet.indexOf(s.gold[i]!);
        if (guess !== truth) {
          for (const f of feats) {
            update(f, truth, 1);
            update(f, guess, -1);
          }
        }
        // Gold history measured better than our own (84.9 vs 84.6 cross-validated F1).
        tags.push(e === 0 || !ownHistory ? s.gold[i]! : tagSet[guess]!);
      }
    }
  }
  // Average every weight over all steps.
  for (const [f, w] of weights) {
    const tot = totals.get(f)!;
    const st = stamps.get(f)!;
    for (let t = 0; t < T; t++) {
      tot[t]! += (clock - st[t]!) * w[t]!;
      w[t] = tot[t]! / clock;
    }
  }
  return tagSet === TAGS ? { weights } : { weights, tags: tagSet };
}

/** Weights as integers (× `scale`) for a model file, without features whose every weight is below `prune` in magnitude. */
export function prunedWeights(
  weights: Map<string, Float32Array>,
  prune: number,
  scale: number,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [f, w] of weights) {
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    if (max < prune) continue;
    out[f] = Array.from(w, (v) => Math.round(v * scale));
  }
  return out;
}
