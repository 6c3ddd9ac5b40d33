import { describe, expect, it } from 'vitest';
import { decodeGradingFacts, encodeGradingFacts } from '../src/learner/codec.js';

describe('grading facts (what submit sends the learner object)', () => {
  it('round-trips type, correct options and domain per question', () => {
    const text = encodeGradingFacts([
      { id: 'mlp-drift-first-step', type: 'single', correct: ['b'], domain: 'pipeline' },
      { id: 'mla-auto-ml', type: 'multiple', correct: ['a', 'c', 'd'], domain: 'databricks-ml' },
    ]);
    expect(text).toBe('mlp-drift-first-step single b pipeline\nmla-auto-ml multiple acd databricks-ml');
    expect(decodeGradingFacts(text)).toEqual({
      keys: {
        'mlp-drift-first-step': { type: 'single', correct: ['b'] },
        'mla-auto-ml': { type: 'multiple', correct: ['a', 'c', 'd'] },
      },
      domainOf: { 'mlp-drift-first-step': 'pipeline', 'mla-auto-ml': 'databricks-ml' },
    });
    expect(decodeGradingFacts(encodeGradingFacts([]))).toEqual({ keys: {}, domainOf: {} });
  });

  it('refuses a malformed line instead of grading with it', () => {
    expect(() => decodeGradingFacts('q-1 single b')).toThrow(/malformed/);
    expect(() => decodeGradingFacts('q-1 essay b d')).toThrow(/malformed/);
    expect(() => decodeGradingFacts('Q-1 single b d')).toThrow(/malformed/);
  });
});
