import { describe, expect, it } from 'vitest';
import { facility } from '../src/stats/facility.js';
import { pointBiserial } from '../src/stats/point-biserial.js';

describe('facility', () => {
  it('is the mean credit, null without data', () => {
    expect(facility([1, 0, 1, 1])).toBe(0.75);
    expect(facility([0.5, 1])).toBe(0.75);
    expect(facility([])).toBeNull();
  });
});

describe('pointBiserial', () => {
  it('matches the textbook formula (M1 − M0) / s · √(pq) for a 0/1 item', () => {
    const item = [1, 1, 1, 0, 0, 1, 0, 1];
    const total = [90, 80, 70, 40, 55, 65, 50, 85];
    const ones = total.filter((_, i) => item[i] === 1);
    const zeros = total.filter((_, i) => item[i] === 0);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const m = mean(total);
    const s = Math.sqrt(total.reduce((a, x) => a + (x - m) ** 2, 0) / total.length);
    const p = ones.length / item.length;
    const expected = ((mean(ones) - mean(zeros)) / s) * Math.sqrt(p * (1 - p));
    expect(pointBiserial(item, total)).toBeCloseTo(expected, 10);
    expect(expected).toBeGreaterThan(0.8);
  });

  it('is negative when strong learners miss the item', () => {
    expect(pointBiserial([0, 0, 1, 1], [90, 80, 30, 20])).toBeLessThan(-0.9);
  });

  it('is null when undefined: too few attempts, or no variance', () => {
    expect(pointBiserial([1], [50])).toBeNull();
    expect(pointBiserial([1, 1, 1], [20, 50, 80])).toBeNull();
    expect(pointBiserial([0, 1, 0], [50, 50, 50])).toBeNull();
    expect(pointBiserial([], [])).toBeNull();
  });
});
