/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The only way this UI builds DOM. Article data is hostile: it only ever
 * becomes a text node (never innerHTML), and links are only ever internal
 * hash routes, so no article string can become markup, a script or a URL.
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null>;

/** Attributes this UI sets; anything else (on*, style, src) is refused. */
const ALLOWED =
  /^(class|id|role|tabindex|title|lang|for|type|name|value|placeholder|scope|colspan|aria-[a-z]+|data-[a-z-]+|href|hidden|disabled|checked|selected|min|max|autocomplete|inputmode)$/;

function setAttrs(node: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (!ALLOWED.test(k)) throw new Error(`refusing attribute "${k}"`);
    const value = v === true ? '' : String(v);
    if (k === 'href' && !value.startsWith('#/') && !value.startsWith('/api/'))
      throw new Error(`refusing link "${value}": only internal links`);
    node.setAttribute(k, value);
  }
}

function append(node: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(
      typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c,
    );
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_ALLOWED =
  /^(class|x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox|text-anchor|dominant-baseline|role|aria-label|aria-hidden|tabindex|data-[a-z-]+|fill|stroke|stroke-width|transform|focusable)$/;

export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (!SVG_ALLOWED.test(k)) throw new Error(`refusing SVG attribute "${k}"`);
    node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

/** Replaces a container's content. */
export function mount(container: Element, ...children: Child[]): void {
  container.replaceChildren();
  append(container, children);
}

/** Makes a non-button element act like one for the keyboard (Enter and Space). */
export function activatable(node: HTMLElement, onActivate: () => void): HTMLElement {
  node.tabIndex = 0;
  node.setAttribute('role', 'button');
  node.addEventListener('click', onActivate);
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate();
    }
  });
  return node;
}

export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return el(
    'section',
    { id, 'aria-labelledby': `${id}-h` },
    el('h2', { id: `${id}-h` }, title),
    ...children,
  );
}

export function empty(text: string): HTMLElement {
  return el('p', { class: 'empty' }, text);
}
