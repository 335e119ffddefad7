// Runs every compiled test file (dist/test/**/*.test.js) with node's own test runner.
// Node 20's --test does not expand globs, so we list the files ourselves.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return find(path);
      return name.endsWith('.test.js') ? [path] : [];
    });
}

const only = process.argv.slice(2);
const files = find('dist/test').filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
// A filter that matches nothing must not fall back to node's default: every test.
if (files.length === 0) {
  console.error(`run-tests: no test file matches ${only.join(', ')}`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
