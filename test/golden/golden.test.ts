import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { EXPECTED, goldenOutput } from './golden.js';

it('demo corpus: stories and comparison equal the reviewed expectation (npm run golden:update to regenerate)', async () => {
  const expected = JSON.parse(readFileSync(EXPECTED, 'utf8'));
  const actual = JSON.parse(JSON.stringify(await goldenOutput()));
  assert.deepEqual(actual, expected);
});
