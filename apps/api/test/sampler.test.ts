import { sample, seededRandom, shuffle } from '@examdown/compiler/shared';
import { describe, expect, it } from 'vitest';
import { allocate, drawStratified, drawUnseen, type Stratum, shownCounts } from '../src/attempts/sampler.js';
import { buildSeenFilter, SeenFilter } from '../src/learner/seen-filter.js';
import { ASSOCIATE, PRO, real } from './helpers.js';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const strata = (spec: [string, number, number][]): Stratum[] =>
  spec.map(([id, weight, size]) => ({ id, weight, pool: ids(id, size) }));
const quotas = (count: number, s: Stratum[]) =>
  Object.fromEntries(allocate(count, s).map((a) => [a.id, a.quota]));

function realStrata(examId: string): { count: number; strata: Stratum[] } {
  const exam = real.exams.find((e) => e.id === examId);
  if (!exam) throw new Error(`no exam ${examId}`);
  const pools = real.manifest.questionsByExam[examId] ?? {};
  return {
    count: exam.questionCount,
    strata: exam.domains.map((d) => ({ id: d.id, weight: d.weight, pool: pools[d.id] ?? [] })),
  };
}

describe('allocate (largest-remainder quotas)', () => {
  it('rounds 60 questions at 33/33/34 to 20/20/20', () => {
    expect(
      quotas(
        60,
        strata([
          ['a', 33, 30],
          ['b', 33, 30],
          ['c', 34, 30],
        ]),
      ),
    ).toEqual({ a: 20, b: 20, c: 20 });
  });

  it('gives the leftover seats to the largest remainders', () => {
    // 7 × 33/33/34 = 2.31 / 2.31 / 2.38 → floors 2/2/2, the one seat left goes to c (.38).
    expect(
      quotas(
        7,
        strata([
          ['a', 33, 9],
          ['b', 33, 9],
          ['c', 34, 9],
        ]),
      ),
    ).toEqual({ a: 2, b: 2, c: 3 });
    // 48 × 38/19/31/12 = 18.24 / 9.12 / 14.88 / 5.76 → 18/9/15/6.
    expect(
      quotas(
        48,
        strata([
          ['a', 38, 30],
          ['b', 19, 30],
          ['c', 31, 30],
          ['d', 12, 30],
        ]),
      ),
    ).toEqual({
      a: 18,
      b: 9,
      c: 15,
      d: 6,
    });
  });

  it('breaks equal remainders by weight, then blueprint order', () => {
    // 3 × 50/25/25 = 1.5 / .75 / .75 → 1/0/0, two seats: b and c (.75 each) before a (.5).
    expect(
      quotas(
        3,
        strata([
          ['a', 50, 9],
          ['b', 25, 9],
          ['c', 25, 9],
        ]),
      ),
    ).toEqual({ a: 1, b: 1, c: 1 });
    // 1 × 50/50: a tie → the first domain.
    expect(
      quotas(
        1,
        strata([
          ['a', 50, 9],
          ['b', 50, 9],
        ]),
      ),
    ).toEqual({ a: 1, b: 0 });
  });

  it('moves the shortfall of a thin domain to the others', () => {
    expect(
      quotas(
        10,
        strata([
          ['a', 50, 2],
          ['b', 30, 20],
          ['c', 20, 20],
        ]),
      ),
    ).toEqual({ a: 2, b: 5, c: 3 });
  });

  it('never draws more than the bank holds', () => {
    expect(
      quotas(
        100,
        strata([
          ['a', 50, 3],
          ['b', 50, 4],
        ]),
      ),
    ).toEqual({ a: 3, b: 4 });
    expect(quotas(5, strata([['a', 100, 0]]))).toEqual({ a: 0 });
  });

  it('always sums to min(count, bank)', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + Math.floor(random() * 6);
      const s = strata(
        Array.from({ length: n }, (_, i) => [
          `d${i}`,
          1 + Math.floor(random() * 60),
          Math.floor(random() * 25),
        ]),
      );
      const count = Math.floor(random() * 80);
      const bank = s.reduce((k, x) => k + x.pool.length, 0);
      const got = allocate(count, s);
      expect(got.reduce((k, a) => k + a.quota, 0)).toBe(Math.min(count, bank));
      for (const [i, a] of got.entries()) expect(a.quota).toBeLessThanOrEqual(s[i]?.pool.length ?? 0);
    }
  });
});

describe('drawStratified', () => {
  it('is reproducible from its seed', () => {
    const s = strata([
      ['a', 50, 12],
      ['b', 30, 6],
      ['c', 20, 5],
    ]);
    expect(drawStratified(10, s, seededRandom(42))).toEqual(drawStratified(10, s, seededRandom(42)));
    expect(drawStratified(10, s, seededRandom(42))).not.toEqual(drawStratified(10, s, seededRandom(43)));
  });

  it('matches the blueprint weights of the real exams on every one of 1000 seeds', () => {
    for (const [examId, expected] of [
      [PRO, { 'ml-solution-design': 20, 'ml-model-implementation': 20, 'ml-pipeline-production': 20 }],
      [
        ASSOCIATE,
        { 'databricks-ml': 18, 'data-processing': 9, 'model-development': 15, 'model-deployment': 6 },
      ],
    ] as const) {
      const { count, strata: s } = realStrata(examId);
      const domainOf = new Map(s.flatMap((x) => x.pool.map((id) => [id, x.id] as const)));
      const problems: string[] = [];
      for (let seed = 0; seed < 1000; seed++) {
        const drawn = drawStratified(count, s, seededRandom(seed));
        const perDomain: Record<string, number> = {};
        for (const d of drawn) {
          perDomain[d.stratum] = (perDomain[d.stratum] ?? 0) + 1;
          if (domainOf.get(d.questionId) !== d.stratum)
            problems.push(`${seed}: ${d.questionId} not in ${d.stratum}`);
        }
        if (new Set(drawn.map((d) => d.questionId)).size !== count)
          problems.push(`${seed}: duplicates or short draw`);
        if (
          JSON.stringify(perDomain, Object.keys(expected).sort()) !==
          JSON.stringify(expected, Object.keys(expected).sort())
        ) {
          problems.push(`${seed}: ${JSON.stringify(perDomain)}`);
        }
      }
      expect(problems).toEqual([]);
    }
  }, 30_000);

  it('gives every question of a domain the same chance, and mixes domains in the order', () => {
    const s = strata([
      ['a', 50, 12],
      ['b', 30, 6],
      ['c', 20, 5],
    ]); // quotas 5/3/2
    const seen = new Map<string, number>();
    const firstDomain = new Map<string, number>();
    const runs = 4000;
    for (let seed = 0; seed < runs; seed++) {
      const drawn = drawStratified(10, s, seededRandom(seed * 2654435761));
      for (const d of drawn) seen.set(d.questionId, (seen.get(d.questionId) ?? 0) + 1);
      const first = drawn[0]?.stratum ?? '';
      firstDomain.set(first, (firstDomain.get(first) ?? 0) + 1);
    }
    // Inclusion probability = quota / bank: a 5/12, b 3/6, c 2/5 (±15% of the expectation).
    for (const [domain, quota, size] of [
      ['a', 5, 12],
      ['b', 3, 6],
      ['c', 2, 5],
    ] as const) {
      for (const id of ids(domain, size)) {
        const expected = (runs * quota) / size;
        expect(Math.abs((seen.get(id) ?? 0) - expected)).toBeLessThan(expected * 0.15);
      }
    }
    // The first question comes from a domain in proportion to its quota: 50% / 30% / 20%.
    expect((firstDomain.get('a') ?? 0) / runs).toBeCloseTo(0.5, 1);
    expect((firstDomain.get('b') ?? 0) / runs).toBeCloseTo(0.3, 1);
    expect((firstDomain.get('c') ?? 0) / runs).toBeCloseTo(0.2, 1);
  });
});

describe('drawStratified with what the learner has seen', () => {
  const s = strata([
    ['a', 50, 15],
    ['b', 30, 9],
    ['c', 20, 6],
  ]); // quotas 5/3/2 of 10: three quotas per domain

  it('draws unseen questions first: three forms in a row share nothing while the bank allows', () => {
    const seen = new Map<string, number>();
    const forms: Set<string>[] = [];
    for (let k = 0; k < 3; k++) {
      const drawn = drawStratified(10, s, seededRandom(100 + k), seen).map((d) => d.questionId);
      for (const id of drawn) seen.set(id, (seen.get(id) ?? 0) + 1);
      forms.push(new Set(drawn));
    }
    expect(seen.size).toBe(30);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    for (const form of forms) expect(form.size).toBe(10);
  });

  it('then repeats the least-seen ones, still by the blueprint', () => {
    // Everything seen once except a-1, which was seen twice: a fourth form takes 5 of the 14 others.
    const seen = new Map<string, number>(s.flatMap((x) => x.pool.map((id) => [id, 1] as const)));
    seen.set('a-1', 2);
    for (let seed = 0; seed < 50; seed++) {
      const drawn = drawStratified(10, s, seededRandom(seed), seen);
      expect(drawn.map((d) => d.questionId)).not.toContain('a-1');
      expect(drawn.filter((d) => d.stratum === 'a')).toHaveLength(5);
    }
  });
});

describe("shownCounts (the learner object's list of shown ids)", () => {
  it('counts each id once per line; nothing shown is an empty list', () => {
    const shown = shownCounts('a-1\nb-2\na-1\nc-3\na-1');
    expect(shown.size).toBe(3);
    expect([shown.has('a-1'), shown.has('b-2'), shown.has('z-9')]).toEqual([true, true, false]);
    expect([shown.get('a-1'), shown.get('b-2'), shown.get('z-9')]).toEqual([3, 1, undefined]);
    expect(shownCounts('').size).toBe(0);
  });

  it('drives the draw in a large bank: the few unseen ids first, then the least seen', () => {
    // 3,000 ids, all but 8 shown twice and a-100…a-104 shown once: a quota of 10 takes the 8
    // unseen and 2 of the 5 seen once, never one seen twice.
    const pool = ids('a', 3000);
    const unseen = new Set(pool.slice(0, 8));
    const once = new Set(pool.slice(100, 105));
    const lines = pool.flatMap((id) => (unseen.has(id) ? [] : once.has(id) ? [id] : [id, id]));
    const shown = shownCounts(lines.join('\n'));
    for (let seed = 0; seed < 20; seed++) {
      const drawn = drawStratified(10, [{ id: 'a', weight: 100, pool }], seededRandom(seed), shown);
      const picked = drawn.map((d) => d.questionId);
      expect(picked.filter((id) => unseen.has(id))).toHaveLength(8);
      expect(picked.filter((id) => once.has(id))).toHaveLength(2);
    }
  });
});

describe("the seen filter (what a returning learner's start draws against)", () => {
  it('holds every id it was built from, and few others: under 1 % at 1,200 ids', () => {
    const shown = ids('mlp-question', 1200);
    const filter = new SeenFilter(buildSeenFilter(shown));
    expect(shown.every((id) => filter.has(id))).toBe(true);
    const others = ids('mla-other', 20_000);
    const falsePositives = others.filter((id) => filter.has(id)).length;
    expect(falsePositives / others.length).toBeLessThan(0.01);
    expect(new SeenFilter(buildSeenFilter([])).has('mlp-question-1')).toBe(false);
  });

  it('draws only unseen questions, or nothing when a domain runs out of them', () => {
    const s = strata([
      ['a', 50, 3000],
      ['b', 50, 3000],
    ]);
    const shown = [...ids('a', 2990), ...ids('b', 100)];
    const filter = new SeenFilter(buildSeenFilter(shown));
    const seen = new Set(shown);
    // Domain a keeps 10 unseen ids: a quota of 5 is met from them, a quota of 30 is not.
    for (let seed = 0; seed < 20; seed++) {
      const drawn = drawUnseen(10, s, seededRandom(seed), filter);
      expect(drawn?.filter((d) => d.stratum === 'a')).toHaveLength(5);
      expect(drawn?.some((d) => seen.has(d.questionId))).toBe(false);
      expect(drawUnseen(60, s, seededRandom(seed), filter)).toBeUndefined();
    }
  });
});

describe('shuffle and sample', () => {
  it('shuffle is a uniform permutation', () => {
    const random = seededRandom(1);
    const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    const runs = 24_000;
    for (let i = 0; i < runs; i++) {
      const out = shuffle(['a', 'b', 'c', 'd'], random);
      expect([...out].sort()).toEqual(['a', 'b', 'c', 'd']);
      for (const [pos, item] of out.entries()) {
        const row = counts['abcd'.indexOf(item)];
        if (row) row[pos] = (row[pos] ?? 0) + 1;
      }
    }
    for (const row of counts) for (const n of row) expect(Math.abs(n - runs / 4)).toBeLessThan(runs * 0.02);
  });

  it('sample draws k distinct items and leaves its input alone', () => {
    const input = ids('q', 10);
    const copy = input.slice();
    const out = sample(input, 4, seededRandom(3));
    expect(out).toHaveLength(4);
    expect(new Set(out).size).toBe(4);
    expect(input).toEqual(copy);
    expect(sample(input, 20, seededRandom(3))).toHaveLength(10);
  });
});
