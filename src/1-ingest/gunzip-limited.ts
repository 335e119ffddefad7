import { gunzipSync } from 'node:zlib';
import { MAX_TEXT_BYTES } from './decode-text.js';
import { gzipFailure } from './gzip-failure.js';
import { InputError } from './input-error.js';

/** A gzip input's content, refused past the one-article size (a gzip bomb stops there). */
export function gunzipLimited(input: string, bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_TEXT_BYTES });
  } catch (err) {
    throw new InputError(input, gzipFailure(err));
  }
}
