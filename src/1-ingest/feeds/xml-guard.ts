import { InputError } from '../input-error.js';

/**
 * Refuses XML that declares entities or an internal DTD subset, before any
 * parser sees it: that is how billion-laughs bombs expand and how external
 * entities read local files. A plain `<!DOCTYPE rss PUBLIC "..." "...">`
 * (old RSS 0.91) declares nothing and is removed; no DTD is ever fetched.
 * Linear in the input, no allocation proportional to any expansion.
 */
export function safeXml(input: string, xml: string): string {
  let out = xml;
  let i = xml.indexOf('<!');
  let seenElement = false;
  while (i !== -1) {
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end === -1) break; // truncated; the parser reports it
      i = xml.indexOf('<!', end + 3);
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) break;
      i = xml.indexOf('<!', end + 3);
      continue;
    }
    const keyword = xml.slice(i + 2, i + 9).toUpperCase();
    if (keyword.startsWith('ENTITY'))
      throw new InputError(input, 'XML declares entities (<!ENTITY>): refused without expanding');
    if (keyword === 'DOCTYPE') {
      seenElement ||= /<[A-Za-z_]/.test(stripProlog(xml.slice(0, i)));
      const end = doctypeEnd(xml, i);
      const decl = xml.slice(i, end);
      if (/<!ENTITY/i.test(decl))
        throw new InputError(
          input,
          'XML declares entities in its DTD (an XML bomb or external entity): refused without expanding',
        );
      if (decl.includes('['))
        throw new InputError(
          input,
          'XML has an internal DTD subset (<!DOCTYPE ... [ ... ]>): refused without expanding',
        );
      if (/\bSYSTEM\b/i.test(decl) && !/\bPUBLIC\b/i.test(decl))
        throw new InputError(input, 'XML refers to an external DTD (SYSTEM): refused');
      if (seenElement) throw new InputError(input, 'XML has a DOCTYPE after the root element');
      out = xml.slice(0, i) + xml.slice(end);
      return safeXml(input, out);
    }
    i = xml.indexOf('<!', i + 2);
  }
  return out;
}

/** Where a DOCTYPE declaration ends: the first '>' outside quotes and brackets. */
function doctypeEnd(xml: string, start: number): number {
  let quote = '';
  let depth = 0;
  for (let j = start + 2; j < xml.length; j++) {
    const c = xml[j]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return j + 1;
  }
  return xml.length;
}

function stripProlog(head: string): string {
  return head.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
}
