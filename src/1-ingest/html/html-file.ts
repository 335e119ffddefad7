import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../input-error.js';
import { decodeHtmlBytes, type DecodedHtml } from './charset.js';

/** Larger saved pages are refused: no article page needs this much markup. */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;

/** True for the file names the HTML reader takes: .html, .htm and their .gz forms. */
export function isHtmlFileName(path: string): boolean {
  return /\.html?(?:\.gz)?$/i.test(path);
}

/**
 * Reads a saved page from disk, gunzipping .gz files (by name or by magic bytes),
 * and decodes it with decodeHtmlBytes. Oversized files, gzip bombs and truncated
 * gzip streams are refused with an InputError naming the file.
 */
export async function readHtmlFile(path: string): Promise<DecodedHtml> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(path, e.code === 'ENOENT' ? 'no such file' : `cannot read: ${e.message}`);
  });
  if (!info.isFile()) throw new InputError(path, 'not a file');
  if (info.size > MAX_HTML_BYTES) {
    throw new InputError(
      path,
      `file too large (${mb(info.size)} MB; the limit for one page is ${mb(MAX_HTML_BYTES)} MB)`,
    );
  }
  let bytes: Uint8Array = await readFile(path);
  if (bytes.length === 0) throw new InputError(path, 'empty file');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzip(path, bytes);
  else if (/\.gz$/i.test(path)) throw new InputError(path, 'named .gz but not gzip data');
  return decodeHtmlBytes(bytes);
}

function gunzip(path: string, bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_HTML_BYTES });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || /too large|maxOutputLength/i.test(err.message)) {
      throw new InputError(path, `gzip expands to more than ${mb(MAX_HTML_BYTES)} MB; refused`);
    }
    if (err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message)) {
      throw new InputError(path, 'truncated gzip file (the compressed data ends early)');
    }
    throw new InputError(path, `corrupt gzip file (${err.message})`);
  }
}

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(0);
}
