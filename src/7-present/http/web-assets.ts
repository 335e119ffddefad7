import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * The UI: index.html and style.css from src/7-present/web/, the compiled
 * modules from dist/src/7-present/web/. Only plain file names are served, so
 * no request can reach outside those two folders.
 */
const COMPILED = fileURLToPath(new URL('../web/', import.meta.url));
const SOURCE = fileURLToPath(new URL('../../../../src/7-present/web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export async function readAsset(name: string): Promise<{ body: Buffer; type: string } | null> {
  const m = /^[a-z0-9-]+(\.js|\.css|\.html|\.svg)$/.exec(name);
  if (!m) return null;
  const dir = m[1] === '.js' ? COMPILED : SOURCE;
  try {
    return { body: await readFile(dir + name), type: TYPES[m[1]!]! };
  } catch {
    return null;
  }
}
