/**
 * remark plugin for directives (`::::question`, `:::explanation`, `:::faq`, `::question{#id}`).
 *
 * Syntax: micromark-extension-directive and mdast-util-directive, registered by hand rather than
 * through remark-directive so that mdast-util-directive runs in `verbose` mode: it then records
 * attribute positions (for diagnostics that point at `domain=`) and whether a container's closing
 * fence exists (remark-directive silently runs an unclosed container to the end of its parent).
 *
 * Transform (directive hygiene, before extraction), reported on the file:
 * - a container whose closing fence is missing → `directive-unclosed`;
 * - a directive name we do not know → `directive-unknown`, with a did-you-mean;
 * - a known directive where it means nothing (an FAQ in a bank) → `directive-misplaced`;
 * - text directives (`:name` inside a sentence) are never ours: they are accidents such as
 *   "ratio:high", so they are turned back into the text the author wrote.
 */
import type { Root, RootContent } from 'mdast';
import {
  type ContainerDirective,
  directiveFromMarkdown,
  type LeafDirective,
  type TextDirective,
} from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type { Plugin, Processor } from 'unified';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { didYouMean } from '../did-you-mean.js';
import type { SourceKind } from '../source/load.js';
import { openingSpan } from './positions.js';

declare module 'vfile' {
  interface DataMap {
    /** What the file is (exam, guide, bank): where a directive may appear depends on it. */
    kind: SourceKind;
  }
}

const CONTAINERS = ['question', 'explanation', 'faq'];
const LEAVES = ['question'];

type Directive = ContainerDirective | LeafDirective;

const remarkDirectives: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), directive()];
  data.fromMarkdownExtensions = [
    ...(data.fromMarkdownExtensions ?? []),
    directiveFromMarkdown({ verbose: true }),
  ];
  return (tree: Root, file: VFile): void => checkDirectives(tree, file);
};

export default remarkDirectives;

function checkDirectives(tree: Root, file: VFile): void {
  const text = String(file.value);
  const kind = file.data.kind ?? 'bank';
  visitParents(tree, (node, parents) => {
    const parent = parents.at(-1);
    if (node.type === 'textDirective' && parent) {
      // The parent's children type is a union over parents; text may stand wherever the directive stood.
      parent.children[parent.children.indexOf(node as never)] = restoreText(node, text) as never;
      return SKIP;
    }
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return;
    const directives = parents.filter(
      (p): p is Directive => p.type === 'containerDirective' || p.type === 'leafDirective',
    );
    const container = directives.findLast((p) => p.type === 'containerDirective');
    checkOne(
      file,
      kind,
      text,
      node,
      directives.map((d) => d.name),
      container as ContainerDirective | undefined,
    );
  });
}

function checkOne(
  file: VFile,
  kind: SourceKind,
  text: string,
  node: Directive,
  ancestors: string[],
  container: ContainerDirective | undefined,
): void {
  const fence = fenceOf(node, text);
  const known = node.type === 'containerDirective' ? CONTAINERS : LEAVES;
  if (!known.includes(node.name)) {
    const other = node.type === 'containerDirective' ? LEAVES : CONTAINERS;
    const hint = other.includes(node.name)
      ? node.type === 'containerDirective'
        ? `; '::${node.name}{#id}' (two colons, no body) embeds a question`
        : `; '${node.name}' is a container: open it with ':::${node.name}' and close it with ':::'`
      : didYouMean(node.name, known);
    report(file, 'directive-unknown', `unknown directive '${fence}${node.name}'${hint}`, openingSpan(node));
  } else {
    const misplaced = misplacement(kind, node, ancestors);
    if (misplaced) report(file, 'directive-misplaced', misplaced, openingSpan(node));
  }
  if (node.type === 'containerDirective' && !node.data?.position?.closing) {
    report(
      file,
      'directive-unclosed',
      outerFenceHint(node, container, text) ??
        `'${fence}${node.name}' is never closed: add a line '${fence}' where it ends`,
      openingSpan(node),
    );
  }
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
