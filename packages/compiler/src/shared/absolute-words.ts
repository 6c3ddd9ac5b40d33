/**
 * Absolute-word cues: "always", "never", "only", "guaranteed" … are far more common in wrong
 * options than in right ones in most hand-written banks, so test-wise learners eliminate them.
 * Counted across a bank: occurrences per option, in wrong and in correct options.
 */
export const ABSOLUTE_WORDS = [
  'always',
  'never',
  'only',
  'none',
  'guaranteed',
  'guarantee',
  'guarantees',
  'impossible',
  'completely',
  'entirely',
] as const;

const PATTERN = new RegExp(`\\b(${ABSOLUTE_WORDS.join('|')})\\b`, 'gi');

/** Absolute words in an option's plain text (inline code already removed by the caller). */
export function absoluteWords(text: string): string[] {
  return [...text.matchAll(PATTERN)].map((m) => (m[1] as string).toLowerCase());
}
