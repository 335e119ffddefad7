import { readFileSync } from 'node:fs';

/**
 * A shipped model file, parsed, or null when it is missing (the extractor then runs on its
 * rules alone). Any other read or parse error is thrown: a broken model must not go unnoticed.
 */
export function readModelFile<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * The shipped model at `path`, read and built on first use and kept; null (the rules alone)
 * when the file is missing.
 */
export function shippedModel<F, M>(path: string, fromFile: (file: F) => M): () => M | null {
  let cached: M | null | undefined;
  return () => {
    if (cached === undefined) {
      const file = readModelFile<F>(path);
      cached = file && fromFile(file);
    }
    return cached;
  };
}
