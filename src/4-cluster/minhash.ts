/** MinHash over word shingles, banded for LSH: two texts sharing a band key are near-duplicate candidates. */

const SHINGLE = 4;
const BANDS = 16;
const ROWS = 4;
const HASHES = BANDS * ROWS;

// Fixed odd multipliers and offsets so signatures are stable across runs and machines.
const A = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) | 1);
const B = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 7, 0x85ebca6b));

/** fnv1a of terms[i, i + SHINGLE) joined by spaces, without building the string. */
function shingleHash(terms: readonly string[], i: number): number {
  let h = 0x811c9dc5;
  for (let k = i; k < i + SHINGLE; k++) {
    if (k > i) h = Math.imul(h ^ 32, 0x01000193);
    const s = terms[k]!;
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  }
  return h >>> 0;
}

export function minhashSignature(terms: string[]): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= terms.length; i++) {
    const x = shingleHash(terms, i);
    for (let k = 0; k < HASHES; k++) {
      const h = (Math.imul(A[k]!, x) + B[k]!) >>> 0;
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

/** Band keys ("band:hash"); empty for texts too short to shingle. */
export function minhashBands(terms: string[]): string[] {
  if (terms.length < SHINGLE + 4) return [];
  const sig = minhashSignature(terms);
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    out.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return out;
}
