/**
 * A guide: article frontmatter + body. Questions defined in the body become bank questions
 * and leave a placeholder; `::question{#id}` leaves only a placeholder; `:::faq` becomes
 * the FAQ section and the `faq` list.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type RuleId, report, type Span } from '../diagnostics.js';
import { lintQuestion } from '../lint/index.js';
import { type KeySpans, parseFrontmatter } from '../parse/frontmatter.js';
import { openingSpan } from '../parse/positions.js';
import { FAQ_ELEMENT, QUESTION_ELEMENT, renderDocument } from '../render/html.js';
import { GuideFrontmatter } from '../schema/frontmatter.js';
import type { Guide } from '../schema/index.js';
import { extractDirectiveQuestion } from './directive-question.js';
import { resolveFileId } from './file-id.js';
import type { Located, QuestionDraft } from './question.js';
import { readLintConfig } from './silence.js';

export interface GuideDraft {
  guide: Guide;
  slugSpan: Span;
  frontmatterSpan: Span;
  keys: KeySpans;
  /** `::question{#id}` references, checked against all questions at link time. */
  embeds: Array<Located<string>>;
  /** Every heading anchor, for `studyGuide.section` checks. */
  headingIds: string[];
  /** Bank-wide rules silenced here (they apply to the guide's first exam). */
  silenced: RuleId[];
}

export const WORDS_PER_MINUTE = 220;

export function extractGuide(
  file: VFile,
  tree: Root,
): { guide: GuideDraft | undefined; questions: QuestionDraft[] } {
  const frontmatter = parseFrontmatter(file, tree, GuideFrontmatter, { required: true });
  const data = frontmatter.data;
  const questions: QuestionDraft[] = [];
  if (!data) return { guide: undefined, questions };

  const slugSpan = frontmatter.keys.slug ?? frontmatter.span;
  const slug = resolveFileId(file, data.slug, 'slug', slugSpan);
  const silenced = readLintConfig(file, data.lint, frontmatter.keys, frontmatter.span);
  const firstExam = data.exams[0];
  const defaults = {
    exam: firstExam ? { value: firstExam, span: frontmatter.keys['exams.0'] ?? frontmatter.span } : undefined,
    silenced,
  };

  const questionIds: string[] = [];
  const embeds: Array<Located<string>> = [];
  const placeholder = (id: string): Paragraph => ({
    type: 'paragraph',
    children: [],
    data: { hName: QUESTION_ELEMENT, hProperties: { dataQuestionId: id } },
  });

  visit(tree, (node, index, parent) => {
    if (node.type === 'containerDirective' && node.name === 'faq') {
      node.data = { ...node.data, hName: FAQ_ELEMENT };
      return;
    }
    if ((node.type !== 'containerDirective' && node.type !== 'leafDirective') || node.name !== 'question')
      return;
    if (!parent || index === undefined) return;
    let id: string | undefined;
    if (node.type === 'containerDirective') {
      const extracted = extractDirectiveQuestion(file, node, defaults);
      lintQuestion(file, extracted.syntax);
      if (extracted.draft) questions.push(extracted.draft);
      id = extracted.draft?.public.id;
    } else {
      id = embedId(file, node);
      if (id) embeds.push({ value: id, span: openingSpan(node) });
    }
    if (id) questionIds.push(id);
    // The question leaves a placeholder that the client fills from the questions API.
    parent.children[index] = placeholder(id ?? '');
    return SKIP;
  });

  const body: RootContent[] = tree.children.filter((node) => node.type !== 'yaml');
  const words =
    body
      .map((node) => mdastToString(node))
      .join(' ')
      .match(/\S+/g)?.length ?? 0;
  const rendered = renderDocument(body);

  const guide: Guide = {
    slug,
    title: data.title,
    ...(data.description !== undefined ? { description: data.description } : {}),
    ...(data.vendor !== undefined ? { vendor: data.vendor } : {}),
    exams: data.exams,
    published: data.published,
    ...(data.updated !== undefined ? { updated: data.updated } : {}),
    authors: data.authors,
    tags: data.tags,
    related: data.related,
    locale: data.locale,
    html: rendered.html,
    toc: rendered.toc,
    questionIds: [...new Set(questionIds)],
    faq: rendered.faq,
    readingMinutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)),
    source: `${file.path}:1`,
  };
  return {
    guide: {
      guide,
      slugSpan,
      frontmatterSpan: frontmatter.span,
      keys: frontmatter.keys,
      embeds,
      headingIds: rendered.headingIds,
      silenced,
    },
    questions,
  };
}

function embedId(file: VFile, node: LeafDirective): string | undefined {
  const id = node.attributes?.id;
  if (!id) {
    report(
      file,
      'question-missing-id',
      "'::question' embeds need the question's id: ::question{#some-id}",
      openingSpan(node),
    );
    return undefined;
  }
  return id;
}
