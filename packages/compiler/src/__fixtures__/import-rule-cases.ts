/** One-diagnostic fixtures of the rules issue 14 added (rules.test.ts runs them with the rest). */
import type { RuleId } from '../index.js';

export const IMPORT_RULE_CASES: Array<{
  rule: RuleId;
  file: string;
  line: number;
  column: number;
  message: string;
}> = [
  {
    rule: 'question-choose-count',
    file: 'questions/sample-cert/choose.md',
    line: 5,
    column: 1,
    message: "question 'choose-count-one' asks to choose 2 but marks 1 option [x]",
  },
  {
    rule: 'question-answer-mismatch',
    file: 'questions/sample-cert/answer-mismatch.md',
    line: 14,
    column: 1,
    message:
      "question 'which-metric-flags-a-shift-in-one-input-feature-s-distribution' marks A [x] but the answer after its options says B",
  },
  {
    rule: 'question-skipped',
    file: 'questions/sample-cert/imported.md',
    line: 8,
    column: 1,
    message:
      "question 'which-dashboard-shows-drift-per-feature-for-the-monitoring-team' has no correct option: mark it with [x]; left out (unusableQuestions: warn)",
  },
  {
    rule: 'image-alt-text',
    file: 'questions/sample-cert/image.md',
    line: 8,
    column: 1,
    message:
      "image has only a label as alt text ('Question 7'): describe what it shows (![what the chart shows](…))",
  },
  {
    rule: 'absolute-word-cue',
    file: 'exams/cue-exam.md',
    line: 1,
    column: 1,
    message:
      'absolute words are in 10 of 10 wrong options of cue-exam but in 0 of 5 correct ones (always 2, never 2, completely 1, entirely 1): learners can rule options out by wording alone; qualify distractors or use such words in answers too',
  },
];
