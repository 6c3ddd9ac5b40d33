/**
 * Directive hygiene, run on every file before extraction:
 * - a container whose closing fence is missing (remark-directive would silently run it to
 *   the end of its parent, swallowing the rest of the file) → `directive-unclosed`;
 * - a directive name we do not know → `directive-unknown`, with a did-you-mean;
 * - a known directive where it means nothing (an FAQ in a bank) → `directive-misplaced`;
 * - text directives (`:name` inside a sentence) are never ours: they are accidents such as
 *   "ratio:high", so they are turned back into the text the author wrote.
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { type Diagnostic, diagnostic, didYouMean } from '../diagnostics.js';
import { openingSpan } from '../parse/positions.js';
import type { SourceKind } from '../source/load.js';

const CONTAINERS = ['question', 'explanation', 'faq'];
const LEAVES = ['question'];

type Directive = ContainerDirective | LeafDirective;

export function checkDirectives(file: string, kind: SourceKind, tree: Root, text: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];

  const visit = (parent: Parent, ancestors: string[], container: ContainerDirective | undefined): void => {
    parent.children.forEach((child, index) => {
      if (child.type === 'textDirective') {
        parent.children[index] = restoreText(child, text);
        return;
      }
      if (child.type === 'containerDirective' || child.type === 'leafDirective') {
        checkOne(child, ancestors, container);
        visit(child, [...ancestors, child.name], child.type === 'containerDirective' ? child : container);
        return;
      }
      if ('children' in child) visit(child as Parent, ancestors, container);
    });
  };

  const checkOne = (
    node: Directive,
    ancestors: string[],
    container: ContainerDirective | undefined,
  ): void => {
    const fence = fenceOf(node, text);
    const known = node.type === 'containerDirective' ? CONTAINERS : LEAVES;
    if (!known.includes(node.name)) {
      const other = node.type === 'containerDirective' ? LEAVES : CONTAINERS;
      const hint = other.includes(node.name)
        ? node.type === 'containerDirective'
          ? `; '::${node.name}{#id}' (two colons, no body) embeds a question`
          : `; '${node.name}' is a container: open it with ':::${node.name}' and close it with ':::'`
        : didYouMean(node.name, known);
      diagnostics.push(
        diagnostic(
          file,
          'directive-unknown',
          `unknown directive '${fence}${node.name}'${hint}`,
          openingSpan(node),
        ),
      );
    } else {
      const misplaced = misplacement(kind, node, ancestors);
      if (misplaced) diagnostics.push(diagnostic(file, 'directive-misplaced', misplaced, openingSpan(node)));
    }
    if (node.type === 'containerDirective' && !node.data?.position?.closing) {
      diagnostics.push(
        diagnostic(
          file,
          'directive-unclosed',
          outerFenceHint(node, container, text) ??
            `'${fence}${node.name}' is never closed: add a line '${fence}' where it ends`,
          openingSpan(node),
        ),
      );
    }
  };

  visit(tree, [], undefined);
  return diagnostics;
}

function misplacement(kind: SourceKind, node: Directive, ancestors: string[]): string | undefined {
  const inQuestion = ancestors.includes('question');
  if (node.name === 'explanation') {
    // In banks a top-level :::explanation may follow a plain-style question; the bank extractor judges those.
    if (kind === 'bank' && !inQuestion) return undefined;
    return ancestors.at(-1) === 'question'
      ? undefined
      : ':::explanation belongs inside a ::::question block (or right after a plain-style option list)';
  }
  if (node.name === 'faq') {
    if (kind !== 'guide') return ':::faq is only meaningful in guides';
    if (ancestors.length > 0) return ':::faq cannot be nested inside another directive';
    return undefined;
  }
  // question
  if (kind === 'exam')
    return 'questions belong in questions/<exam-id>/ bank files or in guides, not in exam files';
  if (inQuestion) return 'a question cannot contain another question';
  if (node.type === 'leafDirective' && kind !== 'guide') {
    return "'::question{#id}' embeds a question in a guide; bank files define questions with '::::question'";
  }
  return undefined;
}

/** The run of colons the author opened the directive with (`:::` or `::::`…). */
function fenceOf(node: Directive, text: string): string {
  const offset = node.position?.start.offset;
  if (offset === undefined) return node.type === 'containerDirective' ? ':::' : '::';
  const match = /^:+/.exec(text.slice(offset, offset + 40));
  return match?.[0] ?? ':::';
}

/**
 * The classic mistake: `:::question` around `:::explanation`. A closing fence closes the
 * outermost open container it is long enough for, so the first `:::` closes the question
 * and the explanation is cut off unclosed. Say so: the outer fence needs more colons.
 */
function outerFenceHint(
  node: ContainerDirective,
  outer: ContainerDirective | undefined,
  text: string,
): string | undefined {
  if (!outer?.data?.position?.closing) return undefined;
  const inner = fenceOf(node, text);
  const outerFence = fenceOf(outer, text);
  if (outerFence.length > inner.length) return undefined;
  const wider = ':'.repeat(inner.length + 1);
  return (
    `'${inner}${node.name}' is cut off by the closing fence of the '${outerFence}${outer.name}' around it: ` +
    `the outer block needs more colons than the inner one ('${wider}${outer.name}' … '${wider}')`
  );
}

function restoreText(node: TextDirective, text: string): RootContent {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value = start !== undefined && end !== undefined ? text.slice(start, end) : `:${node.name}`;
  return { type: 'text', value, ...(node.position ? { position: node.position } : {}) };
}
