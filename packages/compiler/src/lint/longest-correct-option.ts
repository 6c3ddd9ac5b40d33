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
    let giveaways = 0;
    for (const q of eligible) {
      // The position of the strictly longest option, or -1 on a tie (one pass, no allocations).
      let longest = -1;
      let at = -1;
      q.optionLengths.forEach((length, index) => {
        if (length > longest) {
          longest = length;
          at = index;
        } else if (length === longest) at = -1;
      });
      if (at !== -1 && q.correct.includes(at)) giveaways++;
    }
    if (giveaways * 2 <= eligible.length) return undefined;
    const share = Math.round((giveaways / eligible.length) * 100);
    return (
      `in ${giveaways} of ${eligible.length} questions of ${exam} with 3+ options (${share}%) the correct option ` +
      'is strictly the longest; make distractors as long and specific as the answers'
    );
  },
};
