/**
 * How deep the Markdown tree may nest (root = 0). Real content stays far below; beyond this the
 * parser and the renderers (all recursive) would eventually exhaust the stack, so a file that
 * nests deeper is one clear error instead of an internal one.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { EXIT, visitParents } from 'unist-util-visit-parents';

export const MAX_NESTING = 100;

/** The first node (in document order) deeper than MAX_NESTING; the walk never goes below it. */
export function firstTooDeep(tree: Root): Node | undefined {
  let found: Node | undefined;
  visitParents(tree, (node, parents) => {
    if (parents.length <= MAX_NESTING) return;
    found = node;
    return EXIT;
  });
  return found;
}
