/**
 * A question bank file: optional frontmatter defaults, then questions in either syntax.
 * Anything that is neither a directive question nor a plain-style question ("Back to top"
 * links, section headings) is ignored, so public banks compile unchanged.
 */
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { isQuestionLintRule, type RuleId, report } from '../diagnostics.js';
import { lintQuestion } from '../lint/index.js';
import { parseFrontmatter } from '../parse/frontmatter.js';
import { openingSpan } from '../parse/positions.js';
import { BankFrontmatter } from '../schema/frontmatter.js';
import { extractDirectiveQuestion } from './directive-question.js';
import { extractPlainQuestion } from './plain-question.js';
import {
  type ExtractedQuestion,
  isExplanationDirective,
  isTaskList,
  type QuestionDefaults,
  type QuestionDraft,
} from './question.js';
import { readLintConfig } from './silence.js';

export interface BankDraft {
  /** The exam this file's questions default to (frontmatter `exam`, else the folder). */
  exam: string | undefined;
  /** Bank-wide linter rules silenced in this file's frontmatter. */
  silenced: RuleId[];
}

export function extractBank(file: VFile, tree: Root): { bank: BankDraft; questions: QuestionDraft[] } {
  const frontmatter = parseFrontmatter(file, tree, BankFrontmatter, { required: false });
  const data = frontmatter.data ?? {};
  const silenced = readLintConfig(file, data.lint, frontmatter.keys, frontmatter.span);

  // questions/<exam-id>/<name>.md: the folder names the exam unless the frontmatter does.
  const parts = file.path.split('/');
  const folderExam = parts.length >= 3 ? parts[1] : undefined;
  const exam = data.exam
    ? { value: data.exam, span: frontmatter.keys.exam ?? frontmatter.span }
    : folderExam
      ? { value: folderExam, span: frontmatter.span }
      : undefined;
  if (!exam && frontmatter.data) {
    report(
      file,
      'unknown-exam',
      "bank file is not in questions/<exam-id>/ and its frontmatter sets no 'exam:'",
      frontmatter.span,
    );
  }
  const defaults: QuestionDefaults = {
    exam,
    domain: data.domain
      ? { value: data.domain, span: frontmatter.keys.domain ?? frontmatter.span }
      : undefined,
    difficulty: data.difficulty,
    topics: data.topics,
    silenced: silenced.filter(isQuestionLintRule),
  };

  const questions: QuestionDraft[] = [];
  const take = (extracted: ExtractedQuestion): void => {
    lintQuestion(file, extracted.syntax);
    if (extracted.draft) questions.push(extracted.draft);
  };

  const children = tree.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as RootContent;
    if (child.type === 'containerDirective' && child.name === 'question') {
      take(extractDirectiveQuestion(file, child, defaults));
      continue;
    }
    if (isExplanationDirective(child)) {
      report(
        file,
        'directive-misplaced',
        ':::explanation belongs inside a ::::question block or right after a plain-style option list',
        openingSpan(child),
      );
      continue;
    }
    // Plain style, heading form: heading, optional further stem blocks, task list.
    if (child.type === 'heading') {
      let j = i + 1;
      while (j < children.length && isStemContinuation(children[j] as RootContent)) j++;
      const list = children[j];
      if (list && isTaskList(list)) {
        const { explanation, consumed } = plainExplanation(children[j + 1]);
        take(
          extractPlainQuestion(file, {
            heading: child as Heading,
            more: children.slice(i + 1, j),
            list,
            explanation,
            defaults,
          }),
        );
        i = j + consumed;
      }
      continue;
    }
    // Plain style, numbered form: "1. Question" with the options nested or right after it.
    if (child.type === 'list' && child.ordered) {
      const items = child.children;
      items.forEach((item, index) => {
        const nested = item.children.findIndex((node) => isTaskList(node));
        if (nested > 0) {
          take(numberedQuestion(file, item, nested, defaults));
          return;
        }
        const next = children[i + 1];
        if (index === items.length - 1 && next && isTaskList(next)) {
          const { explanation, consumed } = plainExplanation(children[i + 2]);
          const heading = firstParagraph(item);
          if (heading) {
            take(
              extractPlainQuestion(file, {
                heading,
                more: item.children.slice(1),
                list: next,
                explanation,
                defaults,
              }),
            );
            i += 1 + consumed;
          }
        }
      });
    }
  }
  return { bank: { exam: exam?.value, silenced }, questions };
}

function isStemContinuation(node: RootContent): boolean {
  return (
    ['paragraph', 'code', 'blockquote', 'table', 'html'].includes(node.type) && !isExplanationParagraph(node)
  );
}

function firstParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

function numberedQuestion(
  file: VFile,
  item: ListItem,
  listIndex: number,
  defaults: QuestionDefaults,
): ExtractedQuestion {
  const heading = firstParagraph(item) ?? { type: 'paragraph', children: [] };
  const list = item.children[listIndex] as List;
  const { explanation } = plainExplanation(item.children[listIndex + 1]);
  return extractPlainQuestion(file, {
    heading,
    more: item.children.slice(1, listIndex),
    list,
    explanation,
    defaults,
  });
}

const EXPLANATION_PREFIX = /^\s*explanation\s*:?\s*/i;

function isExplanationParagraph(node: RootContent | undefined): node is Paragraph {
  if (node?.type !== 'paragraph') return false;
  const first = node.children[0];
  if (first?.type === 'text') return /^\s*explanation\s*:/i.test(first.value);
  if (first?.type === 'strong' || first?.type === 'emphasis') {
    const inner = first.children[0];
    const next = node.children[1];
    return (
      inner?.type === 'text' &&
      (/^\s*explanation\s*:\s*$/i.test(inner.value) ||
        (/^\s*explanation\s*$/i.test(inner.value) && next?.type === 'text' && next.value.startsWith(':')))
    );
  }
  return false;
}

/** "Explanation: …" paragraph (prefix removed) or a `:::explanation` block right after the options. */
function plainExplanation(node: RootContent | undefined): {
  explanation: RootContent[] | undefined;
  consumed: number;
} {
  if (node && isExplanationDirective(node))
    return { explanation: (node as ContainerDirective).children, consumed: 1 };
  if (!isExplanationParagraph(node)) return { explanation: undefined, consumed: 0 };
  const children: PhrasingContent[] = [...node.children];
  const first = children[0];
  if (first?.type === 'text') {
    children[0] = { ...first, value: first.value.replace(EXPLANATION_PREFIX, '') };
  } else {
    children.shift();
    const next = children[0];
    if (next?.type === 'text') children[0] = { ...next, value: next.value.replace(/^\s*:?\s*/, '') };
  }
  return { explanation: [{ ...node, children }], consumed: 1 };
}
