import { describe, expect, it } from 'vitest';
import { altProblem } from './alt-text.js';

describe('altProblem', () => {
  it('flags empty, file-name and label alt texts', () => {
    expect(altProblem('')).toBe('has no alt text');
    expect(altProblem('question14.png')).toContain('file name');
    expect(altProblem('Question 14')).toContain('label');
    expect(altProblem('Screenshot')).toContain('label');
  });
  it('accepts descriptive alt text', () => {
    expect(altProblem('Training loss falls while validation loss rises after epoch 15')).toBeUndefined();
    expect(altProblem('Question 14 chart: two clusters, red inside black')).toBeUndefined();
  });
});
