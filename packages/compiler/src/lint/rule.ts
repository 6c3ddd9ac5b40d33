/**
 * The item-writing linter's two kinds of rule. Question rules see one parsed question and
 * run in the per-file phase; bank rules see every question of one exam and run at link time.
 */
import type { Span } from '../diagnostics.js';
import type { QuestionSyntax } from '../extract/question.js';

export type Report = (message: string, span: Span) => void;

export interface QuestionRule {
  id: 'all-none-of-the-above' | 'duplicate-option' | 'missing-explanation' | 'negative-stem';
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
  id: 'longest-correct-option' | 'answer-position-cluster';
  /** Returns a message when the bank shows the pattern, else undefined. */
  check(exam: string, questions: readonly BankQuestion[]): string | undefined;
}
