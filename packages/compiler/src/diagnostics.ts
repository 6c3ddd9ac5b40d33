/**
 * Diagnostics: what the compiler tells authors. Every rule has a stable id (shown as
 * `[rule-id]`, used in `ignore=` attributes and in tests) and a fixed severity.
 */

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

interface RuleInfo {
  severity: Severity;
  summary: string;
  /** Linter rules can be silenced with `ignore="…"`; errors never can. */
  lint?: 'question' | 'bank';
}

/** The rule registry: id → severity and one-line summary. Keep docs/authoring.md in step. */
export const RULES = {
  'internal-error': {
    severity: 'error',
    summary: 'the compiler failed on this file (a bug: please report it)',
  },
  'file-unreadable': { severity: 'error', summary: 'the file is binary or not valid UTF-8' },
  'nesting-too-deep': {
    severity: 'error',
    summary: 'blocks or inline elements nest more than 100 levels deep',
  },
  'content-empty': {
    severity: 'error',
    summary: 'no exams/, guides/ or questions/ Markdown under the content dir',
  },
  'frontmatter-missing': {
    severity: 'error',
    summary: 'the file must start with a --- YAML frontmatter block',
  },
  'frontmatter-yaml': { severity: 'error', summary: 'the frontmatter is not valid YAML' },
  'frontmatter-invalid': { severity: 'error', summary: 'a frontmatter value has the wrong type or format' },
  'frontmatter-unknown-key': { severity: 'error', summary: 'a frontmatter key is not part of the format' },
  'directive-unclosed': { severity: 'error', summary: 'a ::: container has no closing fence' },
  'directive-unknown': { severity: 'error', summary: 'a directive name the compiler does not know' },
  'directive-misplaced': {
    severity: 'error',
    summary: 'a known directive in a place where it means nothing',
  },
  'question-missing-id': { severity: 'error', summary: 'a question has no #id attribute' },
  'question-invalid-attribute': {
    severity: 'error',
    summary: 'a question attribute is unknown or has a bad value',
  },
  'question-duplicate-id': { severity: 'error', summary: 'two questions share one id' },
  'question-no-correct': { severity: 'error', summary: 'no option is marked [x]' },
  'question-too-few-options': {
    severity: 'error',
    summary: 'a question needs at least two task-list options',
  },
  'question-too-many-options': {
    severity: 'error',
    summary: 'a question has more than 26 options (ids run a–z)',
  },
  'question-option-checkbox': { severity: 'error', summary: 'an option list item has no [ ] / [x] checkbox' },
  'question-stray-content': {
    severity: 'error',
    summary: 'content after the options that is not an explanation',
  },
  'question-missing-domain': {
    severity: 'error',
    summary: 'a question has no domain (attribute or frontmatter default)',
  },
  'unknown-exam': { severity: 'error', summary: 'a reference to an exam id that does not exist' },
  'unknown-domain': { severity: 'error', summary: "a domain that is not one of the exam's domains" },
  'exam-weights-sum': { severity: 'error', summary: 'domain weights of an exam do not add up to 100' },
  'exam-bank-too-small': { severity: 'error', summary: 'the question bank cannot fill one full exam form' },
  'exam-study-guide-unknown': {
    severity: 'error',
    summary: "a domain's studyGuide names a missing guide or section",
  },
  'exam-guide-unknown': { severity: 'error', summary: "an exam's guides list names a missing guide" },
  'guide-related-unknown': { severity: 'error', summary: "a guide's related list names a missing guide" },
  'guide-question-unknown': {
    severity: 'error',
    summary: '::question{#id} embeds a question that does not exist',
  },
  'duplicate-slug': { severity: 'error', summary: 'two exams or two guides share one id' },
  'longest-correct-option': {
    severity: 'warning',
    summary: 'in most questions of a bank the correct option is the longest',
    lint: 'bank',
  },
  'answer-position-cluster': {
    severity: 'warning',
    summary: 'correct answers of a bank cluster on one position',
    lint: 'bank',
  },
  'all-none-of-the-above': {
    severity: 'warning',
    summary: 'an option reads "all of the above" / "none of the above"',
    lint: 'question',
  },
  'duplicate-option': {
    severity: 'warning',
    summary: 'two options of one question have the same text',
    lint: 'question',
  },
  'missing-explanation': { severity: 'warning', summary: 'a question has no explanation', lint: 'question' },
  'negative-stem': {
    severity: 'warning',
    summary: 'a stem says NOT / EXCEPT / LEAST without emphasis',
    lint: 'question',
  },
  'lint-ignore-without-reason': {
    severity: 'warning',
    summary: 'a linter rule is silenced without a reason',
  },
  'lint-unknown-rule': { severity: 'warning', summary: 'ignore= names a rule that is not a linter rule' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** Rules an author may silence, per question or per bank. */
export const LINT_RULES = (Object.keys(RULES) as RuleId[]).filter(
  (id) => (RULES[id] as RuleInfo).lint !== undefined,
);
export const BANK_LINT_RULES = LINT_RULES.filter((id) => (RULES[id] as RuleInfo).lint === 'bank');
export const QUESTION_LINT_RULES = LINT_RULES.filter((id) => (RULES[id] as RuleInfo).lint === 'question');

export function isLintRule(id: string): id is RuleId {
  return (LINT_RULES as string[]).includes(id);
}

/** A span in a source file: 1-based line and column, end exclusive like unist. */
export interface Span {
  start: { line: number; column: number };
  end?: { line: number; column: number } | undefined;
}

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

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** "unknown key 'titel'; did you mean 'title'?" — the suffix, or '' when nothing is close. */
export { didYouMean } from './did-you-mean.js';
