/**
 * One question → its public form and its private key. Two syntaxes feed the same builder:
 * the `::::question{#id}` container directive (directive-question.ts) and the plain style of
 * public banks (plain-question.ts): a heading or numbered line followed by a task list.
 */
import type { List, ListItem, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { type RuleId, report, type Span } from '../diagnostics.js';
import { sourceRef, spanFromPosition, spanOfNode } from '../parse/positions.js';
import { renderFragment, renderInlineOrBlocks } from '../render/html.js';
import type { Difficulty, PublicQuestion, QuestionKey } from '../schema/index.js';
import { announcedCount } from './choose-count.js';
import type { StatedAnswer } from './details.js';
import { type ImageFact, imagesOf, optionCues } from './question-facts.js';

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
  /** `unusableQuestions` of the bank file or its exam: 'warn' leaves unusable plain questions out. */
  unusable?: 'error' | 'warn' | undefined;
}

/** The serializable result for one question: everything the link phase and the bundle need. */
export interface QuestionDraft {
  public: PublicQuestion;
  key: QuestionKey;
  /** The question's opening line (directive fence or heading). */
  span: Span;
  /**
   * Only for derived ids (plain style): the ids to try, in order, when an earlier question has
   * this one's id (derived-id.ts). An id the author wrote has none: a clash is an error.
   */
  idFallbacks?: string[] | undefined;
  /** Where the exam and domain came from (attribute, frontmatter key, or the question itself). */
  examSpan: Span;
  domainSpan: Span;
  /** Facts the bank-level linter needs, without any HTML. */
  lint: {
    optionLengths: number[];
    correct: number[];
    silenced: RuleId[];
    /** Plain text of stem and options (near-duplicate-question). */
    text: string;
    /** Absolute words in each option's prose (absolute-word-cue). */
    cues: string[][];
  };
}

/** The parsed shape the per-question linter inspects (holds mdast nodes; never serialized). */
export interface QuestionSyntax {
  id: string;
  span: Span;
  stem: RootContent[];
  options: Array<{ text: string; correct: boolean; span: Span }>;
  hasExplanation: boolean;
  silenced: RuleId[];
  /** Images of stem, options and explanation (image-alt-text). */
  images: ImageFact[];
  /** Left out (unusableQuestions: warn): not linted. */
  skipped: boolean;
}

/** A question as extracted; its problems are reported on the file. */
export interface ExtractedQuestion {
  /** Absent when the question has no id, or was left out (unusableQuestions: warn). */
  draft: QuestionDraft | undefined;
  syntax: QuestionSyntax;
}

export function isTaskList(node: Node): node is List {
  return node.type === 'list' && (node as List).children.some((item) => typeof item.checked === 'boolean');
}

export function isExplanationDirective(node: Node): node is ContainerDirective {
  return node.type === 'containerDirective' && (node as ContainerDirective).name === 'explanation';
}

const OPTION_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Everything the two syntaxes agree on, read from either. */
export interface BuildInput {
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
  /** 'warn': a question without a usable key is left out with one warning instead of an error. */
  unusable?: 'error' | 'warn' | undefined;
  /** The key as stated after the options (`<details>` "Correct answer: B"): used when no option is [x]. */
  stated?: StatedAnswer | undefined;
}

/** The draft and the linter's view of one question; problems are reported on `file`. */
export function buildQuestion(
  file: VFile,
  input: BuildInput,
): { draft: QuestionDraft | undefined; syntax: QuestionSyntax } {
  const { id, span } = input;
  const label = id ? `question '${id}'` : 'question';
  // Problems that make a question unusable; an imported bank may downgrade them (unusableQuestions).
  let skipped = false;
  const unusable = (
    rule:
      | 'question-no-correct'
      | 'question-too-few-options'
      | 'question-choose-count'
      | 'question-answer-mismatch',
    message: string,
    at: Span,
  ) => {
    if (input.unusable !== 'warn') return report(file, rule, message, at);
    if (!skipped) report(file, 'question-skipped', `${message}; left out (unusableQuestions: warn)`, at);
    skipped = true;
  };

  const options: ReadOption[] = [];
  for (const item of input.list?.children ?? []) {
    if (typeof item.checked !== 'boolean') {
      report(
        file,
        'question-option-checkbox',
        'option has no checkbox: start it with [ ] (wrong) or [x] (correct)',
        spanOfNode(item),
      );
      continue;
    }
    const letter = OPTION_LETTERS[options.length];
    if (letter === undefined) {
      report(file, 'question-too-many-options', `${label} has more than 26 options`, spanOfNode(item));
      break;
    }
    options.push(readOption(item, letter));
  }

  const statedWrong =
    input.stated !== undefined &&
    options.length > 0 &&
    !applyStatedAnswer(input.stated, options, label, span, unusable);

  if (!input.list) {
    unusable(
      'question-too-few-options',
      `${label} has no options: list them as a task list (- [ ] wrong, - [x] correct)`,
      span,
    );
  } else if (options.length < 2) {
    unusable(
      'question-too-few-options',
      `${label} has ${options.length} option${options.length === 1 ? '' : 's'}; it needs at least 2`,
      spanOfNode(input.list),
    );
  }
  const correct = options.filter((o) => o.correct).map((o) => o.id);
  if (input.list && options.length > 0 && correct.length === 0 && !statedWrong) {
    unusable(
      'question-no-correct',
      `${label} has no correct option: mark it with [x]`,
      spanOfNode(input.list),
    );
  }

  const stemText = input.stem.map((node) => mdastToString(node)).join(' ');
  const announced = announcedCount(stemText);
  if (announced !== undefined && correct.length > 0 && announced !== correct.length) {
    unusable(
      'question-choose-count',
      `${label} asks to choose ${announced} but marks ${correct.length} option${correct.length === 1 ? '' : 's'} [x]`,
      span,
    );
  }

  const exam = input.exam?.value ?? '';
  const domain = input.domain?.value ?? '';
  if (!input.domain) {
    report(
      file,
      'question-missing-domain',
      `${label} has no domain: add domain=… or a 'domain:' default to the file's frontmatter`,
      span,
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
    source: sourceRef(file.path, input.sourceNode),
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
      text: [stemText, ...options.map((o) => o.text)].join(' ').replace(/\s+/g, ' ').trim(),
      cues: optionCues(options),
    },
  };
  const syntax: QuestionSyntax = {
    id,
    span,
    stem: input.stem,
    options: options.map((o) => ({ text: o.text, correct: o.correct, span: o.span })),
    hasExplanation: input.explanation !== undefined && input.explanation.length > 0,
    silenced: input.silenced,
    images: imagesOf([...input.stem, ...options.flatMap((o) => o.body), ...(input.explanation ?? [])]),
    skipped,
  };
  return { draft: skipped ? undefined : draft, syntax };
}

/**
 * The stated key ("Correct answer: B") marks the options when none is [x]; when some are and the
 * two disagree, or it names a letter past the last option, the question has no trustworthy key
 * (reported; returns false).
 */
function applyStatedAnswer(
  stated: StatedAnswer,
  options: ReadOption[],
  label: string,
  span: Span,
  unusable: (rule: 'question-answer-mismatch', message: string, at: Span) => void,
): boolean {
  const at = spanFromPosition(stated.position) ?? span;
  const letters = (ids: readonly string[]) => ids.map((id) => id.toUpperCase()).join(', ');
  const marked = options.filter((o) => o.correct).map((o) => o.id);
  if (stated.letters.some((letter) => !options.some((o) => o.id === letter))) {
    unusable(
      'question-answer-mismatch',
      `${label}: the answer after its options says ${letters(stated.letters)}, but it has only ${options.length} options`,
      at,
    );
    return false;
  }
  if (marked.length === 0) {
    for (const option of options) option.correct = stated.letters.includes(option.id);
    return true;
  }
  if (marked.join() === stated.letters.join()) return true;
  unusable(
    'question-answer-mismatch',
    `${label} marks ${letters(marked)} [x] but the answer after its options says ${letters(stated.letters)}`,
    at,
  );
  return false;
}

/** One option as read from its list item: HTML for the bundle, plain text and nodes for the linter. */
interface ReadOption {
  id: string;
  html: string;
  text: string;
  correct: boolean;
  rationale?: string;
  span: Span;
  body: RootContent[];
}

function readOption(item: ListItem, letter: string): ReadOption {
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
    body,
  };
}
