import { describe, expect, it } from 'vitest';
import { jaccard, MAX_BUCKET, nearDuplicates, shingles } from './minhash.js';

describe('near duplicates', () => {
  const base =
    'A team stores raw click events in object storage and wants to query them with SQL without loading them into a database first. Which service fits best? Athena; Redshift; RDS; DynamoDB';
  it('finds a reworded copy and skips distinct questions with a shared opening', () => {
    const texts = [
      base,
      base.replace('wants to query', 'needs to query'),
      'A team stores raw click events in object storage and must delete them after thirty days to meet a retention rule. What should they configure? Lifecycle rule; Versioning; Replication; Object lock',
    ];
    const pairs = nearDuplicates(texts);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[0, 1]]);
    expect(pairs[0]?.similarity).toBeGreaterThan(0.7);
  });
  it('is deterministic and exact for identical texts', () => {
    expect(nearDuplicates([base, base])).toEqual([{ a: 0, b: 1, similarity: 1 }]);
    expect(jaccard(shingles('a b c d'), shingles('a b c d'))).toBe(1);
  });
  it('scales linearly: pairs compared grow with the texts, not with their square', () => {
    // Templated texts share most of their words, so whole bands collide: the crowded buckets are
    // skipped, and the comparisons stay within bands × n × (MAX_BUCKET − 1) / 2 — counted, not
    // timed (a timing bound only measures how busy the machine is).
    const templated = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `question ${i} asks about topic ${i * 7919} and option ${i * 104729} or ${i % 13}`,
      );
    const compared = (n: number) => {
      const stats = { comparisons: 0 };
      nearDuplicates(templated(n), 0.7, 20, 3, stats);
      return stats.comparisons;
    };
    const [small, large] = [compared(1000), compared(5000)];
    expect(large).toBeLessThanOrEqual((20 * 5000 * (MAX_BUCKET - 1)) / 2);
    // Quadratic growth would be 25×; linear is about 5×.
    expect(large).toBeLessThan(small * 8);
    const started = performance.now();
    nearDuplicates(templated(5000));
    console.log(
      `near duplicates: ${small} / ${large} pairs compared for 1,000 / 5,000 texts; 5,000 in ${Math.round(performance.now() - started)} ms`,
    );
  });
});
