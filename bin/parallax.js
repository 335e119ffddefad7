#!/usr/bin/env node
import { main } from '../dist/src/7-present/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`parallax: ${err?.stack ?? err}`);
    process.exitCode = 1;
  },
);
