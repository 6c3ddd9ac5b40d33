/**
 * A question bank file: optional frontmatter defaults, then questions in either syntax.
 * Anything that is neither a directive question nor a plain-style question ("Back to top"
 * links, section headings, tables of contents) is ignored, so public banks compile unchanged.
 *
 * Defaults come from the question's attributes, then the file's frontmatter, then the exam
 * (its only domain, its `bankDomains` entry for this file, its `unusableQuestions`), then the
 * folder (`questions/<exam-id>/`). The exam's settings arrive with the file (its context).
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { isQuestionLintRule, type RuleId, report } from '../diagnostics.js';
import { lintQuestion } from '../lint/index.js';
import { parseFrontmatter } from '../parse/frontmatter.js';
import { openingSpan } from '../parse/positions.js';
import { BankFrontmatter } from '../schema/frontmatter.js';
import type { FileContext } from '../source/context.js';
import { isLabelOnly } from './derived-id.js';
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
import { markerParagraph, readTrailing } from './trailing.js';

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
  const context = (file.data as { context?: FileContext }).context ?? {};

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
  const settings = exam ? context.exams?.[exam.value] : undefined;
  const examDomain = settings?.bankDomains?.[parts.slice(2).join('/')] ?? settings?.domain;
  const defaults: QuestionDefaults = {
    exam,
    domain: data.domain
      ? { value: data.domain, span: frontmatter.keys.domain ?? frontmatter.span }
      : examDomain
        ? { value: examDomain, span: frontmatter.span }
        : undefined,
    difficulty: data.difficulty,
    topics: data.topics,
    silenced: silenced.filter(isQuestionLintRule),
    unusable: data.unusableQuestions ?? settings?.unusable ?? 'error',
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
    // Plain style, heading form: heading ("Q12. …", or only "Question 12"), further stem blocks, task list.
    if (child.type === 'heading') {
      let j = i + 1;
      while (j < children.length && isStemContinuation(children[j] as RootContent)) j++;
      const list = children[j];
      if (list && isTaskList(list)) {
        const trailing = readTrailing(children.slice(j + 1), isQuestionStart);
        take(
          extractPlainQuestion(file, {
            heading: child as Heading,
            labelOnly: isLabelOnly(mdastToString(child)),
            more: children.slice(i + 1, j),
            list,
            explanation: trailing.explanation,
            sources: trailing.sources,
            answer: trailing.answer,
            defaults,
          }),
        );
        i = j + trailing.consumed;
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
          const trailing = readTrailing(children.slice(i + 2), isQuestionStart);
          const heading = firstParagraph(item);
          if (heading) {
            take(
              extractPlainQuestion(file, {
                heading,
                labelOnly: false,
                more: item.children.slice(1),
                list: next,
                explanation: trailing.explanation,
                sources: trailing.sources,
                answer: trailing.answer,
                defaults,
              }),
            );
            i += 1 + trailing.consumed;
          }
        }
      });
    }
  }
  return { bank: { exam: exam?.value, silenced }, questions };
}

/** What starts the next question (or section): the end of what follows a question's options. */
function isQuestionStart(node: RootContent): boolean {
  return (
    node.type === 'heading' ||
    node.type === 'thematicBreak' ||
    (node.type === 'containerDirective' && node.name === 'question') ||
    (node.type === 'list' &&
      node.ordered === true &&
      node.children.some((item) => item.children.some(isTaskList)))
  );
}

function isStemContinuation(node: RootContent): boolean {
  return ['paragraph', 'code', 'blockquote', 'table', 'html'].includes(node.type) && !markerParagraph(node);
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
  const trailing = readTrailing(item.children.slice(listIndex + 1) as RootContent[], isQuestionStart);
  return extractPlainQuestion(file, {
    heading,
    labelOnly: false,
    more: item.children.slice(1, listIndex),
    list,
    explanation: trailing.explanation,
    sources: trailing.sources,
    answer: trailing.answer,
    defaults,
  });
}
