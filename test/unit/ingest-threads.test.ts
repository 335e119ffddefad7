import assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { FIXTURES } from '../paths.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-threads-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A folder of every kind the pool takes (text, HTML, a JSONL dump) and some it refuses. */
function folder(): string {
  const root = join(dir, 'inputs');
  mkdirSync(root, { recursive: true });
  for (const f of readdirSync(join(FIXTURES, 'html')))
    copyFileSync(join(FIXTURES, 'html', f), join(root, f));
  copyFileSync(join(FIXTURES, 'dumps', 'dump-mixed.jsonl'), join(root, 'dump-mixed.jsonl'));
  for (let i = 0; i < 6; i++) {
    writeFileSync(
      join(root, `report-${i}.txt`),
      `Ferry strike in Velmora enters day ${i + 1}\nsource: Outlet ${i % 3}\ndate: 2031-04-1${i}\n\n` +
        `Ferry crews in Velmora stayed off work for a ${i + 1}th day on Monday, the union said. ` +
        `"We will stay out until the port listens," said Anja Tresk, who leads the union.\n`,
    );
  }
  const page = readFileSync(join(FIXTURES, 'html', 'page-og-meta-dates.html'));
  writeFileSync(join(root, 'page-og-meta-dates-copy.html.gz'), gzipSync(page));
  writeFileSync(
    join(root, 'report-0-copy.txt.gz'),
    gzipSync(readFileSync(join(root, 'report-0.txt'))),
  );
  writeFileSync(join(root, 'broken.html.gz'), gzipSync(page).subarray(0, 200));
  writeFileSync(join(root, 'empty.html'), '');
  writeFileSync(join(root, 'empty.txt'), '');
  writeFileSync(join(root, 'only-tags.html'), '<html><body><nav>Home</nav></body></html>');
  return root;
}

test('worker threads give the same report and stories as one thread, for text, HTML, gzip and JSONL', async () => {
  const root = folder();
  const runs = [];
  for (const threads of [1, 2]) {
    const store = new SqliteStore(':memory:');
    const r = await ingestPaths(store, [root], { threads });
    runs.push({
      added: r.added.map((a) => [a.input, a.articleId, a.storyId]),
      duplicates: r.duplicates.map((d) => d.input),
      failed: r.failed.map((f) => [f.input, f.reason]),
      stories: (await store.listStories()).map((s) => s.articles.map((a) => a.id)),
    });
    await store.close();
  }
  const html = runs[0]!.added.filter(([input]) => input!.endsWith('.html'));
  assert.ok(html.length >= 10, JSON.stringify(runs[0]));
  for (const empty of ['empty.html', 'empty.txt'])
    assert.ok(
      runs[0]!.failed.some(([input, reason]) => input!.endsWith(empty) && reason === 'empty file'),
    );
  assert.ok(runs[0]!.failed.some(([input]) => input!.endsWith('broken.html.gz')));
  assert.equal(runs[0]!.duplicates.length, 2, 'the gzipped copies are found to be duplicates');
  assert.deepEqual(runs[1], runs[0]);
});
