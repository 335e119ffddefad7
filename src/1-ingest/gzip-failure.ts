import { MAX_TEXT_BYTES } from './decode-text.js';

/** A reason for a failed gunzip that a user can act on. */
export function gzipFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test(e.message))
    return `too large after decompression (the limit for one article is ${MAX_TEXT_BYTES / 1048576} MB)`;
  if (e.code === 'Z_BUF_ERROR' || /unexpected end of file/.test(e.message))
    return 'truncated gzip (unexpected end of file)';
  if (e.code === 'Z_DATA_ERROR') return `corrupt gzip data (${e.message})`;
  return `cannot decompress gzip (${e.message})`;
}
