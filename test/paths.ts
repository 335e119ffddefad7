import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/** The repository root (tests run compiled from dist/test/...). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared next to the repository: seeds and data sets. */
export const SHARED = resolve(REPO_ROOT, '..', 'shared');
export const SEEDS = join(SHARED, 'seeds');
export const DEMO_CORPUS = join(REPO_ROOT, 'demo', 'corpus');
export const CLI = join(REPO_ROOT, 'bin', 'parallax.js');
/** Invented input files named by the condition they test. */
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
