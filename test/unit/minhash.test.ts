import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minhashBands, minhashSignature } from '../../src/4-cluster/minhash.js';

const FERRY =
  'ferry strike velmora harbour crew union wage talk ended tuesday dock quay captain'.split(' ');
const ORCHARD =
  'apple orchard frost damage grower price market shortage winter spring bloom yield'.split(' ');

function shared(a: string[], b: string[]): number {
  return a.filter((k) => b.includes(k)).length;
}

test('signature has 64 values, all max when there is no full shingle', () => {
  const sig = minhashSignature(['a', 'b', 'c']);
  assert.equal(sig.length, 64);
  assert.ok(sig.every((v) => v === 0xffffffff));
  assert.ok(!minhashSignature(['a', 'b', 'c', 'd']).every((v) => v === 0xffffffff));
});

test('signature is the element-wise minimum over its shingles', () => {
  const whole = minhashSignature(['a', 'b', 'c', 'd', 'e']);
  const first = minhashSignature(['a', 'b', 'c', 'd']);
  const second = minhashSignature(['b', 'c', 'd', 'e']);
  assert.deepEqual(
    [...whole],
    [...first].map((v, i) => Math.min(v, second[i]!)),
  );
});

test('signature ignores repeated shingles', () => {
  // Both hold exactly the shingles "a b c d", "b c d a", "c d a b" and "d a b c".
  assert.deepEqual(
    [...minhashSignature(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'])],
    [...minhashSignature(['a', 'b', 'c', 'd', 'a', 'b', 'c'])],
  );
  assert.notDeepEqual(
    [...minhashSignature(['a', 'b', 'c', 'd', 'a', 'b', 'c', 'e'])],
    [...minhashSignature(['a', 'b', 'c', 'd', 'a', 'b', 'c'])],
  );
});

test('bands: none for fewer than 8 terms, 16 keyed by band index from 8', () => {
  assert.deepEqual(minhashBands(FERRY.slice(0, 7)), []);
  const bands = minhashBands(FERRY.slice(0, 8));
  assert.equal(bands.length, 16);
  bands.forEach((key, b) => assert.match(key, new RegExp(`^${b}:[0-9a-z]+$`)));
});

test('bands are deterministic and stable across runs', () => {
  const bands = minhashBands(FERRY);
  assert.deepEqual(bands, minhashBands([...FERRY]));
  // Pinned: band keys live in the store, so they must not change between versions or machines.
  assert.deepEqual(bands.slice(0, 3), ['0:1lq9pyd', '1:aglpqa', '2:1lg9weq']);
});

test('near-duplicates share bands, unrelated texts share none', () => {
  const a = minhashBands(FERRY);
  const nearDup = minhashBands([...FERRY.slice(0, 12), 'mayor']);
  assert.ok(shared(a, nearDup) >= 1, 'near-duplicate shares no band');
  assert.equal(shared(a, minhashBands(ORCHARD)), 0);
  assert.equal(shared(a, minhashBands(FERRY)), 16);
});

test('word order matters (shingles, not a bag of words)', () => {
  const reversed = minhashBands([...FERRY].reverse());
  assert.equal(shared(minhashBands(FERRY), reversed), 0);
});
