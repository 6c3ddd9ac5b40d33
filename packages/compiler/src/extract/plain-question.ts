/**
 * The plain style of public question banks: a heading or numbered line (the stem and the id's
 * source) followed by a task list of options.
 */
import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { spanOfNode } from '../parse/positions.js';
import { buildQuestion, type ExtractedQuestion, type QuestionDefaults } from './question.js';

export interface PlainQuestionInput {
  /** The heading or numbered line; its text is the stem's first part and the id's source. */
  heading: Node & { children: PhrasingContent[] };
  /** Further stem blocks between the heading and the list (code, images, paragraphs). */
  more: RootContent[];
  list: List;
  explanation: RootContent[] | undefined;
  defaults: QuestionDefaults;
}

/** The plain style: id from the heading text, kebab-case, at most 64 characters. */
export function extractPlainQuestion(file: VFile, input: PlainQuestionInput): ExtractedQuestion {
  const { heading, defaults } = input;
  const id = plainQuestionId(mdastToString(heading));
  const stemParagraph: Paragraph = { type: 'paragraph', children: heading.children };
  if (heading.position) stemParagraph.position = heading.position;
  const built = buildQuestion(file, {
    id,
    span: spanOfNode(heading),
    sourceNode: heading,
    stem: [stemParagraph, ...input.more],
    list: input.list,
    explanation: input.explanation,
    exam: defaults.exam,
    domain: defaults.domain,
    difficulty: defaults.difficulty,
    topics: defaults.topics ?? [],
    silenced: defaults.silenced,
  });
  if (!id) {
    report(file, 'question-missing-id', 'cannot derive a question id from this heading', spanOfNode(heading));
  }
  return { draft: id ? built.draft : undefined, syntax: built.syntax };
}

/** "Which PSI value indicates major drift?" → "which-psi-value-indicates-major-drift". */
export function plainQuestionId(text: string): string {
  const kebab = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*(?:q(?:uestion)?\s*)?\d+\s*[.):-]\s*/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (kebab.length <= 64) return kebab;
  // Cut at a word boundary when one is near, so ids stay readable.
  const cut = kebab.slice(0, 64);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 40 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
