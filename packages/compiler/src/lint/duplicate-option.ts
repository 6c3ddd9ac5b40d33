import type { QuestionRule } from './rule.js';

/** Case, spacing and trailing punctuation do not make two options different. */
export function normaliseOption(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,!?]+$/, '')
    .trim();
}

export const duplicateOption: QuestionRule = {
  id: 'duplicate-option',
  check(question, report) {
    const seen = new Map<string, number>();
    question.options.forEach((option, index) => {
      const key = normaliseOption(option.text);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else {
        report(`option ${letter(index)} repeats option ${letter(first)} ('${option.text}')`, option.span);
      }
    });
  },
};

function letter(index: number): string {
  return String.fromCharCode(65 + index);
}
