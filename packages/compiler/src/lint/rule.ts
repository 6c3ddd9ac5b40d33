/**
 * The item-writing linter's two kinds of rule. Question rules see one parsed question and
 * run in the per-file phase; bank rules see every question of one exam and run at link time.
 * Which kind a rule is, and so which ids are valid here, is said once: in RULES (diagnostics.ts).
 */
import type { BankRuleId, QuestionRuleId, Span } from '../diagnostics.js';
import type { QuestionSyntax } from '../extract/question.js';

export type Report = (message: string, span: Span) => void;

export interface QuestionRule {
  id: QuestionRuleId;
  check(question: QuestionSyntax, report: Report): void;
}

/** What a bank rule knows about one question: no text, just shapes. */
export interface BankQuestion {
  id: string;
  /** Plain-text length of each option, by position. */
  optionLengths: number[];
  /** Positions (0-based) of the correct options. */
  correct: number[];
}

export interface BankRule {
  id: BankRuleId;
  /** Returns a message when the bank shows the pattern, else undefined. */
  check(exam: string, questions: readonly BankQuestion[]): string | undefined;
}
