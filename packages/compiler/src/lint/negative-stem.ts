/**
 * Negative stems ("Which is NOT …") are missed by readers skimming under time pressure.
 * They are fine when the negative word is emphasised (`**NOT**`, `*except*`): text inside
 * strong/emphasis is never flagged.
 *
 * Which words count: NOT / EXCEPT / LEAST in capitals anywhere in the stem (the author is
 * already shouting it, so it should be emphasised), and in any case in the sentence that
 * asks the question (the one ending in "?", else the last sentence). Lower-case "not" in
 * the scenario ("the team does not want to retrain") is a constraint, not a negative stem.
 */
import type { Parent, RootContent, Text } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import type { Span } from '../diagnostics.js';
import type { QuestionRule } from './rule.js';

interface Word {
  word: string;
  span: Span;
  /** Offset in the stem's plain text, to find which sentence it is in. */
  offset: number;
}

const NEGATIVE = /\b(not|except|least)\b/gi;

export const negativeStem: QuestionRule = {
  id: 'negative-stem',
  check(question, report) {
    const { text, words } = scanStem(question.stem);
    const asking = askingSentence(text);
    for (const word of words) {
      const shouted = word.word === word.word.toUpperCase();
      const inQuestion = word.offset >= asking.start && word.offset < asking.end;
      if (shouted || inQuestion) {
        report(
          `negative stem: '${word.word}' is easy to miss; emphasise it (**${word.word.toUpperCase()}**) or ask positively`,
          word.span,
        );
      }
    }
  },
};

/** Plain text of the stem plus the unemphasised negative words with their positions. */
function scanStem(stem: RootContent[]): { text: string; words: Word[] } {
  let text = '';
  const words: Word[] = [];
  // Blocks end sentences even without punctuation: a block's break is added once the walk has
  // left it (the first node after it that is not inside it), innermost block first.
  const open: Parent[] = [];
  const closeUntil = (parents: readonly Parent[]) => {
    while (open.length > 0 && !parents.includes(open.at(-1) as Parent)) {
      open.pop();
      text += '\n\n';
    }
  };
  for (const block of stem) {
    visitParents(block, (node, parents) => {
      closeUntil(parents);
      if (node.type === 'text') {
        const emphasised = parents.some((p) => p.type === 'strong' || p.type === 'emphasis');
        if (!emphasised) collect(node, text.length, words);
        text += node.value;
      } else if (node.type === 'inlineCode') {
        text += node.value;
      } else if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem') {
        open.push(node);
      }
    });
    closeUntil([]);
  }
  return { text, words };
}

function collect(node: Text, base: number, words: Word[]): void {
  const start = node.position?.start;
  if (!start) return;
  for (const match of node.value.matchAll(NEGATIVE)) {
    const before = node.value.slice(0, match.index);
    // Line endings as the parser counts them (a text node keeps the author's \r\n or \r).
    const lines = before.split(/\r\n|\r|\n/);
    const line = start.line + lines.length - 1;
    const column = lines.length === 1 ? start.column + before.length : (lines.at(-1)?.length ?? 0) + 1;
    words.push({
      word: match[0],
      offset: base + match.index,
      span: { start: { line, column }, end: { line, column: column + match[0].length } },
    });
  }
}

/** The range of the sentence that asks: the last one ending in '?', else the last sentence. */
function askingSentence(text: string): { start: number; end: number } {
  // A sentence ends at . ? ! followed by a space (so "0.25" and "e.g.x" do not split) or at a block break.
  const sentences: Array<{ start: number; end: number; asks: boolean }> = [];
  let start = 0;
  for (const match of text.matchAll(/[.?!]+(?=\s|$)|\n+/g)) {
    const end = match.index + match[0].length;
    const sentence = text.slice(start, end);
    if (sentence.trim().length > 0) sentences.push({ start, end, asks: match[0].includes('?') });
    start = end;
  }
  if (text.slice(start).trim().length > 0) sentences.push({ start, end: text.length, asks: false });
  const asking = sentences.findLast((s) => s.asks) ?? sentences.at(-1);
  return asking ?? { start: 0, end: 0 };
}
