import { describe, expect, it } from 'vitest';
import { announcedCount } from './choose-count.js';
import { derivedId, headingNumber, isLabelOnly } from './derived-id.js';

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
  it('reads announced counts', () => {
    expect(announcedCount('Which two? (Choose two.)')).toBe(2);
    expect(announcedCount('Select three.')).toBe(3);
    expect(announcedCount('Pick 2 answers')).toBe(2);
    expect(announcedCount('select all that apply')).toBeUndefined();
    expect(announcedCount('Which option is best?')).toBeUndefined();
  });
});
