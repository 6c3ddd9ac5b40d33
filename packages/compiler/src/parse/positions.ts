/** Small helpers from unist positions to diagnostic spans. */
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Node, Position } from 'unist';
import type { Span } from '../diagnostics.js';

export function spanFromPosition(position: Position | undefined): Span | undefined {
  if (!position) return undefined;
  return {
    start: { line: position.start.line, column: position.start.column },
    end: { line: position.end.line, column: position.end.column },
  };
}

/** Where a node starts (and ends); line 1 when the parser gave no position. */
export function spanOfNode(node: Node): Span {
  return spanFromPosition(node.position) ?? { start: { line: 1, column: 1 } };
}

/** Only the first line of a node: the opening fence of a directive, the heading of a question. */
export function openingSpan(node: ContainerDirective | LeafDirective): Span {
  return spanFromPosition(node.data?.position?.opening) ?? startOnly(node);
}

export function startOnly(node: Node): Span {
  const start = node.position?.start;
  return { start: { line: start?.line ?? 1, column: start?.column ?? 1 } };
}

/** Where `name=…` (or `#id` for `id`) is written in a directive's attributes. */
export function attributeSpan(node: ContainerDirective | LeafDirective, name: string): Span {
  return spanFromPosition(node.data?.position?.attributes?.[name]) ?? openingSpan(node);
}

/** `guides/x.md:12` — the `source` field of bundle entities. */
export function sourceRef(file: string, node: Node): string {
  return `${file}:${node.position?.start.line ?? 1}`;
}
