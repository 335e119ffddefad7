#!/usr/bin/env node
import { main } from '../dist/src/7-present/cli/main.js';

// `parallax stories | head`: the reader left; stop quietly instead of crashing.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`parallax: ${err?.stack ?? err}`);
    process.exitCode = 1;
  },
);
