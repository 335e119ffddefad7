/**
 * TEMPORARY minimal version (feeds branch): the HTML helper's charset.ts replaces it on merge.
 * Charset from the BOM, the Content-Type header, then <meta charset>, else UTF-8.
 */
export function decodeHtmlBytes(
  bytes: Uint8Array,
  contentType?: string | null,
): { text: string; charset: string; evidence: string } {
  let charset = 'utf-8';
  let evidence = 'default';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) evidence = 'bom';
  else {
    const header = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    const meta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
    if (header) [charset, evidence] = [header.toLowerCase(), 'http header'];
    else if (meta) [charset, evidence] = [meta.toLowerCase(), 'meta'];
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    [charset, evidence] = ['utf-8', `unknown charset ${charset}; default`];
    decoder = new TextDecoder('utf-8');
  }
  return { text: decoder.decode(bytes), charset, evidence };
}
