/** Facts about a question's Markdown that linter rules need (images, plain text without code). */
import type { Image, RootContent } from 'mdast';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { Span } from '../diagnostics.js';
import { spanOfNode } from '../parse/positions.js';
import { absoluteWords } from '../shared/absolute-words.js';

export interface ImageFact {
  alt: string;
  span: Span;
}

export function imagesOf(nodes: readonly RootContent[]): ImageFact[] {
  const out: ImageFact[] = [];
  for (const node of nodes) {
    visit(node as Node, 'image', (image) => {
      out.push({ alt: (image as Image).alt ?? '', span: spanOfNode(image) });
    });
  }
  return out;
}

/** Plain text without code (inline or fenced): the words an author wrote about the subject. */
export function proseOf(nodes: readonly Node[]): string {
  const parts: string[] = [];
  for (const node of nodes) {
    visit(node, (child) => {
      if (child.type === 'code' || child.type === 'inlineCode') return SKIP;
      if ('value' in child && typeof child.value === 'string' && child.type === 'text')
        parts.push(child.value);
      return undefined;
    });
  }
  return parts.join(' ');
}

/** Absolute words ("always", "never", "only" …) in the prose of each option. */
export function optionCues(options: ReadonlyArray<{ body: readonly Node[] }>): string[][] {
  return options.map((o) => absoluteWords(proseOf(o.body)));
}
