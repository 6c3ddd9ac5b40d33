import type { BankRule } from './rule.js';

/**
 * Test-wise candidates pick the longest option, because authors tend to qualify the right
 * answer and leave distractors short. Bank level: among questions with at least three
 * options, flag the bank when in more than half of them a correct option is strictly the
 * longest (ties do not count: then length gives nothing away).
 */
export const longestCorrectOption: BankRule = {
  id: 'longest-correct-option',
  check(exam, questions) {
    const eligible = questions.filter((q) => q.optionLengths.length >= 3);
    if (eligible.length === 0) return undefined;
    const giveaways = eligible.filter((q) => {
      const longest = Math.max(...q.optionLengths);
      const at = q.optionLengths.flatMap((length, index) => (length === longest ? [index] : []));
      return at.length === 1 && q.correct.includes(at[0] as number);
    }).length;
    if (giveaways * 2 <= eligible.length) return undefined;
    const share = Math.round((giveaways / eligible.length) * 100);
    return (
      `in ${giveaways} of ${eligible.length} questions of ${exam} with 3+ options (${share}%) the correct option ` +
      'is strictly the longest; make distractors as long and specific as the answers'
    );
  },
};
