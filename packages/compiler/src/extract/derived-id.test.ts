import { describe, expect, it } from 'vitest';
import { announcedCount } from './choose-count.js';
import { derivedId, derivedIds, headingNumber, isLabelOnly, shortHash, withOrdinal } from './derived-id.js';

describe('derived ids', () => {
  const base = { file: 'questions/web/js-quiz.md', stem: '', stemGoesOn: false };
  it('numbers give file-based ids', () => {
    for (const heading of [
      'Q12. What is x?',
      'Q12 What is x?',
      '12. What is x?',
      '12 . What is x?',
      'Question 12',
      'Question 12: What?',
      '12) What?',
    ]) {
      expect(derivedId({ ...base, heading })).toBe('js-quiz-q12');
    }
    expect(derivedId({ ...base, file: 'questions/aws-mls/README.md', heading: 'Q3. x' })).toBe('aws-mls-q3');
    expect(headingNumber('2024 trends in data engineering')).toBeUndefined();
    expect(isLabelOnly('Question 12')).toBe(true);
    expect(isLabelOnly('Q12. What')).toBe(false);
  });
  it('long or generic headings get a hash of their own stem', () => {
    const long = 'A data science team at a regional grocery chain is building a model to forecast sales';
    const a = derivedId({ ...base, heading: long, stem: `${long} A` });
    const b = derivedId({ ...base, heading: long, stem: `${long} B` });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^a-data-science-team-at-a-regional-grocery-chain-is-[0-9a-f]{6}$/);
    expect(a.length).toBeLessThanOrEqual(64);
    const code1 = derivedId({
      ...base,
      heading: 'What will this code print?',
      stem: 'x = 1',
      stemGoesOn: true,
    });
    const code2 = derivedId({
      ...base,
      heading: 'What will this code print?',
      stem: 'x = 2',
      stemGoesOn: true,
    });
    expect(code1).not.toBe(code2);
    expect(derivedId({ ...base, heading: 'Which PSI value indicates major drift?' })).toBe(
      'which-psi-value-indicates-major-drift',
    );
    expect(derivedId({ ...base, heading: 'Define PSI', stem: 'Define PSI' })).toMatch(
      /^define-psi-[0-9a-f]{6}$/,
    );
  });
  it('offers fallbacks for a taken id: the stem hash, then stem and options, each within 64 characters', () => {
    const heading = 'Which of the following statements is true?';
    const ids = derivedIds({
      ...base,
      heading,
      stem: heading,
      options: 'Lists are mutable.\nTuples are mutable.',
    });
    expect(ids).toEqual([
      'which-of-the-following-statements-is-true',
      `which-of-the-following-statements-is-true-${shortHash(heading)}`,
      `which-of-the-following-statements-is-true-${shortHash(`${heading}\nLists are mutable.\nTuples are mutable.`)}`,
    ]);
    // The options change only the last fallback.
    const other = derivedIds({ ...base, heading, stem: heading, options: 'Sets are ordered.' });
    expect(other.slice(0, 2)).toEqual(ids.slice(0, 2));
    expect(other[2]).not.toBe(ids[2]);
    const numbered = derivedIds({ ...base, heading: 'Q1. What is the output of this code?', stem: 'x' });
    expect(numbered[0]).toBe('js-quiz-q1');
    expect(numbered[1]).toBe(`js-quiz-q1-${shortHash('x')}`);
    const hashed = derivedIds({
      ...base,
      heading: 'What does it print?',
      stem: 'print(1)',
      stemGoesOn: true,
    });
    expect(hashed).toHaveLength(2);
    expect(hashed[0]).toBe(`what-does-it-print-${shortHash('print(1)')}`);
    const long = 'A data science team at a regional grocery chain is building a model to forecast sales';
    for (const id of derivedIds({ ...base, heading: long, stem: long })) {
      expect(id.length).toBeLessThanOrEqual(64);
      expect(withOrdinal(id, 12).length).toBeLessThanOrEqual(64);
      expect(withOrdinal(id, 12)).toMatch(/-[0-9a-f]{6}-12$/);
    }
    expect(withOrdinal('what-does-it-print-abcdef', 2)).toBe('what-does-it-print-abcdef-2');
  });
  it('reads announced counts', () => {
    expect(announcedCount('Which two? (Choose two.)')).toBe(2);
    expect(announcedCount('Select three.')).toBe(3);
    expect(announcedCount('Pick 2 answers')).toBe(2);
    expect(announcedCount('select all that apply')).toBeUndefined();
    expect(announcedCount('Which option is best?')).toBeUndefined();
  });
});
