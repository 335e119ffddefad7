/**
 * B-cubed clustering scores (Bagga & Baldwin 1998), the rule the held-out checks use:
 * per item, precision = |same predicted cluster ∩ same gold cluster| / |predicted cluster|,
 * recall = the same over |gold cluster|; both averaged over items; F1 from the averages.
 */

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  /** Items scored (those with a gold label). */
  items: number;
}

/**
 * `gold` and `predicted` map each item to its cluster label. Every gold item must have a
 * predicted label (an item the system dropped should be given a singleton label of its own).
 */
export function bcubed<K>(gold: ReadonlyMap<K, string>, predicted: ReadonlyMap<K, string>): BCubed {
  const goldSize = new Map<string, number>();
  const predSize = new Map<string, number>();
  const both = new Map<string, number>();
  const key = (g: string, p: string) => JSON.stringify([g, p]);
  for (const [item, g] of gold) {
    const p = predicted.get(item);
    if (p === undefined) throw new Error(`bcubed: no predicted cluster for ${String(item)}`);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    both.set(key(g, p), (both.get(key(g, p)) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const [item, g] of gold) {
    const p = predicted.get(item)!;
    const shared = both.get(key(g, p))!;
    precision += shared / predSize.get(p)!;
    recall += shared / goldSize.get(g)!;
  }
  const n = gold.size;
  if (n === 0) return { precision: 1, recall: 1, f1: 1, items: 0 };
  precision /= n;
  recall /= n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, items: n };
}
