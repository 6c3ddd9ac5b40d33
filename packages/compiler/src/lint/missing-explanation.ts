import type { QuestionRule } from './rule.js';

/** Learners study from explanations; a question without one only tells them they were wrong. */
export const missingExplanation: QuestionRule = {
  id: 'missing-explanation',
  check(question, report) {
    if (!question.hasExplanation) {
      report(
        `${question.id ? `question '${question.id}'` : 'question'} has no explanation: add a :::explanation block saying why the answer is right`,
        question.span,
      );
    }
  },
};
