import { InputError } from '../input-error.js';

/**
 * Decodes XML bytes by BOM, then the XML declaration's encoding, then the
 * Content-Type charset, else UTF-8; bytes that do not fit the encoding are an error.
 */
export function decodeXml(input: string, bytes: Uint8Array, contentType?: string | null): string {
  if (bytes.length === 0) throw new InputError(input, 'empty file');
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
    const declared = /^\s*<\?xml[^>]*\bencoding=["']([\w.:-]+)["']/i.exec(head)?.[1];
    const header = /charset=["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
    encoding = (declared ?? header ?? 'utf-8').toLowerCase();
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new InputError(input, `unknown character encoding "${encoding}"`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InputError(input, `not valid ${encoding} (wrong or missing charset declaration?)`);
  }
}
