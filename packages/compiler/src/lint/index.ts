/** The linter's rule sets and the two entry points (per question, per bank). */
import { type Diagnostic, diagnostic, type RuleId, type Span } from '../diagnostics.js';
import type { QuestionSyntax } from '../extract/question.js';
import { allNoneOfTheAbove } from './all-none-of-the-above.js';
import { answerPositionCluster } from './answer-position-cluster.js';
import { duplicateOption } from './duplicate-option.js';
import { longestCorrectOption } from './longest-correct-option.js';
import { missingExplanation } from './missing-explanation.js';
import { negativeStem } from './negative-stem.js';
import type { BankQuestion, BankRule, QuestionRule } from './rule.js';

export const QUESTION_RULES: readonly QuestionRule[] = [
  allNoneOfTheAbove,
  duplicateOption,
  missingExplanation,
  negativeStem,
];
export const BANK_RULES: readonly BankRule[] = [longestCorrectOption, answerPositionCluster];

export function lintQuestion(file: string, question: QuestionSyntax): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of QUESTION_RULES) {
    if (question.silenced.includes(rule.id)) continue;
    rule.check(question, (message: string, span: Span) => out.push(diagnostic(file, rule.id, message, span)));
  }
  return out;
}

/** Bank rules for one exam; warnings point at the exam file, where the bank is defined. */
export function lintBank(
  exam: string,
  examFile: string,
  at: Span,
  questions: readonly BankQuestion[],
  silenced: ReadonlySet<RuleId>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of BANK_RULES) {
    if (silenced.has(rule.id)) continue;
    const message = rule.check(exam, questions);
    if (message) out.push(diagnostic(examFile, rule.id, message, at));
  }
  return out;
}
