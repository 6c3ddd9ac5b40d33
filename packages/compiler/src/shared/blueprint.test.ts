import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSeats } from './blueprint.js';

const weights = (...w: number[]) => w.map((weight) => ({ weight }));

describe('splitSeats', () => {
  it('splits the published blueprints exactly', () => {
    expect(splitSeats(60, weights(33, 33, 34))).toEqual([20, 20, 20]);
    expect(splitSeats(48, weights(38, 19, 31, 12))).toEqual([18, 9, 15, 6]);
  });

  it('gives a tied remainder to the larger weight, then to the earlier domain', () => {
    // 45 at 10/30/60 → 4.5 / 13.5 / 27: the one seat left goes to the 30% domain.
    expect(splitSeats(45, weights(10, 30, 60))).toEqual([4, 14, 27]);
    expect(splitSeats(3, weights(50, 50))).toEqual([2, 1]);
  });

  it('passes the shortfall of a full domain to the others', () => {
    expect(splitSeats(10, [{ weight: 50, capacity: 2 }, { weight: 50 }])).toEqual([2, 8]);
    expect(
      splitSeats(10, [
        { weight: 50, capacity: 2 },
        { weight: 50, capacity: 3 },
      ]),
    ).toEqual([2, 3]);
  });

  it('always adds up to min(total, capacity) and never exceeds a capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.array(
          fc.record({ weight: fc.integer({ min: 1, max: 100 }), capacity: fc.integer({ min: 0, max: 80 }) }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (total, domains) => {
          const parts = splitSeats(total, domains);
          const capacity = domains.reduce((n, d) => n + d.capacity, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(Math.min(total, capacity));
          parts.forEach((part, i) => {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(domains[i]?.capacity ?? 0);
          });
        },
      ),
    );
  });

  it('stays within one seat of the exact share when no domain is full', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        (total, w) => {
          const parts = splitSeats(total, weights(...w));
          const sum = w.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            expect(Math.abs(part - (total * (w[i] ?? 0)) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
