import { InputError } from './input-error.js';

/** Articles larger than this are refused before reading: no news article is 50 MB of text. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

/** Refuses a file over the one-article limit before anything reads it. */
export function checkArticleSize(input: string, bytes: number): void {
  if (bytes > MAX_TEXT_BYTES) {
    throw new InputError(
      input,
      `file too large (${(bytes / 1048576).toFixed(0)} MB; the limit for one article is ${MAX_TEXT_BYTES / 1048576} MB)`,
    );
  }
}

/**
 * Decodes the bytes of a plain-text article, refusing what is not one:
 * empty files, binary files (NUL bytes or many control characters) and
 * invalid UTF-8. Line endings become \n and the text is NFC-normalised so
 * that offsets mean the same thing everywhere downstream.
 */
export function decodeText(input: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError(input, 'empty file');
  if (looksBinary(bytes)) throw new InputError(input, 'binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(
      input,
      `not valid UTF-8 (first bad byte at offset ${firstBadUtf8(bytes)})`,
    );
  }
  text = normaliseText(text);
  if (text.trim() === '') throw new InputError(input, 'no text (only whitespace)');
  return text;
}

export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .normalize('NFC');
}

/** NUL bytes, or more than 5% control characters in the first bytes: not text. */
export function looksBinary(bytes: Uint8Array, window = 8192): boolean {
  const n = Math.min(bytes.length, window);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.05;
}

function firstBadUtf8(bytes: Uint8Array): number {
  // Binary search on the longest prefix that decodes; cheap and only on the error path.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      // A fresh decoder each time: a streaming one carries bytes over between calls.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  if (lo < bytes.length) return lo;
  // The whole buffer decodes in streaming mode: it ends inside a character; report where that starts.
  let i = bytes.length - 1;
  while (i > 0 && (bytes[i]! & 0xc0) === 0x80) i--;
  return i;
}
