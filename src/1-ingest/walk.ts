import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from './input-error.js';

/** File names we never treat as articles (editor and OS litter). */
const IGNORED = /^(\.|~|Thumbs\.db$|desktop\.ini$)|~$/i;

export interface WalkResult {
  files: string[];
  errors: InputError[];
}

/**
 * Expands the paths a user gave into files, recursing into directories
 * (sorted, so a run is reproducible). Problems become errors for that path
 * only; the rest of the walk goes on.
 */
export async function walkInputs(paths: string[]): Promise<WalkResult> {
  const files: string[] = [];
  const errors: InputError[] = [];
  for (const path of paths) {
    await walkOne(path, true, files, errors);
  }
  return { files, errors };
}

async function walkOne(path: string, top: boolean, files: string[], errors: InputError[]) {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    errors.push(
      new InputError(
        path,
        code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code})`,
      ),
    );
    return;
  }
  if (info.isFile()) {
    files.push(path);
    return;
  }
  if (!info.isDirectory()) {
    if (top) errors.push(new InputError(path, 'not a regular file or directory'));
    return;
  }
  let entries;
  try {
    entries = await readdir(path);
  } catch (err) {
    errors.push(
      new InputError(path, `cannot list directory (${(err as NodeJS.ErrnoException).code})`),
    );
    return;
  }
  const before = files.length;
  for (const name of entries.sort()) {
    if (IGNORED.test(name)) continue;
    await walkOne(join(path, name), false, files, errors);
  }
  if (top && files.length === before)
    errors.push(new InputError(path, 'directory holds no article files'));
}
