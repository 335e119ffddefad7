// `npm start`: ingest the bundled demo corpus into ./parallax.db (or $PARALLAX_DB),
// print the story list and the comparison of the largest story, then serve the
// web UI on it (`npm start -- --no-serve` or PARALLAX_NO_SERVE=1 stops after printing,
// for CI; PARALLAX_PORT picks the port, default 8080).
import { existsSync } from 'node:fs';
import { main } from '../dist/src/7-present/cli/main.js';

if (!existsSync('dist/src/7-present/cli/main.js')) {
  console.error('parallax: not built yet; run `npm ci` (or `npm run build`) first');
  process.exit(1);
}
const db = process.env.PARALLAX_DB ?? 'parallax.db';
const say = (s) => process.stdout.write(s);

say(`\n== Ingesting the demo corpus (demo/corpus) into ${db}\n`);
if ((await main(['ingest', 'demo/corpus', '--db', db])) !== 0) process.exit(1);

say('\n== Stories\n');
await main(['stories', '--db', db]);

let json = '';
await main(['stories', '--db', db, '--json'], {
  out: (s) => (json += s),
  err: (s) => process.stderr.write(s),
});
const largest = JSON.parse(json).stories[0];
say(`\n== Comparison of the largest story (parallax compare ${largest.id} --db ${db})\n\n`);
await main(['compare', largest.id, '--db', db]);
say(
  `\nNext: parallax compare ${largest.id} --format md   ·   parallax ingest <your folder>   ·   parallax --help\n`,
);

if (process.argv.includes('--no-serve') || process.env.PARALLAX_NO_SERVE === '1') process.exit(0);
const port = process.env.PARALLAX_PORT ?? '8080';
say(`\n== Web UI: open http://127.0.0.1:${port}/#/story/${largest.id} (Ctrl-C stops it)\n`);
process.exitCode = await main(['serve', '--db', db, '--port', port]);
