import { describe, expect, it } from 'vitest';
import { SAVE_GRACE_MS } from '../src/attempts/save.js';
import { ASSOCIATE, api, fixtureApi, keyOf, PRO, real, start } from './helpers.js';
import { setDeadline } from './learner.js';

describe('a practice exam, start to report', () => {
  it('start → save → resume → submit → report', async () => {
    const before = Date.now();
    const started = await start(api, PRO);
    const { id, token } = started;

    // Exam mode: the blueprint's 60 questions at 20/20/20, the deadline 120 minutes out.
    expect(started.questions).toHaveLength(60);
    const perDomain: Record<string, number> = {};
    for (const q of started.questions) perDomain[q.question.domain] = (perDomain[q.question.domain] ?? 0) + 1;
    expect(perDomain).toEqual({
      'ml-solution-design': 20,
      'ml-model-implementation': 20,
      'ml-pipeline-production': 20,
    });
    expect(started.questions.map((q) => q.position)).toEqual([...Array(60).keys()]);
    expect(Date.parse(started.deadline ?? '') - before).toBeGreaterThanOrEqual(120 * 60_000 - 1000);
    // Options are shuffled per attempt but keep the bundle's stable letters.
    for (const q of started.questions) {
      const original = real.questions.find((x) => x.id === q.question.id);
      expect(q.question.options.map((o) => o.id).sort()).toEqual(original?.options.map((o) => o.id).sort());
    }
    const displayed = (q: (typeof started.questions)[number]) => q.question.options.map((o) => o.id).join('');
    expect(started.questions.some((q) => displayed(q) !== [...displayed(q)].sort().join(''))).toBe(true);

    // Answer 12: right on 0, 3, 6, 9 …; wrong otherwise; flag two.
    const answers = new Map<string, string[]>();
    let right = 0;
    for (const [i, q] of started.questions.slice(0, 12).entries()) {
      const key = keyOf(q.question.id);
      const wrong = q.question.options.find((o) => !key.correct.includes(o.id))?.id ?? 'a';
      const answer = i % 3 === 0 ? key.correct : [wrong];
      if (i % 3 === 0) right++;
      answers.set(q.question.id, [...answer].sort());
      const saved = await api('PUT', `/attempts/${id}/answers/${q.question.id}`, {
        token,
        body: { answer, ...(i < 2 ? { flagged: true } : {}) },
      });
      expect(saved.status, saved.text).toBe(200);
      expect(saved.body.progress).toEqual({ total: 60, answered: i + 1, flagged: Math.min(i + 1, 2) });
      expect(saved.headers.get('cache-control')).toBe('no-store');
    }
    // Unflag one, change nothing else; clear an answer and put it back.
    const first = started.questions[0]?.question.id ?? '';
    expect(
      (await api('PUT', `/attempts/${id}/answers/${first}`, { token, body: { flagged: false } })).body,
    ).toMatchObject({
      flagged: false,
      answer: answers.get(first),
    });
    expect(
      (await api('PUT', `/attempts/${id}/answers/${first}`, { token, body: { answer: null } })).body.answer,
    ).toBeNull();
    await api('PUT', `/attempts/${id}/answers/${first}`, { token, body: { answer: answers.get(first) } });

    // Resume: the same form (order, option order), answers and flags.
    const resumed = await api('GET', `/attempts/${id}`, { token });
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('in_progress');
    expect(resumed.body.timeLeftSeconds).toBeGreaterThan(119 * 60);
    expect(resumed.body.progress).toEqual({ total: 60, answered: 12, flagged: 1 });
    expect(resumed.body.questions.map((q: { question: unknown }) => q.question)).toEqual(
      started.questions.map((q) => q.question),
    );
    for (const q of resumed.body.questions) {
      expect(q.answer).toEqual(answers.get(q.question.id) ?? null);
    }
    expect(resumed.headers.get('cache-control')).toBe('no-store');

    const notYet = await api('GET', `/attempts/${id}/report`, { token });
    expect([notYet.status, notYet.body.error.code]).toEqual([409, 'attempt_not_submitted']);

    // Submit: the report.
    const report = await api('POST', `/attempts/${id}/submit`, { token });
    expect(report.status).toBe(200);
    expect(report.body.score).toEqual({
      percent: Math.round((1000 * right) / 60) / 10,
      points: right,
      correct: right,
      answered: 12,
      total: 60,
      passingScore: 70,
      passed: false,
    });
    expect(report.body.domains.map((d: { total: number }) => d.total)).toEqual([20, 20, 20]);
    expect(report.body.domains.reduce((n: number, d: { correct: number }) => n + d.correct, 0)).toBe(right);
    expect(report.body.weakestDomains).toHaveLength(3);
    expect(report.body.weakestDomains[0].studyLink).toMatch(
      /^\/guides\/databricks-ml-professional-guide#domain-/,
    );
    for (const q of report.body.questions) {
      const key = keyOf(q.questionId);
      expect(q.correctOptions).toEqual(key.correct);
      expect(q.answer).toEqual(answers.get(q.questionId) ?? null);
      expect(q.correct).toBe(JSON.stringify(q.answer) === JSON.stringify(key.correct));
      expect(q.explanationHtml).toBe(key.explanationHtml ?? null);
    }

    // Idempotent: the same report, byte for byte; the attempt shows its score; saves are refused.
    const again = await api('POST', `/attempts/${id}/submit`, { token });
    expect([again.status, again.text]).toEqual([200, report.text]);
    expect((await api('GET', `/attempts/${id}/report`, { token })).text).toBe(report.text);
    const state = await api('GET', `/attempts/${id}`, { token });
    expect(state.body).toMatchObject({
      status: 'submitted',
      score: { percent: report.body.score.percent, passed: false },
    });
    const late = await api('PUT', `/attempts/${id}/answers/${first}`, { token, body: { answer: ['a'] } });
    expect([late.status, late.body.error.code]).toEqual([409, 'attempt_submitted']);
  });

  it('concurrent submits all get the one report', async () => {
    const { id, token } = await start(api, ASSOCIATE);
    const results = await Promise.all([1, 2, 3].map(() => api('POST', `/attempts/${id}/submit`, { token })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
  });

  it('practice mode: chosen domains and count, untimed', async () => {
    const started = await start(api, ASSOCIATE, {
      mode: 'practice',
      domains: ['model-deployment', 'data-processing'],
      count: 8,
    });
    expect(started.deadline).toBeNull();
    expect(started.questions).toHaveLength(8);
    expect(new Set(started.questions.map((q) => q.question.domain))).toEqual(
      new Set(['model-deployment', 'data-processing']),
    );
    const state = await api('GET', `/attempts/${started.id}`, { token: started.token });
    expect(state.body).toMatchObject({ mode: 'practice', timeLeftSeconds: null, durationMinutes: null });
    const defaults = await start(api, PRO, { mode: 'practice' });
    expect(defaults.questions).toHaveLength(10);
  });

  it('practice check: feedback once the answer is locked; the same answer again shows it again', async () => {
    const { id, token, questions } = await start(api, PRO, { mode: 'practice', count: 3 });
    const q = questions[0]?.question;
    if (!q) throw new Error('no question drawn');
    const key = keyOf(q.id);
    const wrong = q.options.find((o) => !key.correct.includes(o.id))?.id ?? 'a';
    const url = `/attempts/${id}/answers/${q.id}`;

    const checked = await api('PUT', url, { token, body: { answer: [wrong], check: true } });
    expect(checked.status, checked.text).toBe(200);
    expect(checked.body.feedback).toMatchObject({ correct: false, correctOptions: key.correct });
    // Reloaded: the attempt says which answers are final.
    const state = await api('GET', `/attempts/${id}`, { token });
    expect(state.body.questions.map((x: { checked: boolean }) => x.checked)).toEqual([true, false, false]);
    // A re-check (or a late autosave) of the same answer is a no-op with the same feedback …
    const again = await api('PUT', url, { token, body: { answer: [wrong], check: true } });
    expect(again.status, again.text).toBe(200);
    expect(again.body.feedback).toEqual(checked.body.feedback);
    // … a different one is refused, and flags stay free.
    const changed = await api('PUT', url, { token, body: { answer: key.correct } });
    expect([changed.status, changed.body.error.code]).toEqual([409, 'question_checked']);
    expect((await api('PUT', url, { token, body: { flagged: true } })).status).toBe(200);
    // No feedback without a saved answer, and none in a timed exam.
    const other = questions[1]?.question.id ?? '';
    const empty = await api('PUT', `/attempts/${id}/answers/${other}`, {
      token,
      body: { answer: [], check: true },
    });
    expect(empty.body.error.code).toBe('check_not_allowed');
    const exam = await start(api, ASSOCIATE);
    const first = exam.questions[0]?.question.id ?? '';
    const inExam = await api('PUT', `/attempts/${exam.id}/answers/${first}`, {
      token: exam.token,
      body: { answer: ['a'], check: true },
    });
    expect(inExam.body.error.code).toBe('check_not_allowed');
  });

  it('time spent per question: increments sent with saves add up in the report', async () => {
    const { id, token, questions } = await start(api, ASSOCIATE, { mode: 'practice', count: 2 });
    const [first, second] = questions.map((q) => q.question.id);
    const url = (q: string | undefined) => `/attempts/${id}/answers/${q}`;
    expect((await api('PUT', url(first), { token, body: { spentSeconds: 30 } })).status).toBe(200);
    expect((await api('PUT', url(first), { token, body: { answer: ['a'], spentSeconds: 12 } })).status).toBe(
      200,
    );
    expect((await api('PUT', url(second), { token, body: { flagged: true } })).status).toBe(200);
    for (const spentSeconds of [-1, 3601, 1.5, 'x']) {
      const bad = await api('PUT', url(second), { token, body: { spentSeconds } });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_request']);
    }
    const report = await api('POST', `/attempts/${id}/submit`, { token });
    const spent = Object.fromEntries(
      report.body.questions.map((q: { questionId: string; secondsSpent: number }) => [
        q.questionId,
        q.secondsSpent,
      ]),
    );
    expect(spent).toEqual({ [first as string]: 42, [second as string]: 0 });
  });

  it('partial credit end to end (an exam that declares it)', async () => {
    const { id, token, questions } = await start(fixtureApi, 'fx-partial');
    const picks = [['a', 'c'], ['a'], ['a', 'b'], null];
    for (const [i, q] of questions.entries()) {
      const answer = picks[i];
      if (answer)
        await fixtureApi('PUT', `/attempts/${id}/answers/${q.question.id}`, { token, body: { answer } });
    }
    const report = await fixtureApi('POST', `/attempts/${id}/submit`, { token });
    expect(report.body.score).toMatchObject({ points: 1.5, correct: 1, percent: 37.5, passed: false });
    expect(report.body.questions.map((q: { credit: number }) => q.credit)).toEqual([1, 0.5, 0, 0]);
    expect(report.body.scoring.multipleSelect).toBe('partial');
  });
});

describe('the deadline', () => {
  it('refuses saves after the deadline (plus grace); submit grades what was saved', async () => {
    const { id, token, questions } = await start(api, PRO);
    const [q1, q2] = questions;
    if (!q1 || !q2) throw new Error('questions');
    const correct = keyOf(q1.question.id).correct;
    expect(
      (await api('PUT', `/attempts/${id}/answers/${q1.question.id}`, { token, body: { answer: correct } }))
        .status,
    ).toBe(200);

    // Within the grace period a save still lands…
    await setDeadline(id, Date.now() - SAVE_GRACE_MS / 2);
    const inGrace = await api('PUT', `/attempts/${id}/answers/${q2.question.id}`, {
      token,
      body: { flagged: true },
    });
    expect(inGrace.status).toBe(200);

    // …after it, no more.
    await setDeadline(id, Date.now() - SAVE_GRACE_MS - 60_000);
    const late = await api('PUT', `/attempts/${id}/answers/${q2.question.id}`, {
      token,
      body: { answer: keyOf(q2.question.id).correct },
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'attempt_expired']);

    const state = await api('GET', `/attempts/${id}`, { token });
    expect(state.body).toMatchObject({ status: 'expired', timeLeftSeconds: 0 });

    const report = await api('POST', `/attempts/${id}/submit`, { token });
    expect(report.status).toBe(200);
    expect(report.body.overtime).toBe(true);
    expect(report.body.score).toMatchObject({ correct: 1, answered: 1, total: 60 });
  });
});

describe('attempt errors', () => {
  it('needs the attempt token: 401 missing, 403 wrong, 404 unknown attempt', async () => {
    const a = await start(api, PRO);
    const b = await start(api, PRO);
    const missing = await api('GET', `/attempts/${a.id}`);
    expect([missing.status, missing.body.error.code]).toEqual([401, 'token_missing']);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const malformed = await api('GET', `/attempts/${a.id}`, { headers: { Authorization: 'Basic abc' } });
    expect([malformed.status, malformed.body.error.code]).toEqual([401, 'token_missing']);
    const wrong = await api('GET', `/attempts/${a.id}`, { token: b.token });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'token_invalid']);
    for (const [method, path] of [
      ['PUT', `/attempts/${a.id}/answers/${a.questions[0]?.question.id}`],
      ['POST', `/attempts/${a.id}/submit`],
      ['GET', `/attempts/${a.id}/report`],
    ] as const) {
      const res = await api(method, path, {
        token: b.token,
        ...(method === 'PUT' ? { body: { flagged: true } } : {}),
      });
      expect([res.status, res.body.error.code]).toEqual([403, 'token_invalid']);
    }
    // The refused save and submit changed nothing: not flagged, not frozen.
    const after = await api('GET', `/attempts/${a.id}`, { token: a.token });
    expect([after.body.status, after.body.progress.flagged]).toEqual(['in_progress', 0]);
    const own = await api('PUT', `/attempts/${a.id}/answers/${a.questions[0]?.question.id}`, {
      token: a.token,
      body: { flagged: true },
    });
    expect(own.status).toBe(200);
    const unknown = await api('GET', '/attempts/AAAAAAAAAAAAAAAAAAAAAA.1b2c3d4e', { token: a.token });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'attempt_not_found']);
    const notUuid = await api('GET', '/attempts/not-an-attempt-id', { token: a.token });
    expect([notUuid.status, notUuid.body.error.code]).toEqual([400, 'invalid_request']);
  });

  it('validates saved answers against the attempt and the question', async () => {
    const { id, token, questions } = await start(api, PRO);
    const single = questions.find((q) => q.question.type === 'single')?.question;
    const multiple = questions.find((q) => q.question.type === 'multiple')?.question;
    const notInAttempt = real.questions.find(
      (q) => q.exam === PRO && !questions.some((x) => x.question.id === q.id),
    );
    if (!single || !multiple || !notInAttempt) throw new Error('the draw has both kinds');
    const put = (qid: string, body: unknown) => api('PUT', `/attempts/${id}/answers/${qid}`, { token, body });
    const cases: [Promise<{ status: number; body: { error?: { code: string } } }>, number, string][] = [
      [put(notInAttempt.id, { answer: ['a'] }), 404, 'question_not_in_attempt'],
      [put(single.id, { answer: ['z'] }), 422, 'invalid_option'],
      [put(single.id, { answer: ['a', 'b'] }), 422, 'too_many_options'],
      [
        put(multiple.id, { answer: multiple.options.slice(0, multiple.selectCount + 1).map((o) => o.id) }),
        422,
        'too_many_options',
      ],
      [put(single.id, {}), 400, 'invalid_request'],
      [put(single.id, { answer: 'a' }), 400, 'invalid_request'],
      [put(single.id, { flagged: 'yes' }), 400, 'invalid_request'],
      [put(single.id, { answer: ['a'], note: 'x' }), 400, 'invalid_request'],
      [put('Bad_Id', { answer: ['a'] }), 400, 'invalid_request'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    const ok = await put(multiple.id, {
      answer: multiple.options.slice(0, multiple.selectCount).map((o) => o.id),
    });
    expect(ok.status).toBe(200);
  });

  it('validates the start request', async () => {
    const cases: [string, unknown, number, string][] = [
      ['no-such-exam', { mode: 'exam' }, 404, 'exam_not_found'],
      [PRO, { mode: 'timed' }, 400, 'invalid_request'],
      [PRO, { mode: 'exam', count: 5 }, 400, 'invalid_request'],
      [PRO, { mode: 'practice', count: 0 }, 400, 'invalid_request'],
      [PRO, { mode: 'practice', count: 2.5 }, 400, 'invalid_request'],
      [PRO, { mode: 'practice', domains: [] }, 400, 'invalid_request'],
      [PRO, { mode: 'practice', domains: ['ml-solution-desgin'] }, 422, 'unknown_domain'],
      [
        ASSOCIATE,
        { mode: 'practice', domains: ['model-deployment'], count: 40 },
        422,
        'not_enough_questions',
      ],
      // Practice attempts are capped at 60 questions.
      [PRO, { mode: 'practice', count: 61 }, 400, 'invalid_request'],
    ];
    for (const [exam, body, status, code] of cases) {
      const res = await api('POST', `/exams/${exam}/attempts`, { body });
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
    const issues = await api('POST', `/exams/${PRO}/attempts`, { body: { mode: 'practice', count: 'ten' } });
    expect(issues.body.error.issues).toEqual([expect.objectContaining({ path: 'json.count' })]);
  });

  it('rejects malformed JSON, non-JSON bodies, missing bodies and oversized bodies', async () => {
    const path = `/exams/${PRO}/attempts`;
    const malformed = await api('POST', path, {
      rawBody: '{"mode": "exam"',
      headers: { 'Content-Type': 'application/json' },
    });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'malformed_json']);
    const text = await api('POST', path, { rawBody: 'mode=exam', headers: { 'Content-Type': 'text/plain' } });
    expect([text.status, text.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const empty = await api('POST', path, { headers: { 'Content-Type': 'application/json' } });
    expect(empty.status).toBe(400);
    const huge = await api('POST', path, {
      rawBody: JSON.stringify({ mode: 'practice', padding: 'x'.repeat(64 * 1024) }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('answers unknown routes 404 and wrong methods 405, always as JSON', async () => {
    const unknown = await api('GET', '/nothing/here');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const wrongMethod = await api('DELETE', `/exams/${PRO}`);
    expect([wrongMethod.status, wrongMethod.body.error.code]).toEqual([405, 'method_not_allowed']);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    const getSubmit = await api('GET', '/attempts/6f1b7a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b/submit');
    expect([getSubmit.status, getSubmit.headers.get('allow')]).toEqual([405, 'POST']);
    for (const res of [unknown, wrongMethod, getSubmit]) {
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.text).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });
});
