/**
 * remark plugin: an option whose content continues in a following fenced code block, image or
 * table stays one option. CommonMark ends a list at an unindented block, so
 *
 *     - [ ] `A`
 *
 *     ```js
 *     for (let i = 0; …)
 *     ```
 *
 *     - [x] `B`
 *
 * parses as list, code, list. When such blocks sit *between two task lists*, they are moved into
 * the last item of the list before them and the lists are merged into one, so the question has
 * all its options. Blocks after the last list are left alone (they may be the explanation).
 * Positions stay those of the source; the item's end moves to the end of its last block.
 */
import type { Code, List, Paragraph, Parent, Root, RootContent, Table } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

type Continuation = Code | Paragraph | Table;

export function isTaskList(node: RootContent | undefined): node is List {
  return node?.type === 'list' && node.children.some((item) => typeof item.checked === 'boolean');
}

function isImageParagraph(node: RootContent): node is Paragraph {
  return (
    node.type === 'paragraph' &&
    node.children.length > 0 &&
    node.children.every(
      (c) =>
        c.type === 'image' || c.type === 'imageReference' || (c.type === 'text' && c.value.trim() === ''),
    )
  );
}

function isContinuation(node: RootContent | undefined): node is Continuation {
  return node !== undefined && (node.type === 'code' || node.type === 'table' || isImageParagraph(node));
}

/** Merges option lists split by code blocks, images or tables, in place. */
export function mergeOptionLists(parent: Parent): void {
  const children = parent.children as RootContent[];
  const continued = new Set<List>();
  let i = 0;
  while (i < children.length) {
    const list = children[i];
    if (!isTaskList(list)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (isContinuation(children[j])) j++;
    const next = children[j];
    // After the last option of a list whose options each continued in a block, the block after
    // the last option is that option's too (`- [ ] \`C\``, then its code, then the explanation).
    if (j > i + 1 && !isTaskList(next) && continued.has(list)) {
      attach(list, children.slice(i + 1, j) as Continuation[]);
      children.splice(i + 1, j - i - 1);
      i++;
      continue;
    }
    if (j === i + 1 || !isTaskList(next) || next.ordered !== list.ordered) {
      // Two task lists back to back (a loose list split by a blank line and a marker change) merge too.
      if (j === i + 1 && isTaskList(next) && next.ordered === list.ordered) {
        list.children.push(...next.children);
        extendEnd(list, next);
        children.splice(j, 1);
        continue;
      }
      i++;
      continue;
    }
    attach(list, children.slice(i + 1, j) as Continuation[]);
    continued.add(list);
    list.children.push(...next.children);
    list.spread = true;
    extendEnd(list, next);
    children.splice(i + 1, j - i);
    // Stay on the merged list: more continuations may follow.
  }
}

/** Appends blocks to the list's last item. */
function attach(list: List, blocks: Continuation[]): void {
  const last = list.children.at(-1);
  if (!last) return;
  last.children.push(...blocks);
  extendEnd(last, blocks.at(-1));
  last.spread = true;
}

function extendEnd(
  target: { position?: RootContent['position'] },
  source: { position?: RootContent['position'] } | undefined,
) {
  if (target.position && source?.position) target.position = { ...target.position, end: source.position.end };
}

/**
 * Where options may continue: inside `::::question` blocks everywhere, and in bank files also at
 * the top level and in numbered items (the plain style of public banks). Guides keep their own
 * lists and code as written.
 */
const optionContinuation: Plugin<[], Root> = () => (tree, file) => {
  const inBank = (file.data as { kind?: string }).kind === 'bank';
  const parents: Parent[] = [];
  visit(tree, (node) => {
    const isQuestion = node.type === 'containerDirective' && (node as { name?: string }).name === 'question';
    if (isQuestion || (inBank && (node.type === 'root' || node.type === 'listItem')))
      parents.push(node as Parent);
  });
  for (const parent of parents) mergeOptionLists(parent);
};

export default optionContinuation;
