import type { BankRule } from './rule.js';

/**
 * Absolute words — always, never, only, guaranteed … — are a cue when a bank puts them mostly in
 * wrong options: test-wise learners eliminate those options without knowing the subject. Counted
 * across the bank (inline code excluded): warns when at least 5 wrong options carry one and their
 * share among wrong options is at least 3× the share among correct options.
 */
export const absoluteWordCue: BankRule = {
  id: 'absolute-word-cue',
  check(exam, questions) {
    let wrong = 0;
    let correct = 0;
    let wrongWith = 0;
    let correctWith = 0;
    const words = new Map<string, number>();
    for (const q of questions) {
      q.cues.forEach((found, index) => {
        const isCorrect = q.correct.includes(index);
        if (isCorrect) correct++;
        else wrong++;
        if (found.length === 0) return;
        if (isCorrect) correctWith++;
        else {
          wrongWith++;
          for (const w of found) words.set(w, (words.get(w) ?? 0) + 1);
        }
      });
    }
    if (wrongWith < 5 || wrong === 0 || correct === 0) return undefined;
    const wrongRate = wrongWith / wrong;
    const correctRate = Math.max(correctWith, 0.5) / correct;
    if (wrongRate < 3 * correctRate) return undefined;
    const top = [...words]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 4)
      .map(([w, n]) => `${w} ${n}`)
      .join(', ');
    return (
      `absolute words are in ${wrongWith} of ${wrong} wrong options of ${exam} but in ${correctWith} of ${correct} ` +
      `correct ones (${top}): learners can rule options out by wording alone; qualify distractors or use such words in answers too`
    );
  },
};
