/**
 * Turns a DOM subtree into plain text with one paragraph per block element,
 * paragraphs separated by a blank line ("\n\n") as the cleaning and sentence
 * stages expect. Inline whitespace is collapsed; <br> becomes a line break.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);

/** Never text, whatever the page says. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The paragraphs of `root`, each trimmed and whitespace-collapsed, empty ones dropped. */
export function blockParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/[ \t\f\v\u00a0\u200b]+/g, ' ').replace(/ ?\n ?/g, '\n');
    // Two or more <br> in a row separate paragraphs on pages that use no <p>.
    for (const p of text.split(/\n{2,}/)) if (p.trim() !== '') paragraphs.push(p.trim());
    current = '';
  };
  // Iterative walk (hostile pages nest thousands deep); a null entry closes a block.
  const stack: Array<Node | null> = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === null) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += (node.nodeValue ?? '').replace(/[\r\n\t ]+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(null);
    } else if (tag === 'TD' || tag === 'TH') {
      // Table cells stay on their row's line, separated like words.
      current += ' ';
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  flush();
  return paragraphs;
}

/** Plain text of `root`: paragraphs joined by blank lines. */
export function blockText(root: Node): string {
  return blockParagraphs(root).join('\n\n');
}
