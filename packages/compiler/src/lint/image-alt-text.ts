import { altProblem } from '../shared/alt-text.js';
import type { QuestionRule } from './rule.js';

/**
 * Images in a question need alt text that says what they show: a learner using a screen reader
 * (or whose image did not load) otherwise cannot answer. Flags empty alt text, file names and bare
 * labels ("Question 14", "image", "diagram 2").
 */
export const imageAltText: QuestionRule = {
  id: 'image-alt-text',
  check(question, report) {
    for (const image of question.images) {
      const problem = altProblem(image.alt);
      if (problem)
        report(`image ${problem}: describe what it shows (![what the chart shows](…))`, image.span);
    }
  },
};
