/**
 * A learner's consecutive timed attempts of an exam draw fresh questions: within each domain the
 * draw prefers what this learner has not been shown yet (the learner's own store), so the first
 * three forms share at most 10% of their questions on the shipped banks.
 */
import { describe, expect, it } from 'vitest';
import { ASSOCIATE, api, PRO, real, start } from './helpers.js';

const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((id) => b.has(id)).length;

describe.each([PRO, ASSOCIATE])('three timed attempts of %s by one learner', (examId) => {
  const exam = real.exams.find((e) => e.id === examId);

  it('share at most 10% of their questions', async () => {
    const first = await api('POST', `/exams/${examId}/attempts`, { body: { mode: 'exam' } });
    expect(first.status, first.text).toBe(201);
    const learnerToken = first.body.learnerToken as string;
    const as = (method: string, path: string, o: Parameters<typeof api>[2] = {}) =>
      api(method, path, { ...o, headers: { ...o.headers, 'X-Learner-Token': learnerToken } });
    const forms = [
      new Set((first.body.questions as { question: { id: string } }[]).map((q) => q.question.id)),
    ];
    for (let k = 0; k < 2; k++) {
      const next = await start(as, examId);
      forms.push(new Set(next.questions.map((q) => q.question.id)));
    }
    const limit = Math.floor((exam?.questionCount ?? 0) * 0.1);
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      expect(forms[a]?.size).toBe(exam?.questionCount);
      expect(
        overlap(forms[a] as Set<string>, forms[b] as Set<string>),
        `forms ${a} and ${b}`,
      ).toBeLessThanOrEqual(limit);
    }
  });
});
