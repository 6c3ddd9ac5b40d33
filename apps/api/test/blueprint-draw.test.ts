/**
 * The exam page shows `splitSeats(questionCount, domains)` per domain; the API draws attempts with
 * `drawStratified`. For any blueprint whose bank can fill it, the two must agree exactly.
 */
import { seededRandom, splitSeats } from '@examdown/compiler/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawStratified, type Stratum } from '../src/attempts/sampler.js';

const blueprint = fc
  .record({
    count: fc.integer({ min: 1, max: 120 }),
    weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
    spare: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 8, maxLength: 8 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  })
  .map(({ count, weights, spare, seed }) => {
    const domains = weights.map((weight, i) => ({ id: `d${i}`, weight }));
    const shown = splitSeats(count, domains);
    // Every pool holds at least what the page advertises (the compiler's exam-bank-too-small rule).
    const strata: Stratum[] = domains.map((d, i) => ({
      ...d,
      pool: Array.from({ length: (shown[i] ?? 0) + (spare[i] ?? 0) }, (_, n) => `${d.id}-q${n}`),
    }));
    return { count, domains, shown, strata, seed };
  });

describe('exam page counts = API draw', () => {
  it('draws per domain exactly what the exam page shows, for random blueprints', () => {
    fc.assert(
      fc.property(blueprint, ({ count, domains, shown, strata, seed }) => {
        const drawn = drawStratified(count, strata, seededRandom(seed));
        const perDomain = domains.map((d) => drawn.filter((q) => q.stratum === d.id).length);
        expect(perDomain).toEqual(shown);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on the tie the three copies used to break differently (45 at 10/30/60)', () => {
    const domains = [
      { id: 'a', weight: 10 },
      { id: 'b', weight: 30 },
      { id: 'c', weight: 60 },
    ];
    const strata = domains.map((d) => ({ ...d, pool: Array.from({ length: 40 }, (_, n) => `${d.id}${n}`) }));
    const drawn = drawStratified(45, strata, seededRandom(1));
    const perDomain = domains.map((d) => drawn.filter((q) => q.stratum === d.id).length);
    expect(perDomain).toEqual(splitSeats(45, domains));
    expect(perDomain).toEqual([4, 14, 27]);
  });
});
