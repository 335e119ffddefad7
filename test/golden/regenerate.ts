// Rewrites test/golden/expected/ from the current code: `npm run golden:update`.
// Review the diff (git diff test/golden) before committing: it is the behaviour change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPECTED, goldenOutput } from './golden.js';

const path = fileURLToPath(EXPECTED);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, JSON.stringify(await goldenOutput(), null, 2) + '\n');
console.log(`wrote ${path}`);
