import { describe, expect, it } from 'vitest';
import { jaccard, nearDuplicates, shingles } from './minhash.js';

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
  it('scales linearly: 5,000 distinct texts in well under a second', () => {
    const texts = Array.from(
      { length: 5000 },
      (_, i) => `question ${i} asks about topic ${i * 7919} and option ${i * 104729} or ${i % 13}`,
    );
    const started = performance.now();
    nearDuplicates(texts);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
