/**
 * image-alt-text outside questions: images in a guide's or an exam's own text. (Images inside
 * questions are checked with the question, where `ignore=` can silence them.)
 */
import type { Image, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { spanOfNode } from '../parse/positions.js';
import { altProblem } from '../shared/alt-text.js';

export function lintDocumentImages(file: VFile, tree: Root, silenced: readonly string[]): void {
  if (silenced.includes('image-alt-text')) return;
  visit(tree, (node) => {
    if (node.type === 'containerDirective' && (node as { name?: string }).name === 'question') return SKIP;
    if (node.type !== 'image') return undefined;
    const problem = altProblem((node as Image).alt);
    if (problem) {
      report(
        file,
        'image-alt-text',
        `image ${problem}: describe what it shows (![what the chart shows](…))`,
        spanOfNode(node),
      );
    }
    return undefined;
  });
}
