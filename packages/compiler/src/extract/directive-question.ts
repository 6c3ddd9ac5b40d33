/** `::::question{#id domain=x …}`: attributes, stem, options and one `:::explanation`. */
import type { List, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { didYouMean } from '../did-you-mean.js';
import { attributeSpan, openingSpan, spanOfNode } from '../parse/positions.js';
import { Difficulty, Slug } from '../schema/index.js';
import {
  buildQuestion,
  type ExtractedQuestion,
  isExplanationDirective,
  isTaskList,
  type QuestionDefaults,
} from './question.js';
import { readIgnoreAttribute } from './silence.js';

const ATTRIBUTES = ['id', 'exam', 'domain', 'difficulty', 'topics', 'ignore', 'reason'];

/** `::::question{#id domain=x}` → question. */
export function extractDirectiveQuestion(
  file: VFile,
  node: ContainerDirective,
  defaults: QuestionDefaults,
): ExtractedQuestion {
  const attrs = node.attributes ?? {};
  const opening = openingSpan(node);

  for (const name of Object.keys(attrs)) {
    if (!ATTRIBUTES.includes(name)) {
      report(
        file,
        'question-invalid-attribute',
        `unknown question attribute '${name}'${didYouMean(name, ATTRIBUTES)}`,
        attributeSpan(node, name),
      );
    }
  }

  const id = attrs.id ?? '';
  if (!id) {
    report(file, 'question-missing-id', 'question has no id: add {#some-id} after ::::question', opening);
  } else if (!Slug.safeParse(id).success) {
    report(
      file,
      'question-invalid-attribute',
      `question id '${id}' must be lower-case kebab-case (letters, digits, single hyphens)`,
      attributeSpan(node, 'id'),
    );
  }

  let difficulty = defaults.difficulty;
  if (attrs.difficulty !== undefined && attrs.difficulty !== null) {
    const parsed = Difficulty.safeParse(attrs.difficulty);
    if (parsed.success) difficulty = parsed.data;
    else {
      report(
        file,
        'question-invalid-attribute',
        `difficulty '${attrs.difficulty}' must be one of easy, medium, hard${didYouMean(attrs.difficulty, Difficulty.options)}`,
        attributeSpan(node, 'difficulty'),
      );
    }
  }

  const topics =
    attrs.topics !== undefined && attrs.topics !== null ? splitList(attrs.topics) : defaults.topics;
  const exam = attrs.exam ? { value: attrs.exam, span: attributeSpan(node, 'exam') } : defaults.exam;
  const domain = attrs.domain
    ? { value: attrs.domain, span: attributeSpan(node, 'domain') }
    : defaults.domain;

  const silenced = [
    ...defaults.silenced,
    ...readIgnoreAttribute(file, attrs.ignore, attrs.reason, attributeSpan(node, 'ignore')),
  ];

  // Stem = everything before the option list; one :::explanation may sit anywhere after it.
  const listIndex = node.children.findIndex((child) => isTaskList(child));
  const list = listIndex === -1 ? undefined : (node.children[listIndex] as List);
  const stem: RootContent[] = [];
  let explanation: RootContent[] | undefined;
  node.children.forEach((child, index) => {
    if (isExplanationDirective(child)) {
      if (explanation) {
        report(
          file,
          'question-stray-content',
          'a question has at most one :::explanation',
          spanOfNode(child),
        );
      } else {
        explanation = child.children;
      }
    } else if (listIndex === -1 || index < listIndex) {
      stem.push(child);
    } else if (index > listIndex) {
      report(
        file,
        'question-stray-content',
        'unexpected content after the options: put it in the stem (before the list) or in a :::explanation block',
        spanOfNode(child),
      );
    }
  });

  const built = buildQuestion(file, {
    id,
    span: opening,
    sourceNode: node,
    stem,
    list,
    explanation,
    exam,
    domain,
    difficulty,
    topics: topics ?? [],
    silenced,
  });
  return { draft: id ? built.draft : undefined, syntax: built.syntax };
}

/** `topics="drift, psi"` → ['drift', 'psi']. */
function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
