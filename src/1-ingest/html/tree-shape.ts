/**
 * Size and depth of a DOM tree, walked without recursion. Readability's cost grows
 * much faster than linearly with nesting depth (a hostile page of 1,000 nested
 * <div>s takes it minutes), so pathological trees skip it.
 */
export interface TreeShape {
  elements: number;
  depth: number;
}

export function treeShape(root: Element): TreeShape {
  let elements = 0;
  let depth = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return { elements, depth };
}

/** Real news pages stay far below both (the deepest in the Zyte set is under 60 levels). */
export const MAX_READABILITY_DEPTH = 150;
export const MAX_READABILITY_ELEMENTS = 60_000;

export function tooComplexForReadability(shape: TreeShape): boolean {
  return shape.depth > MAX_READABILITY_DEPTH || shape.elements > MAX_READABILITY_ELEMENTS;
}
