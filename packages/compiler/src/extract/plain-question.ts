/**
 * The plain style of public question banks: a heading or numbered line (the stem, or only a label
 * such as "Question 12" with the stem after it) followed by a task list of options, then
 * optionally what follows the options (explanation, sources; see trailing.ts).
 */
import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { spanOfNode } from '../parse/positions.js';
import { derivedIds } from './derived-id.js';
import type { StatedAnswer } from './details.js';
import { stripLetterLabels, withSources } from './plain-options.js';
import { buildQuestion, type ExtractedQuestion, type QuestionDefaults } from './question.js';
import type { Source } from './trailing.js';

export interface PlainQuestionInput {
  /** The heading or numbered line; its text is the stem's first part and the id's source. */
  heading: Node & { children: PhrasingContent[] };
  /** The heading is only a label ("Question 12"): the stem is `more`. */
  labelOnly: boolean;
  /** Further stem blocks between the heading and the list (code, images, paragraphs). */
  more: RootContent[];
  list: List;
  explanation: RootContent[] | undefined;
  sources: Source[];
  /** The key as a `<details>` block after the options states it. */
  answer?: StatedAnswer | undefined;
  defaults: QuestionDefaults;
}

/** The plain style: a derived id (derived-id.ts), unless the bank is written with directives. */
export function extractPlainQuestion(file: VFile, input: PlainQuestionInput): ExtractedQuestion {
  const { heading, defaults } = input;
  const headingText = mdastToString(heading);
  const stemParagraph: Paragraph = { type: 'paragraph', children: heading.children };
  if (heading.position) stemParagraph.position = heading.position;
  const stem = input.labelOnly ? input.more : [stemParagraph, ...input.more];
  const stemText = stem.map((node) => mdastToString(node)).join('\n');
  stripLetterLabels(input.list);
  const [id = '', ...fallbacks] = derivedIds({
    file: file.path,
    heading: headingText,
    stem: stemText,
    stemGoesOn: input.more.length > 0,
    options: input.list.children.map((item) => mdastToString(item)).join('\n'),
  });
  const built = buildQuestion(file, {
    id,
    span: spanOfNode(heading),
    sourceNode: heading,
    stem,
    list: input.list,
    explanation: withSources(input.explanation ?? [], input.sources),
    stated: input.answer,
    exam: defaults.exam,
    domain: defaults.domain,
    difficulty: defaults.difficulty,
    topics: defaults.topics ?? [],
    silenced: defaults.silenced,
    unusable: defaults.unusable,
  });
  if (!id) {
    report(file, 'question-missing-id', 'cannot derive a question id from this heading', spanOfNode(heading));
  }
  if (!id || !built.draft) return { draft: undefined, syntax: built.syntax };
  return { draft: { ...built.draft, idFallbacks: fallbacks }, syntax: built.syntax };
}
