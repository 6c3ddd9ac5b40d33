/**
 * mdast → sanitized HTML. Order matters: remark-rehype (raw HTML is dropped, never passed
 * through) → rehype-sanitize with GitHub's schema → our own additions (heading ids,
 * question placeholders, FAQ section), which the sanitizer would otherwise clobber or strip
 * → rehype-stringify.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, RootContent as HastContent, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';

/**
 * Our placeholders travel through the sanitizer as private element names that no author
 * can produce (raw HTML never reaches the sanitizer) and become real markup afterwards.
 */
export const QUESTION_ELEMENT = 'examdown-question';
export const FAQ_ELEMENT = 'examdown-faq';

const schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), QUESTION_ELEMENT, FAQ_ELEMENT],
  attributes: { ...defaultSchema.attributes, [QUESTION_ELEMENT]: ['dataQuestionId'] },
};

const toHast = unified().use(remarkRehype).use(rehypeSanitize, schema).freeze();
const stringifier = unified().use(rehypeStringify).freeze();

export interface TocItem {
  depth: number;
  id: string;
  text: string;
}

export interface FaqEntry {
  id: string;
  question: string;
  answerHtml: string;
}

export interface RenderedDocument {
  html: string;
  /** h2–h3 outside the FAQ, in document order. */
  toc: TocItem[];
  /** Every heading id, for checking `studyGuide.section` anchors. */
  headingIds: string[];
  faq: FaqEntry[];
}

function sanitize(children: RootContent[]): HastRoot {
  const root: Root = { type: 'root', children };
  return toHast.runSync(root) as HastRoot;
}

function stringify(children: HastContent[]): string {
  return stringifier.stringify({ type: 'root', children });
}

/** A fragment (stem, rationale, explanation): sanitized HTML, no heading ids. */
export function renderFragment(children: RootContent[]): string {
  const tree = sanitize(children);
  finishPlaceholders(tree);
  return stringify(tree.children).trim();
}

/** An option or rationale: inline HTML when it is a single paragraph, block HTML otherwise. */
export function renderInlineOrBlocks(children: RootContent[]): string {
  const only = children[0];
  if (children.length !== 1 || only?.type !== 'paragraph') return renderFragment(children);
  // Render the paragraph as a paragraph (phrasing content at the root would be joined with
  // newlines by remark-rehype), then drop the <p> wrapper.
  const tree = sanitize(children);
  finishPlaceholders(tree);
  const paragraph = tree.children.find((node) => node.type === 'element' && node.tagName === 'p');
  return stringify(paragraph?.type === 'element' ? paragraph.children : tree.children).trim();
}

/** A whole document body (guide, exam description): adds heading ids, toc and FAQ extraction. */
export function renderDocument(children: RootContent[]): RenderedDocument {
  const tree = sanitize(children);
  const slugger = new GithubSlugger();
  const toc: TocItem[] = [];
  const headingIds: string[] = [];
  const faq: FaqEntry[] = [];

  visitParents(tree, 'element', (node, parents) => {
    const depth = headingDepth(node);
    if (depth === undefined) return;
    const text = hastToString(node).trim();
    const id = slugger.slug(text);
    node.properties = { ...node.properties, id };
    headingIds.push(id);
    const inFaq = parents.some((p) => p.type === 'element' && p.tagName === FAQ_ELEMENT);
    if (!inFaq && depth >= 2 && depth <= 3) toc.push({ depth, id, text });
    return SKIP;
  });

  // FAQ entries are read after ids exist so each answer can be linked to by its heading id.
  visit(tree, 'element', (node) => {
    if (node.tagName !== FAQ_ELEMENT) return;
    faq.push(...faqEntries(node));
    return SKIP;
  });
  finishPlaceholders(tree);
  return { html: stringify(tree.children).trim(), toc, headingIds, faq };
}

function headingDepth(node: Element): number | undefined {
  const match = /^h([1-6])$/.exec(node.tagName);
  return match ? Number(match[1]) : undefined;
}

function faqEntries(section: Element): FaqEntry[] {
  const entries: FaqEntry[] = [];
  let current: { id: string; question: string; answer: ElementContent[] } | undefined;
  const flush = () => {
    if (current)
      entries.push({
        id: current.id,
        question: current.question,
        answerHtml: stringify(current.answer).trim(),
      });
  };
  for (const child of section.children) {
    if (child.type === 'element' && headingDepth(child) !== undefined) {
      flush();
      current = { id: String(child.properties.id ?? ''), question: hastToString(child).trim(), answer: [] };
    } else if (current) {
      current.answer.push(child);
    }
  }
  flush();
  return entries.filter((entry) => entry.question.length > 0);
}

/**
 * Turns the private placeholder elements into the markup the client expects, and makes code
 * blocks focusable: a long line scrolls the block sideways, and a keyboard user can scroll only
 * what takes focus (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
function finishPlaceholders(tree: HastRoot): void {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'pre') {
      node.properties = { ...node.properties, tabIndex: 0 };
    } else if (node.tagName === QUESTION_ELEMENT) {
      const id = String(node.properties.dataQuestionId ?? '');
      node.tagName = 'div';
      node.properties = { className: ['examdown-question'], dataQuestionId: id };
      node.children = [];
    } else if (node.tagName === FAQ_ELEMENT) {
      node.tagName = 'section';
      node.properties = { className: ['examdown-faq'] };
    }
  });
}
