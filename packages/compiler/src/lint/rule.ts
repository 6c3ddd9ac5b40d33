/**
 * The item-writing linter's two kinds of rule. Question rules see one parsed question and
 * run in the per-file phase; bank rules see every question of one exam and run at link time.
 * Which kind a rule is, and so which ids are valid here, is said once: in RULES (diagnostics.ts).
 */
import type { BankRuleId, QuestionRuleId, RuleId, Span } from '../diagnostics.js';
import type { QuestionSyntax } from '../extract/question.js';

export type Report = (message: string, span: Span) => void;

export interface QuestionRule {
  id: QuestionRuleId;
  check(question: QuestionSyntax, report: Report): void;
}

/** What a bank rule knows about one question: shapes, its plain text and where it is. */
export interface BankQuestion {
  id: string;
  /** Plain-text length of each option, by position. */
  optionLengths: number[];
  /** Positions (0-based) of the correct options. */
  correct: number[];
  file: string;
  span: Span;
  /** Plain text of stem and options. */
  text: string;
  /** Absolute words in each option's prose, by position. */
  cues: string[][];
  /** Rules silenced for this question. */
  silenced: readonly RuleId[];
}

/** A bank finding reported at one question rather than at the exam. */
export interface BankFinding {
  at: BankQuestion;
  message: string;
}

export interface BankRule {
  id: BankRuleId;
  /** A message (reported at the exam) when the bank shows the pattern, findings at questions, or nothing. */
  check(exam: string, questions: readonly BankQuestion[]): string | BankFinding[] | undefined;
}
