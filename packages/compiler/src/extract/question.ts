/**
 * One question → its public form and its private key. Two syntaxes feed the same builder:
 * the `::::question{#id}` container directive and the plain style of public banks
 * (a heading or numbered line followed by a task list).
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import {
  type Diagnostic,
  diagnostic,
  didYouMean,
  isLintRule,
  QUESTION_LINT_RULES,
  type RuleId,
  type Span,
} from '../diagnostics.js';
import { attributeSpan, openingSpan, sourceRef, spanOfNode } from '../parse/positions.js';
import { renderFragment, renderInlineOrBlocks } from '../render/html.js';
import { Difficulty, type PublicQuestion, type QuestionKey, Slug } from '../schema/index.js';

/** A value plus where the author wrote it, so later phases can point at it. */
export interface Located<T> {
  value: T;
  span: Span;
}

/** What a file contributes to each of its questions (frontmatter, folder, guide). */
export interface QuestionDefaults {
  exam?: Located<string> | undefined;
  domain?: Located<string> | undefined;
  difficulty?: Difficulty | undefined;
  topics?: string[] | undefined;
  /** File-wide lint silences from frontmatter `lint.ignore` (already validated). */
  silenced: RuleId[];
}

/** The serializable result for one question: everything the link phase and the bundle need. */
export interface QuestionDraft {
  public: PublicQuestion;
  key: QuestionKey;
  /** The question's opening line (directive fence or heading). */
  span: Span;
  /** Where the exam and domain came from (attribute, frontmatter key, or the question itself). */
  examSpan: Span;
  domainSpan: Span;
  /** Facts the bank-level linter needs, without any HTML. */
  lint: { optionLengths: number[]; correct: number[]; silenced: RuleId[] };
}

/** The parsed shape the per-question linter inspects (holds mdast nodes; never serialized). */
export interface QuestionSyntax {
  id: string;
  span: Span;
  stem: RootContent[];
  options: Array<{ text: string; correct: boolean; span: Span }>;
  hasExplanation: boolean;
  silenced: RuleId[];
}

export interface ExtractedQuestion {
  draft: QuestionDraft | undefined;
  syntax: QuestionSyntax | undefined;
  diagnostics: Diagnostic[];
}

const ATTRIBUTES = ['id', 'exam', 'domain', 'difficulty', 'topics', 'ignore', 'reason'];
const OPTION_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function isTaskList(node: Node): node is List {
  return node.type === 'list' && (node as List).children.some((item) => typeof item.checked === 'boolean');
}

export function isExplanationDirective(node: Node): node is ContainerDirective {
  return node.type === 'containerDirective' && (node as ContainerDirective).name === 'explanation';
}

/** `::::question{#id domain=x}` → question. */
export function extractDirectiveQuestion(
  file: string,
  node: ContainerDirective,
  defaults: QuestionDefaults,
): ExtractedQuestion {
  const diagnostics: Diagnostic[] = [];
  const attrs = node.attributes ?? {};
  const opening = openingSpan(node);

  for (const name of Object.keys(attrs)) {
    if (!ATTRIBUTES.includes(name)) {
      diagnostics.push(
        diagnostic(
          file,
          'question-invalid-attribute',
          `unknown question attribute '${name}'${didYouMean(name, ATTRIBUTES)}`,
          attributeSpan(node, name),
        ),
      );
    }
  }

  const id = attrs.id ?? '';
  if (!id) {
    diagnostics.push(
      diagnostic(
        file,
        'question-missing-id',
        'question has no id: add {#some-id} after ::::question',
        opening,
      ),
    );
  } else if (!Slug.safeParse(id).success) {
    diagnostics.push(
      diagnostic(
        file,
        'question-invalid-attribute',
        `question id '${id}' must be lower-case kebab-case (letters, digits, single hyphens)`,
        attributeSpan(node, 'id'),
      ),
    );
  }

  let difficulty = defaults.difficulty;
  if (attrs.difficulty !== undefined && attrs.difficulty !== null) {
    const parsed = Difficulty.safeParse(attrs.difficulty);
    if (parsed.success) difficulty = parsed.data;
    else {
      diagnostics.push(
        diagnostic(
          file,
          'question-invalid-attribute',
          `difficulty '${attrs.difficulty}' must be one of easy, medium, hard${didYouMean(attrs.difficulty, Difficulty.options)}`,
          attributeSpan(node, 'difficulty'),
        ),
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
    ...parseIgnore(file, attrs.ignore, attrs.reason, attributeSpan(node, 'ignore'), diagnostics),
  ];

  // Stem = everything before the option list; one :::explanation may sit anywhere after it.
  const listIndex = node.children.findIndex((child) => isTaskList(child));
  const list = listIndex === -1 ? undefined : (node.children[listIndex] as List);
  const stem: RootContent[] = [];
  let explanation: RootContent[] | undefined;
  node.children.forEach((child, index) => {
    if (isExplanationDirective(child)) {
      if (explanation) {
        diagnostics.push(
          diagnostic(
            file,
            'question-stray-content',
            'a question has at most one :::explanation',
            spanOfNode(child),
          ),
        );
      } else {
        explanation = child.children;
      }
    } else if (listIndex === -1 || index < listIndex) {
      stem.push(child);
    } else if (index > listIndex) {
      diagnostics.push(
        diagnostic(
          file,
          'question-stray-content',
          'unexpected content after the options: put it in the stem (before the list) or in a :::explanation block',
          spanOfNode(child),
        ),
      );
    }
  });

  const built = buildQuestion({
    file,
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
  diagnostics.push(...built.diagnostics);
  return { draft: id ? built.draft : undefined, syntax: built.syntax, diagnostics };
}

export interface PlainQuestionInput {
  file: string;
  /** The heading or numbered line; its text is the stem's first part and the id's source. */
  heading: Node & { children: PhrasingContent[] };
  /** Further stem blocks between the heading and the list (code, images, paragraphs). */
  more: RootContent[];
  list: List;
  explanation: RootContent[] | undefined;
  defaults: QuestionDefaults;
}

/** The plain style: id from the heading text, kebab-case, at most 64 characters. */
export function extractPlainQuestion(input: PlainQuestionInput): ExtractedQuestion {
  const { file, heading, defaults } = input;
  const id = plainQuestionId(mdastToString(heading));
  const stemParagraph: Paragraph = { type: 'paragraph', children: heading.children };
  if (heading.position) stemParagraph.position = heading.position;
  const built = buildQuestion({
    file,
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
  const diagnostics = built.diagnostics;
  if (!id) {
    diagnostics.push(
      diagnostic(
        file,
        'question-missing-id',
        'cannot derive a question id from this heading',
        spanOfNode(heading),
      ),
    );
  }
  return { draft: id ? built.draft : undefined, syntax: built.syntax, diagnostics };
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

interface BuildInput {
  file: string;
  id: string;
  span: Span;
  sourceNode: Node;
  stem: RootContent[];
  list: List | undefined;
  explanation: RootContent[] | undefined;
  exam: Located<string> | undefined;
  domain: Located<string> | undefined;
  difficulty: Difficulty | undefined;
  topics: string[];
  silenced: RuleId[];
}

function buildQuestion(input: BuildInput): {
  draft: QuestionDraft;
  syntax: QuestionSyntax;
  diagnostics: Diagnostic[];
} {
  const { file, id, span } = input;
  const diagnostics: Diagnostic[] = [];
  const label = id ? `question '${id}'` : 'question';

  const options: Array<{
    id: string;
    html: string;
    text: string;
    correct: boolean;
    rationale?: string;
    span: Span;
  }> = [];
  for (const item of input.list?.children ?? []) {
    if (typeof item.checked !== 'boolean') {
      diagnostics.push(
        diagnostic(
          file,
          'question-option-checkbox',
          'option has no checkbox: start it with [ ] (wrong) or [x] (correct)',
          spanOfNode(item),
        ),
      );
      continue;
    }
    const letter = OPTION_LETTERS[options.length];
    if (letter === undefined) {
      diagnostics.push(
        diagnostic(file, 'question-too-many-options', `${label} has more than 26 options`, spanOfNode(item)),
      );
      break;
    }
    options.push(readOption(item, letter));
  }

  if (!input.list) {
    diagnostics.push(
      diagnostic(
        file,
        'question-too-few-options',
        `${label} has no options: list them as a task list (- [ ] wrong, - [x] correct)`,
        span,
      ),
    );
  } else if (options.length < 2) {
    diagnostics.push(
      diagnostic(
        file,
        'question-too-few-options',
        `${label} has ${options.length} option${options.length === 1 ? '' : 's'}; it needs at least 2`,
        spanOfNode(input.list),
      ),
    );
  }
  const correct = options.filter((o) => o.correct).map((o) => o.id);
  if (input.list && options.length > 0 && correct.length === 0) {
    diagnostics.push(
      diagnostic(
        file,
        'question-no-correct',
        `${label} has no correct option: mark it with [x]`,
        spanOfNode(input.list),
      ),
    );
  }

  const exam = input.exam?.value ?? '';
  const domain = input.domain?.value ?? '';
  if (!input.domain) {
    diagnostics.push(
      diagnostic(
        file,
        'question-missing-domain',
        `${label} has no domain: add domain=… or a 'domain:' default to the file's frontmatter`,
        span,
      ),
    );
  }

  const rationales: Record<string, string> = {};
  for (const option of options) if (option.rationale !== undefined) rationales[option.id] = option.rationale;

  const publicQuestion: PublicQuestion = {
    id,
    exam,
    domain,
    topics: input.topics,
    ...(input.difficulty ? { difficulty: input.difficulty } : {}),
    type: correct.length > 1 ? 'multiple' : 'single',
    selectCount: Math.max(1, correct.length),
    stemHtml: renderFragment(input.stem),
    options: options.map((o) => ({ id: o.id, html: o.html })),
    source: sourceRef(file, input.sourceNode),
  };
  const key: QuestionKey = {
    id,
    correct,
    rationales,
    ...(input.explanation && input.explanation.length > 0
      ? { explanationHtml: renderFragment(input.explanation) }
      : {}),
  };
  const draft: QuestionDraft = {
    public: publicQuestion,
    key,
    span,
    examSpan: input.exam?.span ?? span,
    domainSpan: input.domain?.span ?? span,
    lint: {
      optionLengths: options.map((o) => o.text.length),
      correct: options.flatMap((o, index) => (o.correct ? [index] : [])),
      silenced: input.silenced,
    },
  };
  const syntax: QuestionSyntax = {
    id,
    span,
    stem: input.stem,
    options: options.map((o) => ({ text: o.text, correct: o.correct, span: o.span })),
    hasExplanation: input.explanation !== undefined && input.explanation.length > 0,
    silenced: input.silenced,
  };
  return { draft, syntax, diagnostics };
}

function readOption(
  item: ListItem,
  letter: string,
): { id: string; html: string; text: string; correct: boolean; rationale?: string; span: Span } {
  const body: RootContent[] = [];
  const rationale: RootContent[] = [];
  for (const child of item.children) {
    if (child.type === 'blockquote') rationale.push(...child.children);
    else body.push(child);
  }
  const text = body
    .map((node) => mdastToString(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    id: letter,
    html: renderInlineOrBlocks(body),
    text,
    correct: item.checked === true,
    ...(rationale.length > 0 ? { rationale: renderInlineOrBlocks(rationale) } : {}),
    span: spanOfNode(item),
  };
}

/** `topics="drift, psi"` → ['drift', 'psi']. */
function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** `ignore="rule-a rule-b" reason="…"` → silenced rules, reporting unknown rules and missing reasons. */
function parseIgnore(
  file: string,
  ignore: string | null | undefined,
  reason: string | null | undefined,
  span: Span,
  diagnostics: Diagnostic[],
): RuleId[] {
  if (ignore === undefined || ignore === null) return [];
  const rules = ignore.split(/[\s,]+/).filter((rule) => rule.length > 0);
  const silenced: RuleId[] = [];
  for (const rule of rules) {
    if (isLintRule(rule) && (QUESTION_LINT_RULES as string[]).includes(rule)) silenced.push(rule);
    else diagnostics.push(unknownRule(file, rule, span, QUESTION_LINT_RULES));
  }
  if (rules.length > 0 && !reason?.trim()) {
    diagnostics.push(
      diagnostic(
        file,
        'lint-ignore-without-reason',
        `ignore="${ignore}" needs a reason="…" saying why the rule does not apply`,
        span,
      ),
    );
  }
  return silenced;
}

export function unknownRule(file: string, rule: string, span: Span, allowed: readonly string[]): Diagnostic {
  const hint = isLintRule(rule)
    ? `; '${rule}' is a bank-wide rule: silence it in a bank file's frontmatter (lint.ignore)`
    : didYouMean(rule, allowed);
  return diagnostic(
    file,
    'lint-unknown-rule',
    `'${rule}' is not a linter rule that can be ignored here${hint}`,
    span,
  );
}
