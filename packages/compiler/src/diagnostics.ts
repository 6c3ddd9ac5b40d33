/**
 * Diagnostics: what the compiler tells authors. Every rule has a stable id (shown as
 * `[rule-id]`, used in `ignore=` attributes and in tests) and a fixed severity.
 *
 * Per-file code reports through the file's VFile, as remark-lint rules do:
 * `report(file, ruleId, reason, span)` is `file.message(reason, {place, ruleId})` with a typed rule
 * id; `fileDiagnostics` turns the messages into plain, serializable diagnostics.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Content-relative path (posix separators), or the content directory itself for tree-level problems. */
  file: string;
  /** 1-based; absent when the problem has no place in a file (e.g. an empty content dir). */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  rule: RuleId;
  message: string;
}

// Linter rules can be silenced with `ignore="…"` (per question) or `lint.ignore` (per bank); errors never can.
const error = (summary: string) => ({ severity: 'error', summary }) as const;
const warning = (summary: string) => ({ severity: 'warning', summary }) as const;
const questionLint = (summary: string) => ({ severity: 'warning', summary, lint: 'question' }) as const;
const bankLint = (summary: string) => ({ severity: 'warning', summary, lint: 'bank' }) as const;

/** The rule registry: id → severity and one-line summary. Keep docs/authoring.md in step. */
export const RULES = {
  'internal-error': error('the compiler failed on this file (a bug: please report it)'),
  'file-unreadable': error('the file is binary or not valid UTF-8'),
  'nesting-too-deep': error('blocks or inline elements nest more than 100 levels deep'),
  'content-empty': error('no exams/, guides/ or questions/ Markdown under the content dir'),
  'frontmatter-missing': error('the file must start with a --- YAML frontmatter block'),
  'frontmatter-yaml': error('the frontmatter is not valid YAML'),
  'frontmatter-invalid': error('a frontmatter value has the wrong type or format'),
  'frontmatter-unknown-key': error('a frontmatter key is not part of the format'),
  'directive-unclosed': error('a ::: container has no closing fence'),
  'directive-unknown': error('a directive name the compiler does not know'),
  'directive-misplaced': error('a known directive in a place where it means nothing'),
  'question-missing-id': error('a question has no #id attribute'),
  'question-invalid-attribute': error('a question attribute is unknown or has a bad value'),
  'question-duplicate-id': error('two questions share one id'),
  'question-no-correct': error('no option is marked [x]'),
  'question-too-few-options': error('a question needs at least two task-list options'),
  'question-too-many-options': error('a question has more than 26 options (ids run a–z)'),
  'question-option-checkbox': error('an option list item has no [ ] / [x] checkbox'),
  'question-stray-content': error('content after the options that is not an explanation'),
  'question-missing-domain': error('a question has no domain (attribute or frontmatter default)'),
  'question-choose-count': error('the stem says "choose N" but a different number of options is marked [x]'),
  'question-answer-mismatch': error('the options marked [x] and the answer stated after them disagree'),
  'question-skipped': warning('an unusable imported question is left out (unusableQuestions: warn)'),
  'asset-missing': error('a local image or file the content links to does not exist'),
  'unknown-exam': error('a reference to an exam id that does not exist'),
  'unknown-domain': error("a domain that is not one of the exam's domains"),
  'exam-weights-sum': error('domain weights of an exam do not add up to 100'),
  'exam-bank-too-small': error('the question bank cannot fill one full exam form'),
  'exam-study-guide-unknown': error("a domain's studyGuide names a missing guide or section"),
  'exam-guide-unknown': error("an exam's guides list names a missing guide"),
  'guide-related-unknown': error("a guide's related list names a missing guide"),
  'guide-question-unknown': error('::question{#id} embeds a question that does not exist'),
  'duplicate-slug': error('two exams or two guides share one id'),
  'longest-correct-option': bankLint('in most questions of a bank the correct option is the longest'),
  'answer-position-cluster': bankLint('correct answers of a bank cluster on one position'),
  'near-duplicate-question': bankLint('two questions of a bank are the same or nearly the same'),
  'absolute-word-cue': bankLint('absolute words (always, never, only …) sit mostly in wrong options'),
  'all-none-of-the-above': questionLint('an option reads "all of the above" / "none of the above"'),
  'duplicate-option': questionLint('two options of one question have the same text'),
  'missing-explanation': questionLint('a question has no explanation'),
  'negative-stem': questionLint('a stem says NOT / EXCEPT / LEAST without emphasis'),
  'image-alt-text': questionLint('an image has no alt text, or only a file name or label'),
  'lint-ignore-without-reason': warning('a linter rule is silenced without a reason'),
  'lint-unknown-rule': warning('ignore= names a rule that is not a linter rule'),
} as const;

export type RuleId = keyof typeof RULES;

/** Ids of the rules whose registry entry says `lint: Kind`: the rule-id types come from RULES. */
type LintRuleOf<Kind> = { [K in RuleId]: (typeof RULES)[K] extends { lint: Kind } ? K : never }[RuleId];
export type QuestionRuleId = LintRuleOf<'question'>;
export type BankRuleId = LintRuleOf<'bank'>;
export type LintRuleId = QuestionRuleId | BankRuleId;

const lintOf = (id: RuleId): string | undefined => (RULES[id] as { lint?: string }).lint;

/** Rules an author may silence, per question or per bank. */
export const LINT_RULES = (Object.keys(RULES) as RuleId[]).filter(
  (id): id is LintRuleId => lintOf(id) !== undefined,
);
export const QUESTION_LINT_RULES = LINT_RULES.filter((id): id is QuestionRuleId => lintOf(id) === 'question');

export function isLintRule(id: string): id is LintRuleId {
  return (LINT_RULES as string[]).includes(id);
}

export function isQuestionLintRule(id: string): id is QuestionRuleId {
  return (QUESTION_LINT_RULES as string[]).includes(id);
}

/** A span in a source file: 1-based line and column, end exclusive like unist. */
export interface Span {
  start: { line: number; column: number };
  end?: { line: number; column: number } | undefined;
}

/** A diagnostic for code that has no file to report on (load and link phases). */
export function diagnostic(file: string, rule: RuleId, message: string, at?: Span | undefined): Diagnostic {
  const d: Diagnostic = { file, severity: RULES[rule].severity, rule, message };
  if (at) {
    d.line = at.start.line;
    d.column = at.start.column;
    if (at.end) {
      d.endLine = at.end.line;
      d.endColumn = at.end.column;
    }
  }
  return d;
}

/** `file.message(reason, {place, ruleId})` with a rule id the registry knows. */
export function report(file: VFile, ruleId: RuleId, reason: string, at?: Span | undefined): void {
  const place: Point | Position | undefined = at?.end ? { start: at.start, end: at.end } : at?.start;
  file.message(reason, { place, ruleId });
}

/** The file's messages as diagnostics on `path`. */
export function fileDiagnostics(file: VFile, path: string): Diagnostic[] {
  return file.messages.map((message) => {
    const place = message.place;
    const span: Span | undefined =
      place === undefined ? undefined : 'start' in place ? place : { start: place };
    return diagnostic(path, message.ruleId as RuleId, message.reason, span);
  });
}

/** Sort by file, line, column (then rule and message so equal positions are stable too). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const byLine = (a.line ?? 0) - (b.line ?? 0);
  if (byLine !== 0) return byLine;
  const byColumn = (a.column ?? 0) - (b.column ?? 0);
  if (byColumn !== 0) return byColumn;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
