import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkInputs } from '../../src/1-ingest/walk.js';
import { InputError } from '../../src/1-ingest/input-error.js';

let root = '';

function file(rel: string, body = 'The ferry left Velmora.\n') {
  writeFileSync(join(root, rel), body);
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'parallax-walk-'));
  mkdirSync(join(root, 'corpus', 'harbour-gazette'), { recursive: true });
  mkdirSync(join(root, 'corpus', 'lantern-news', 'deep'), { recursive: true });
  mkdirSync(join(root, 'corpus', '.git'));
  mkdirSync(join(root, 'empty'));
  mkdirSync(join(root, 'litter-only'));
  file('corpus/harbour-gazette/b.txt');
  file('corpus/harbour-gazette/a.txt');
  file('corpus/harbour-gazette/C.txt');
  file('corpus/lantern-news/one.txt');
  file('corpus/lantern-news/deep/two.txt');
  file('corpus/top.txt');
  file('corpus/.git/config');
  file('corpus/.hidden.txt');
  file('corpus/~lock.txt');
  file('corpus/backup.txt~');
  file('corpus/Thumbs.db');
  file('corpus/desktop.ini');
  file('litter-only/.DS_Store');
  file('litter-only/notes.txt~');
  file('single.txt');
  symlinkSync(join(root, 'missing-target.txt'), join(root, 'corpus', 'zz-broken-link.txt'));
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

test('recurses into directories in sorted order, skipping editor and OS litter', async () => {
  const { files, errors } = await walkInputs([join(root, 'corpus')]);
  assert.deepEqual(
    files.map((f) => f.slice(root.length + 1)),
    [
      'corpus/harbour-gazette/C.txt',
      'corpus/harbour-gazette/a.txt',
      'corpus/harbour-gazette/b.txt',
      'corpus/lantern-news/deep/two.txt',
      'corpus/lantern-news/one.txt',
      'corpus/top.txt',
    ],
  );
  // The broken symlink is the only problem, and it does not stop the walk.
  assert.equal(errors.length, 1);
  assert.ok(errors[0] instanceof InputError);
  assert.equal(errors[0]!.input, join(root, 'corpus', 'zz-broken-link.txt'));
  assert.equal(errors[0]!.reason, 'no such file or directory');
});

test('a file given directly is returned as is', async () => {
  const path = join(root, 'single.txt');
  assert.deepEqual(await walkInputs([path]), { files: [path], errors: [] });
});

test('a file given directly is returned even when its name looks like litter', async () => {
  const path = join(root, 'corpus', '.hidden.txt');
  assert.deepEqual((await walkInputs([path])).files, [path]);
});

test('a missing path is an error for that path only', async () => {
  const missing = join(root, 'nope.txt');
  const single = join(root, 'single.txt');
  const { files, errors } = await walkInputs([missing, single]);
  assert.deepEqual(files, [single]);
  assert.deepEqual(
    errors.map((e) => [e.input, e.reason, e.message]),
    [[missing, 'no such file or directory', `${missing}: no such file or directory`]],
  );
});

test('a directory without article files is an error', async () => {
  for (const dir of ['empty', 'litter-only']) {
    const path = join(root, dir);
    const { files, errors } = await walkInputs([path]);
    assert.deepEqual(files, [], dir);
    assert.deepEqual(
      errors.map((e) => [e.input, e.reason]),
      [[path, 'directory holds no article files']],
      dir,
    );
  }
});

test('keeps the order of the paths given', async () => {
  const single = join(root, 'single.txt');
  const gazette = join(root, 'corpus', 'harbour-gazette');
  const { files, errors } = await walkInputs([single, gazette]);
  assert.deepEqual(files, [
    single,
    join(gazette, 'C.txt'),
    join(gazette, 'a.txt'),
    join(gazette, 'b.txt'),
  ]);
  assert.deepEqual(errors, []);
});

test(
  'a top-level path that is neither file nor directory is refused',
  { skip: process.platform === 'win32' },
  async () => {
    const { files, errors } = await walkInputs(['/dev/null']);
    assert.deepEqual(files, []);
    assert.deepEqual(
      errors.map((e) => [e.input, e.reason]),
      [['/dev/null', 'not a regular file or directory']],
    );
  },
);

test('no paths: nothing found, no errors', async () => {
  assert.deepEqual(await walkInputs([]), { files: [], errors: [] });
});
