import { scoreDecoding } from './charset-plausibility.js';
import { decodeWindows1252 } from './windows-1252.js';

export interface DecodedHtml {
  text: string;
  /** The WHATWG encoding name used, e.g. "windows-1251". */
  charset: string;
  /** Why that charset: byte-order mark, HTTP header, <meta>, detection, or the default. */
  evidence: 'bom' | 'http-header' | 'meta' | 'detected' | 'default';
}

/** Encodings tried when nothing declares one and the bytes are not UTF-8 (order breaks ties). */
const CANDIDATES = [
  'windows-1252',
  'windows-1251',
  'koi8-r',
  'iso-8859-2',
  'iso-8859-7',
  'windows-1256',
  'windows-1255',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'euc-kr',
  'big5',
];

/** The meta prescan reads this many bytes, like browsers do (a little more, for long heads). */
const PRESCAN_BYTES = 4096;

/**
 * Decodes the bytes of an HTML page: BOM, then the HTTP Content-Type charset,
 * then <meta charset> / <meta http-equiv>, then detection (valid UTF-8, else the
 * most plausible of a few legacy encodings).
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const bom = bomCharset(bytes);
  if (bom) return { text: decode(bytes, bom), charset: bom, evidence: 'bom' };

  const fromHeader = contentType ? supported(charsetParam(contentType), false) : null;
  if (fromHeader)
    return { text: decode(bytes, fromHeader), charset: fromHeader, evidence: 'http-header' };

  const fromMeta = supported(metaCharset(bytes), true);
  const utf8 = tryUtf8(bytes);
  if (fromMeta) {
    // A page declaring a Western single-byte charset that is in fact valid multi-byte UTF-8 is UTF-8:
    // stale templates say iso-8859-1 far more often than real Latin-1 text happens to be valid UTF-8.
    if (utf8 !== null && fromMeta === 'windows-1252' && hasMultiByte(bytes)) {
      return { text: utf8, charset: 'utf-8', evidence: 'detected' };
    }
    return { text: decode(bytes, fromMeta), charset: fromMeta, evidence: 'meta' };
  }
  if (utf8 !== null) {
    return { text: utf8, charset: 'utf-8', evidence: hasMultiByte(bytes) ? 'detected' : 'default' };
  }
  return detectLegacy(bytes);
}

function detectLegacy(bytes: Uint8Array): DecodedHtml {
  const sample = nonAsciiSample(bytes);
  let best = CANDIDATES[0]!;
  let bestScore = -Infinity;
  for (const charset of CANDIDATES) {
    const score = scoreDecoding(decode(sample, charset));
    if (score > bestScore) {
      best = charset;
      bestScore = score;
    }
  }
  return { text: decode(bytes, best), charset: best, evidence: 'detected' };
}

/**
 * Up to 64 KB around the non-ASCII bytes: scoring the whole of a large page is
 * wasted work. Cut points fall on ASCII bytes so no multi-byte character is split.
 */
function nonAsciiSample(bytes: Uint8Array): Uint8Array {
  const LIMIT = 65536;
  if (bytes.length <= LIMIT) return bytes;
  let first = bytes.findIndex((b) => b >= 0x80);
  if (first < 0) first = 0;
  while (first > 0 && bytes[first - 1]! >= 0x80) first--;
  let end = Math.min(bytes.length, first + LIMIT);
  while (end < bytes.length && bytes[end]! >= 0x80) end++;
  return bytes.subarray(first, end);
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function charsetParam(contentType: string): string | null {
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

/** <meta charset=...>, <meta http-equiv="Content-Type" content="...; charset=...">, or an XML declaration. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!;
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return null;
}

/** A label TextDecoder knows, as its canonical name; UTF-16 in <meta> means UTF-8 (HTML spec). */
function supported(label: string | null, inDocument: boolean): string | null {
  if (!label) return null;
  try {
    const name = new TextDecoder(label.trim().toLowerCase()).encoding;
    if (inDocument && (name === 'utf-16le' || name === 'utf-16be')) return 'utf-8';
    // "replacement" (iso-2022-kr etc.) decodes to nothing useful.
    return name === 'replacement' ? null : name;
  } catch {
    return null;
  }
}

function decode(bytes: Uint8Array, charset: string): string {
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(charset, { ignoreBOM: false }).decode(bytes);
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasMultiByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}
