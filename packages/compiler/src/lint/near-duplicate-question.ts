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
  check(exam, questions) {
    const eligible = questions.filter(
      (q) => q.text.length > 0 && !q.silenced.includes('near-duplicate-question'),
    );
    const pairs = nearDuplicatesOf(
      exam,
      eligible.map((q) => q.text),
    );
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

/**
 * The last result per exam, reused while the exam's texts are the same strings in the same order:
 * after a one-file edit in watch mode or the dev server only the edited file's exam is compared
 * again (the texts of unchanged files are the very strings of the cached drafts, so checking
 * costs a pointer comparison each).
 */
const lastByExam = new Map<string, { texts: readonly string[]; pairs: ReturnType<typeof nearDuplicates> }>();

function nearDuplicatesOf(exam: string, texts: readonly string[]): ReturnType<typeof nearDuplicates> {
  const last = lastByExam.get(exam);
  if (last && last.texts.length === texts.length && last.texts.every((text, i) => text === texts[i])) {
    return last.pairs;
  }
  const pairs = nearDuplicates(texts);
  lastByExam.set(exam, { texts, pairs });
  return pairs;
}
