import { nearDuplicates } from '../shared/minhash.js';
import type { BankRule } from './rule.js';

/**
 * Two questions of a bank that ask the same thing: a learner meets the item twice in one form and
 * the bank looks bigger than it is. Stem and options as plain text → word 3-shingles → MinHash
 * with LSH (linear in the bank), confirmed by the exact Jaccard similarity (≥ 0.7). Both
 * questions are reported, each naming the other's place.
 */
export const nearDuplicateQuestion: BankRule = {
  id: 'near-duplicate-question',
  check(_exam, questions) {
    const eligible = questions.filter(
      (q) => q.text.length > 0 && !q.silenced.includes('near-duplicate-question'),
    );
    const pairs = nearDuplicates(eligible.map((q) => q.text));
    return pairs.flatMap(({ a, b, similarity }) => {
      const first = eligible[a];
      const second = eligible[b];
      if (!first || !second) return [];
      const how = similarity === 1 ? 'is identical to' : `is ${Math.round(similarity * 100)}% the same as`;
      const where = (q: typeof first) => `${q.file}:${q.span.start.line}`;
      return [
        {
          at: second,
          message: `question '${second.id}' ${how} '${first.id}' (${where(first)}); keep one or make them differ`,
        },
        {
          at: first,
          message: `question '${first.id}' ${how} '${second.id}' (${where(second)}); keep one or make them differ`,
        },
      ];
    });
  },
};
