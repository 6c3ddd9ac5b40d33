/**
 * What follows a plain-style question's options, up to the next question: its explanation when it
 * starts like one — `Explanation:` / `**Explanation:**` / `Answer:` / `**NOTE**:`, a
 * `[Reference …](url)` link, a blockquote (`> [!NOTE]` callouts), a `:::explanation` block — and
 * then everything after it ("Example:" with code, "More resources" link lists), and a
 * `<details>` block (details.ts: its content is explanation, an answer statement in it the key).
 * Link-only paragraphs and lists of links become the explanation's sources. "Back to top" links
 * and other raw HTML are dropped. Anything else after the options is ignored, as before.
 */
import type { Blockquote, Link, List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { detailsEnd, detailsOpen, readDetails, type StatedAnswer } from './details.js';

export interface Source {
  title: string;
  url: string;
}

export interface Trailing {
  /** Blocks of the explanation (marker prefix removed), possibly empty. */
  explanation: RootContent[];
  sources: Source[];
  /** How many sibling blocks belong to this question. */
  consumed: number;
  /** The key as a `<details>` block states it ("Correct answer: B"). */
  answer?: StatedAnswer | undefined;
}

const MARKER = /^\s*(?:explanation|answer|note|notes|rationale)\s*:\s*/i;
const MARKER_WORD = /^\s*(?:explanation|answer|note|notes|rationale)\s*:?\s*$/i;

const textOf = (node: PhrasingContent | undefined): string =>
  node && 'value' in node
    ? String(node.value)
    : node && 'children' in node
      ? node.children.map(textOf).join('')
      : '';

/** A paragraph that starts with an explanation marker, plain or bold. */
export function markerParagraph(node: RootContent | undefined): node is Paragraph {
  if (node?.type !== 'paragraph') return false;
  const [first, second] = node.children;
  if (first?.type === 'text') return MARKER.test(first.value);
  if (first?.type === 'strong' || first?.type === 'emphasis') {
    const inner = textOf(first);
    return (
      MARKER.test(inner) || (MARKER_WORD.test(inner) && second?.type === 'text' && /^\s*:/.test(second.value))
    );
  }
  return false;
}

/** The paragraph without its marker ("**Explanation:** text" → "text"). */
export function stripMarker(node: Paragraph): Paragraph {
  const children = [...node.children];
  const first = children[0];
  if (first?.type === 'text') children[0] = { ...first, value: first.value.replace(MARKER, '') };
  else {
    children.shift();
    const next = children[0];
    if (next?.type === 'text') children[0] = { ...next, value: next.value.replace(/^\s*:?\s*/, '') };
  }
  return { ...node, children };
}

const links = (node: Paragraph): Link[] => node.children.filter((c): c is Link => c.type === 'link');

/** Only links (and whitespace/separators) — a reference line. */
function linkParagraph(node: RootContent | undefined): node is Paragraph {
  if (node?.type !== 'paragraph') return false;
  const strong =
    node.children.length === 1 && node.children[0]?.type === 'strong'
      ? node.children[0].children
      : node.children;
  return (
    strong.some((c) => c.type === 'link') &&
    strong.every(
      (c) => c.type === 'link' || c.type === 'break' || (c.type === 'text' && /^[\s,;|·-]*$/.test(c.value)),
    )
  );
}

/** "[⬆ Back to Top](#table-of-contents)" and similar in-page links. */
export function backToTop(node: RootContent | undefined): boolean {
  if (!linkParagraph(node)) return false;
  const all =
    node.children.length === 1 && node.children[0]?.type === 'strong'
      ? node.children[0].children
      : node.children;
  return all.filter((c): c is Link => c.type === 'link').every((l) => l.url.startsWith('#'));
}

function linkList(node: RootContent | undefined): node is List {
  return (
    node?.type === 'list' &&
    node.children.every((item) => item.children.length === 1 && linkParagraph(item.children[0]))
  );
}

function startsExplanation(node: RootContent | undefined): boolean {
  if (!node) return false;
  if (node.type === 'containerDirective' && node.name === 'explanation') return true;
  if (node.type === 'blockquote' || detailsOpen(node)) return true;
  return markerParagraph(node) || (linkParagraph(node) && !backToTop(node));
}

/**
 * `siblings` are the blocks after the options; `isStart(node)` says whether a block starts the
 * next question (heading, thematic break, numbered question, directive question).
 */
export function readTrailing(
  siblings: readonly RootContent[],
  isStart: (node: RootContent) => boolean,
): Trailing {
  const first = siblings.findIndex((n) => (n.type !== 'html' || detailsOpen(n)) && !backToTop(n));
  if (first === -1 || !startsExplanation(siblings[first])) {
    return { explanation: [], sources: [], consumed: 0 };
  }
  const explanation: RootContent[] = [];
  const sources: Source[] = [];
  let answer: StatedAnswer | undefined;
  let i = first;
  for (; i < siblings.length; i++) {
    const node = siblings[i] as RootContent;
    if (detailsOpen(node)) {
      // Up to its closing tag, headings included; unclosed, it ends where the next question starts.
      let end = detailsEnd(siblings, i);
      if (end === -1) {
        end = siblings.findIndex((n, k) => k > i && isStart(n));
        if (end === -1) end = siblings.length;
      }
      const details = readDetails(siblings.slice(i, end));
      for (const block of details.blocks)
        explanation.push(markerParagraph(block) ? stripMarker(block) : block);
      answer ??= details.answer;
      i = end - 1;
      continue;
    }
    if (isStart(node)) break;
    if (node.type === 'html' || backToTop(node)) continue;
    if (node.type === 'containerDirective' && node.name === 'explanation') {
      explanation.push(...(node.children as RootContent[]));
    } else if (linkParagraph(node)) {
      for (const l of links(
        node.children.length === 1 && node.children[0]?.type === 'strong'
          ? { ...node, children: node.children[0].children }
          : node,
      )) {
        sources.push({ title: l.children.map(textOf).join('').trim() || l.url, url: l.url });
      }
    } else if (linkList(node)) {
      for (const item of node.children) {
        for (const l of links(item.children[0] as Paragraph))
          sources.push({ title: l.children.map(textOf).join('').trim() || l.url, url: l.url });
      }
    } else if (markerParagraph(node)) {
      explanation.push(stripMarker(node));
    } else if (node.type === 'blockquote') {
      explanation.push(...calloutless(node));
    } else {
      explanation.push(node);
    }
  }
  return { explanation, sources, consumed: i, ...(answer ? { answer } : {}) };
}

/** `> [!NOTE]` GitHub callouts: the marker line goes, the content stays. */
function calloutless(node: Blockquote): RootContent[] {
  const [first, ...rest] = node.children;
  if (
    first?.type === 'paragraph' &&
    first.children[0]?.type === 'text' &&
    /^\s*\[!\w+\]/.test(first.children[0].value)
  ) {
    const value = first.children[0].value.replace(/^\s*\[!\w+\]\s*/, '');
    const remaining = [...first.children.slice(1)];
    if (value) remaining.unshift({ ...first.children[0], value });
    return remaining.length > 0 ? [{ ...first, children: remaining }, ...rest] : rest;
  }
  return node.children;
}
