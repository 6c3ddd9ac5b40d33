/** The linter's rule sets and the two entry points (per question, per bank). */
import type { VFile } from 'vfile';
import { type BankRuleId, type RuleId, report, type Span } from '../diagnostics.js';
import type { QuestionSyntax } from '../extract/question.js';
import { absoluteWordCue } from './absolute-word-cue.js';
import { allNoneOfTheAbove } from './all-none-of-the-above.js';
import { answerPositionCluster } from './answer-position-cluster.js';
import { duplicateOption } from './duplicate-option.js';
import { imageAltText } from './image-alt-text.js';
import { longestCorrectOption } from './longest-correct-option.js';
import { missingExplanation } from './missing-explanation.js';
import { nearDuplicateQuestion } from './near-duplicate-question.js';
import { negativeStem } from './negative-stem.js';
import type { BankQuestion, BankRule, QuestionRule } from './rule.js';

export const QUESTION_RULES: readonly QuestionRule[] = [
  allNoneOfTheAbove,
  duplicateOption,
  imageAltText,
  missingExplanation,
  negativeStem,
];
export const BANK_RULES: readonly BankRule[] = [
  longestCorrectOption,
  answerPositionCluster,
  nearDuplicateQuestion,
  absoluteWordCue,
];

/** Question rules for one question, reported on its file. */
export function lintQuestion(file: VFile, question: QuestionSyntax): void {
  if (question.skipped) return;
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
  report: (rule: BankRuleId, message: string, at?: { file: string; span: Span }) => void,
): void {
  for (const rule of BANK_RULES) {
    if (silenced.has(rule.id)) continue;
    const found = rule.check(exam, questions);
    if (typeof found === 'string') report(rule.id, found);
    else for (const f of found ?? []) report(rule.id, f.message, { file: f.at.file, span: f.at.span });
  }
}
