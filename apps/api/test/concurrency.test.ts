/**
 * Concurrency (issue 6, Reliability): many requests on one attempt at once, many attempts at
 * once, submits racing submits and saves racing a submit — through the Worker's public fetch,
 * against the local D1. Nothing a client was told is saved may be lost, and a submitted attempt
 * has exactly one grading.
 */
import { describe, expect, it } from 'vitest';
import { ASSOCIATE, api, keyOf, PRO, type Sent, start } from './helpers.js';
import { inLearner } from './learner.js';

type Started = Awaited<ReturnType<typeof start>>;
type AttemptQuestion = Started['questions'][number]['question'];

const put = (a: Started, questionId: string, body: unknown) =>
  api('PUT', `/attempts/${a.id}/answers/${questionId}`, { token: a.token, body });

/** The answer as the API stores it: the question's own option order, not the displayed one. */
const canonical = (q: AttemptQuestion, answer: readonly string[]) =>
  q.options
    .map((o) => o.id)
    .filter((id) => answer.includes(id))
    .sort();

/** The k-th of several distinct valid answers to a question (one option each: valid for any type). */
const nthAnswer = (q: AttemptQuestion, k: number) => [
  [...q.options.map((o) => o.id)].sort()[k % q.options.length] as string,
];

async function stateOf(a: Started) {
  const res = await api('GET', `/attempts/${a.id}`, { token: a.token });
  expect(res.status, res.text).toBe(200);
  const byId = new Map<string, { answer: string[] | null; flagged: boolean }>();
  for (const q of res.body.questions) byId.set(q.question.id, { answer: q.answer, flagged: q.flagged });
  return { body: res.body, byId };
}

const expectStatus = (res: Sent, status: number) => expect(res.status, res.text.slice(0, 300)).toBe(status);

describe('100 concurrent answer saves on one attempt', () => {
  it('chains per question run in parallel: every question holds its last write', async () => {
    const attempt = await start(api, PRO);
    const questions = attempt.questions.slice(0, 20).map((q) => q.question);
    const perQuestion = 5; // 20 × 5 = 100 saves, 20 in flight at any moment
    const written = new Map<string, { answer: string[]; flagged: boolean }>();

    await Promise.all(
      questions.map(async (q) => {
        for (let k = 0; k < perQuestion; k++) {
          const answer = nthAnswer(q, k);
          const flagged = k % 2 === 0;
          const res = await put(attempt, q.id, { answer, flagged });
          expectStatus(res, 200);
          expect(res.body).toMatchObject({ questionId: q.id, answer: canonical(q, answer), flagged });
          written.set(q.id, { answer: canonical(q, answer), flagged });
        }
      }),
    );

    const { body, byId } = await stateOf(attempt);
    for (const q of questions) expect(byId.get(q.id), q.id).toEqual(written.get(q.id));
    expect(body.progress).toEqual({ total: 60, answered: 20, flagged: 20 });
    // Questions nobody wrote to are untouched.
    for (const q of attempt.questions.slice(20))
      expect(byId.get(q.question.id)).toEqual({ answer: null, flagged: false });
  }, 30_000);

  it('all 100 at once: every save answers 200, every question keeps one of its written answers', async () => {
    const attempt = await start(api, PRO);
    const questions = attempt.questions.slice(0, 25).map((q) => q.question);
    const saves = questions.flatMap((q) => [0, 1, 2, 3].map((k) => ({ q, answer: nthAnswer(q, k) })));
    expect(saves).toHaveLength(100);

    const results = await Promise.all(saves.map(({ q, answer }) => put(attempt, q.id, { answer })));
    for (const res of results) expectStatus(res, 200);

    const { body, byId } = await stateOf(attempt);
    for (const q of questions) {
      const candidates = saves.filter((s) => s.q.id === q.id).map((s) => canonical(q, s.answer));
      expect(candidates, q.id).toContainEqual(byId.get(q.id)?.answer);
    }
    expect(body.progress.answered).toBe(25);
  }, 30_000);

  it('answer-only and flag-only saves on the same question never clobber each other', async () => {
    const attempt = await start(api, PRO);
    const questions = attempt.questions.slice(0, 50).map((q) => q.question);
    const results = await Promise.all(
      questions.flatMap((q) => [
        put(attempt, q.id, { answer: nthAnswer(q, 1) }),
        put(attempt, q.id, { flagged: true }),
      ]),
    );
    expect(results).toHaveLength(100);
    for (const res of results) expectStatus(res, 200);
    const { body, byId } = await stateOf(attempt);
    for (const q of questions) {
      expect(byId.get(q.id), q.id).toEqual({ answer: canonical(q, nthAnswer(q, 1)), flagged: true });
    }
    expect(body.progress).toEqual({ total: 60, answered: 50, flagged: 50 });
  }, 30_000);
});

describe('50 concurrent attempts', () => {
  it('each started, saved and submitted at the same time: every report grades its own answers', async () => {
    const runs = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const exam = i % 2 === 0 ? PRO : ASSOCIATE;
        const attempt = await start(api, exam);
        // Answer the first six: the first `right` correctly, the rest wrongly.
        const right = i % 7;
        const chosen = attempt.questions.slice(0, 6).map(({ question: q }, j) => {
          const key = keyOf(q.id).correct;
          const wrong = q.options.map((o) => o.id).find((o) => !key.includes(o)) ?? 'a';
          return { q, answer: j < right ? [...key] : [wrong] };
        });
        const saved = await Promise.all(chosen.map(({ q, answer }) => put(attempt, q.id, { answer })));
        for (const res of saved) expectStatus(res, 200);
        const report = await api('POST', `/attempts/${attempt.id}/submit`, { token: attempt.token });
        expectStatus(report, 200);
        return { attempt, exam, chosen, right: Math.min(right, 6), report: report.body };
      }),
    );

    expect(new Set(runs.map((r) => r.attempt.id)).size).toBe(50);
    expect(new Set(runs.map((r) => r.attempt.token)).size).toBe(50);
    for (const { attempt, exam, chosen, right, report } of runs) {
      expect(report).toMatchObject({ attemptId: attempt.id, examId: exam });
      expect(report.score).toMatchObject({ correct: right, answered: 6, total: attempt.questions.length });
      const byId = new Map(report.questions.map((q: { questionId: string }) => [q.questionId, q]));
      for (const { q, answer } of chosen) {
        expect((byId.get(q.id) as { answer: string[] }).answer).toEqual(canonical(q, answer));
      }
    }
    // No attempt's token opens another attempt.
    const [a, b] = runs;
    if (!a || !b) throw new Error('runs');
    const cross = await api('GET', `/attempts/${a.attempt.id}/report`, { token: b.attempt.token });
    expect([cross.status, cross.body.error.code]).toEqual([403, 'token_invalid']);
  }, 60_000);
});

/** What the learner's object holds for an attempt after grading: one submit time, one credit per position. */
async function gradingOf(id: string) {
  return inLearner(id, (_instance, sql, local) => {
    const row = sql.exec('SELECT submitted_at, points, credits FROM attempts WHERE id = ?', local).one() as {
      submitted_at: number | null;
      points: number | null;
      credits: string | null;
    };
    return {
      submitted_at: row.submitted_at,
      points: row.points,
      credits: (row.credits ?? '').split(',').map(Number),
    };
  });
}

describe('submit under concurrency', () => {
  it('concurrent double (and quintuple) submits return one identical report: one grading', async () => {
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const attempt = await start(api, i % 2 === 0 ? PRO : ASSOCIATE, { mode: 'practice', count: 12 });
        for (const { question: q } of attempt.questions.slice(0, 6)) {
          expectStatus(await put(attempt, q.id, { answer: keyOf(q.id).correct }), 200);
        }
        const submits = i % 2 === 0 ? 2 : 5;
        const results = await Promise.all(
          Array.from({ length: submits }, () =>
            api('POST', `/attempts/${attempt.id}/submit`, { token: attempt.token }),
          ),
        );
        for (const res of results) expectStatus(res, 200);
        expect(new Set(results.map((r) => r.text)).size).toBe(1);
        const report = results[0]?.body;
        expect(report.score).toMatchObject({ correct: 6, answered: 6, total: 12 });

        // Later reads return the same bytes; the learner's object holds exactly that grading
        // (the report is rebuilt from it, not stored).
        const again = await api('POST', `/attempts/${attempt.id}/submit`, { token: attempt.token });
        const stored = await api('GET', `/attempts/${attempt.id}/report`, { token: attempt.token });
        expect([again.text, stored.text]).toEqual([results[0]?.text, results[0]?.text]);
        const row = await gradingOf(attempt.id);
        expect(row.submitted_at).toBe(Date.parse(report.submittedAt));
        expect(row.points).toBe(report.score.points);
        expect(
          report.questions.map((q: { position: number; credit: number }) => [q.position, q.credit]),
        ).toEqual(report.questions.map((q: { position: number }) => [q.position, row.credits[q.position]]));
      }),
    );
  }, 30_000);

  it('saves racing a submit: each is in the report or refused with 409 — never acknowledged and lost', async () => {
    let landed = 0;
    let refused = 0;
    for (let round = 0; round < 6; round++) {
      const attempt = await start(api, PRO, { mode: 'practice', count: 24 });
      const questions = attempt.questions.map((q) => q.question);
      const answers = new Map(questions.map((q, i) => [q.id, nthAnswer(q, i)]));
      // A third of the saves go out first, then the submit, then the rest one per millisecond (a
      // later start each round): some land before the freeze, some race it, some come after.
      const saves: Promise<Sent>[] = [];
      for (const q of questions.slice(0, 8)) saves.push(put(attempt, q.id, { answer: answers.get(q.id) }));
      await new Promise((r) => setTimeout(r, round * 3));
      const submitting = api('POST', `/attempts/${attempt.id}/submit`, { token: attempt.token });
      for (const q of questions.slice(8)) {
        saves.push(put(attempt, q.id, { answer: answers.get(q.id) }));
        await new Promise((r) => setTimeout(r, 1));
      }
      const [submit, results] = await Promise.all([submitting, Promise.all(saves)]);
      expectStatus(submit, 200);
      const graded = new Map(
        submit.body.questions.map((q: { questionId: string; answer: string[] | null }) => [
          q.questionId,
          q.answer,
        ]),
      );

      for (const [i, res] of results.entries()) {
        const q = questions[i];
        if (!q) throw new Error('question');
        if (res.status === 200) {
          landed++;
          expect(graded.get(q.id), `save of ${q.id} was acknowledged but not graded`).toEqual(
            canonical(q, answers.get(q.id) ?? []),
          );
        } else {
          refused++;
          expect([res.status, res.body.error.code]).toEqual([409, 'attempt_submitted']);
          expect(graded.get(q.id)).toBeNull();
        }
      }
      // What is stored is exactly what was graded: nothing landed after the submit.
      const { byId } = await stateOf(attempt);
      for (const q of questions) expect(byId.get(q.id)?.answer ?? null).toEqual(graded.get(q.id));
      const stored = await api('GET', `/attempts/${attempt.id}/report`, { token: attempt.token });
      expect(stored.text).toBe(submit.text);
    }
    // Both outcomes happened, so the race was really run.
    expect(landed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);
});
