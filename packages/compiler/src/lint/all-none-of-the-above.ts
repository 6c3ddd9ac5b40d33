import type { QuestionRule } from './rule.js';

/**
 * "All of the above" is right whenever two options are, "none of the above" tests only
 * what is wrong: both reward test-taking tricks over knowledge.
 */
const PATTERN = /\b(all|none|both|neither)\s+of\s+the\s+(above|following|options|answers)\b/i;

export const allNoneOfTheAbove: QuestionRule = {
  id: 'all-none-of-the-above',
  check(question, report) {
    for (const option of question.options) {
      const match = PATTERN.exec(option.text);
      if (match) {
        report(`option reads '${match[0]}': write a specific option instead`, option.span);
      }
    }
  },
};
