/** The linter's rule sets and the two entry points (per question, per bank). */
import type { VFile } from 'vfile';
import { type BankRuleId, type RuleId, report } from '../diagnostics.js';
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

/** Question rules for one question, reported on its file. */
export function lintQuestion(file: VFile, question: QuestionSyntax): void {
  for (const rule of QUESTION_RULES) {
    if (question.silenced.includes(rule.id)) continue;
    rule.check(question, (message, span) => report(file, rule.id, message, span));
  }
}

/** Bank rules for one exam's questions; the caller says where a finding is reported. */
export function lintBank(
  exam: string,
  questions: readonly BankQuestion[],
  silenced: ReadonlySet<RuleId>,
  report: (rule: BankRuleId, message: string) => void,
): void {
  for (const rule of BANK_RULES) {
    if (silenced.has(rule.id)) continue;
    const message = rule.check(exam, questions);
    if (message) report(rule.id, message);
  }
}
