/**
 * `<details><summary>Answer</summary> … </details>` after a plain-style question's options, the
 * way many public banks hide the answer. What is inside becomes the explanation:
 * - Markdown between the `<details>` and `</details>` lines stays Markdown (headings included:
 *   inside the block they do not start the next question);
 * - HTML inside the block becomes plain text paragraphs (`<p>`, `<br>` and blank lines split
 *   them, `<pre>` becomes a code block, every other tag goes, entities are decoded), so nothing
 *   an author wrote as HTML reaches the page as HTML;
 * - the summary ("Answer", "Show explanation") goes.
 * An answer statement ("Correct answer: B", "#### Answer: C", "**Answers:** A, D") found in the
 * summary or at the start of a block inside gives the key (`StatedAnswer`); it is removed from
 * the explanation, since learners see the options shuffled under the client's own letters.
 */
import type { Code, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Position } from 'unist';

export interface StatedAnswer {
  /** Option ids as letters: ['b'], ['a', 'd']. */
  letters: string[];
  /** The block (or HTML) that states it. */
  position?: Position | undefined;
}

const OPEN = /<details\b/gi;
const CLOSE = /<\/details\s*>/gi;

/** An HTML block that opens a `<details>` element. */
export function detailsOpen(node: RootContent | undefined): boolean {
  return node?.type === 'html' && /^\s*<details\b/i.test(node.value);
}

/** Index after the block that closes the `<details>` opened at `start` (nested ones counted); -1 if none does. */
export function detailsEnd(siblings: readonly RootContent[], start: number): number {
  let depth = 0;
  for (let i = start; i < siblings.length; i++) {
    const node = siblings[i] as RootContent;
    if (node.type !== 'html') continue;
    depth += (node.value.match(OPEN)?.length ?? 0) - (node.value.match(CLOSE)?.length ?? 0);
    if (depth <= 0) return i + 1;
  }
  return -1;
}

/** The blocks inside `<details>` (the `nodes` from its opening to its closing HTML) and its answer, if stated. */
export function readDetails(nodes: readonly RootContent[]): {
  blocks: RootContent[];
  answer: StatedAnswer | undefined;
} {
  let summary = '';
  const blocks: RootContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'html') {
      blocks.push(node);
      continue;
    }
    const html = node.value.replace(/<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/gi, (_, inner: string) => {
      summary ||= plainText(inner).trim();
      return '\n\n';
    });
    blocks.push(...htmlBlocks(html, node.position));
  }
  const fromSummary = answerIn(summary);
  if (fromSummary) {
    const position = nodes[0]?.position;
    return { blocks, answer: { letters: fromSummary.letters, position } };
  }
  const at = blocks.findIndex((block) => answerIn(firstLine(block)) !== undefined);
  const block = blocks[at];
  if (!block) return { blocks, answer: undefined };
  const found = answerIn(firstLine(block)) as { letters: string[]; length: number };
  const rest = withoutPrefix(block, found.length);
  blocks.splice(at, 1, ...(rest ? [rest] : []));
  return { blocks, answer: { letters: found.letters, position: block.position } };
}

// "Answer: B", "Correct answer: (B)", "Answers: A, C", "The correct answer is B.", "ANSWER - Option D".
// Letters only in capitals: "Answer: a function of …" is prose.
const ANSWER = new RegExp(
  String.raw`^\s*(?:[Tt]he\s+)?(?:[Cc]orrect\s+|CORRECT\s+|[Rr]ight\s+)?(?:[Aa]nswers?|ANSWERS?)\s*` +
    String.raw`(?:is\b|are\b|:|-|–|—)\s*:?\s*(?:[Oo]ptions?\s+|OPTIONS?\s+)?` +
    String.raw`(\(?[A-Z]\)?(?:\s*(?:,|&|\/|\band\b|\s)\s*\(?[A-Z]\)?)*)(?=\s*(?:[.):;]|$))[.):;]?`,
);

/** The letters an answer statement names, and how many characters of `text` it takes. */
export function answerIn(text: string): { letters: string[]; length: number } | undefined {
  const match = ANSWER.exec(text);
  if (!match) return undefined;
  const letters = (match[1] ?? '').match(/[A-Z]/g) ?? [];
  return { letters: [...new Set(letters.map((l) => l.toLowerCase()))].sort(), length: match[0].length };
}

/** Plain text, breaks as newlines. */
function textOf(node: RootContent | PhrasingContent): string {
  if (node.type === 'break') return '\n';
  if ('value' in node) return String(node.value);
  if ('children' in node) return (node.children as PhrasingContent[]).map(textOf).join('');
  return '';
}

function firstLine(block: RootContent): string {
  if (block.type !== 'paragraph' && block.type !== 'heading') return '';
  return textOf(block).split('\n')[0] ?? '';
}

/** The paragraph or heading without its first `length` characters of text (and the space after); undefined if nothing is left. */
function withoutPrefix(block: RootContent, length: number): RootContent | undefined {
  if (block.type !== 'paragraph' && block.type !== 'heading') return block;
  let left = length;
  const cut = (children: PhrasingContent[]): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    for (const child of children) {
      if (left <= 0) {
        out.push(child);
        continue;
      }
      const size = textOf(child).length;
      if (size <= left) {
        left -= size;
        continue;
      }
      if ('value' in child) {
        out.push({ ...child, value: child.value.slice(left) } as PhrasingContent);
        left = 0;
      } else if ('children' in child) {
        out.push({ ...child, children: cut(child.children as PhrasingContent[]) } as PhrasingContent);
      }
    }
    return out;
  };
  const children = trimStart(cut(block.children));
  if (children.every((c) => textOf(c).trim() === '')) return undefined;
  // The rest of a heading's line reads as a paragraph ("Answer: B — because …").
  return { type: 'paragraph', children, ...(block.position ? { position: block.position } : {}) };
}

/** Leading whitespace, breaks and punctuation left by the removed statement. */
function trimStart(children: PhrasingContent[]): PhrasingContent[] {
  const out = [...children];
  while (out.length > 0) {
    const first = out[0] as PhrasingContent;
    if (first.type === 'break') out.shift();
    else if (first.type === 'text') {
      const value = first.value.replace(/^[\s.):;,–—-]+/, '');
      if (value) {
        out[0] = { ...first, value };
        break;
      }
      out.shift();
    } else break;
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Text of an HTML fragment: `<br>` as a newline, every other tag gone, entities decoded. */
function plainText(html: string): string {
  return decode(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''));
}

/** HTML inside `<details>` as text blocks: `<pre>` → code, the rest → paragraphs. */
function htmlBlocks(html: string, position: Position | undefined): RootContent[] {
  const inner = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?details\b[^>]*>/gi, '\n\n');
  const blocks: RootContent[] = [];
  const at = position ? { position } : {};
  const paragraphs = (chunk: string) => {
    const text = chunk.replace(/<\/?(?:p|div)\b[^>]*>/gi, '\n\n');
    for (const part of plainText(text).split(/\n\s*\n/)) {
      const value = part
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n');
      if (value) blocks.push({ type: 'paragraph', children: [{ type: 'text', value }], ...at } as Paragraph);
    }
  };
  let last = 0;
  for (const match of inner.matchAll(/<pre\b[^>]*>([\s\S]*?)<\/pre\s*>/gi)) {
    paragraphs(inner.slice(last, match.index));
    const code = /^\s*<code\b([^>]*)>([\s\S]*?)<\/code\s*>\s*$/i.exec(match[1] ?? '');
    const lang = /class="[^"]*language-([\w-]+)/i.exec(code?.[1] ?? '')?.[1];
    const value = plainText(code ? (code[2] ?? '') : (match[1] ?? '')).replace(/^\n+|\s+$/g, '');
    blocks.push({ type: 'code', lang: lang ?? null, value, ...at } as Code);
    last = (match.index ?? 0) + match[0].length;
  }
  paragraphs(inner.slice(last));
  return blocks;
}
