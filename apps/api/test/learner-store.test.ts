/**
 * The learner store: one Durable Object per learner, compact attempts, retention.
 * Rows written and bytes stored per attempt are measured here (the bench reads the same figures
 * over wrangler dev).
 */
import { describe, expect, it } from 'vitest';
import { ABANDONED_TTL_MS } from '../src/learner/policy.js';
import { api, keyOf, PRO, real, start } from './helpers.js';
import { inLearner, runAlarm } from './learner.js';

async function fullExam(learnerToken?: string) {
  const started = await api('POST', `/exams/${PRO}/attempts`, {
    body: { mode: 'exam' },
    ...(learnerToken ? { headers: { 'X-Learner-Token': learnerToken } } : {}),
  });
  expect(started.status).toBe(201);
  const { id, token, questions } = started.body;
  const before = await inLearner(id, (i) => i.rowsWritten);
  for (const [i, q] of questions.entries()) {
    const key = keyOf(q.question.id);
    // As the web client saves: the answer with the seconds spent on the question (20–119 s).
    const res = await api('PUT', `/attempts/${id}/answers/${q.question.id}`, {
      token,
      body: { answer: key.correct, spentSeconds: 20 + ((i * 37) % 100) },
    });
    expect(res.status).toBe(200);
  }
  const saved = await inLearner(id, (i) => i.rowsWritten);
  const report = await api('POST', `/attempts/${id}/submit`, { token });
  expect(report.status).toBe(200);
  const after = await inLearner(id, (i) => i.rowsWritten);
  return {
    id,
    token,
    learnerToken: started.body.learnerToken as string | undefined,
    saves: saved - before,
    submit: after - saved,
    report,
  };
}

describe('the learner store', () => {
  it('writes one row per save and two at submit; a 60-question attempt is about 2 KB', async () => {
    const first = await fullExam();
    expect(first.saves).toBe(60);
    // The grade, and the learner's review cards of the exam (one packed row).
    expect(first.submit).toBe(2);
    // Start: one row (the rowid is the key; no index).
    const startRows = await inLearner(first.id, (i) => i.rowsWritten - first.saves - first.submit);
    expect(startRows).toBe(1);

    // Bytes per attempt: the growth of the learner's database over 20 more graded attempts, once
    // the review cards hold the bank (a card per question seen: bounded by the bank, not by the
    // number of attempts; the draw prefers unseen questions, so 4 attempts of 60 give every question
    // of the 189-question bank one).
    for (let k = 0; k < 5; k++) await fullExam(first.learnerToken);
    const size0 = await inLearner(first.id, (i) => i.databaseSize());
    const cards0 = await inLearner(first.id, (i) => JSON.stringify(i.cards(PRO)).length);
    for (let k = 0; k < 20; k++) await fullExam(first.learnerToken);
    const size1 = await inLearner(first.id, (i) => i.databaseSize());
    const cards1 = await inLearner(first.id, (i) => JSON.stringify(i.cards(PRO)).length);
    const perAttempt = (size1 - size0) / 20;
    console.log(
      `learner store: ${size0} B after 6 attempts, then ${perAttempt} B per attempt; review cards ${cards0} → ${cards1} B`,
    );
    expect(perAttempt).toBeLessThanOrEqual(4096);
  });

  it("draws a returning learner's questions from the unseen first, through its object's filter", async () => {
    // Practice forms of 60 from the whole bank, one learner: in every domain a form takes as many
    // questions never shown to the learner as it can (all of its share while enough are left; then
    // every one left, and the rest from those seen least — the exact counts' path).
    const pools = real.manifest.questionsByExam[PRO] ?? {};
    const shown = new Map<string, number>();
    let learnerToken: string | undefined;
    let ranOut = false;
    for (let k = 0; k < 5; k++) {
      const res = await api('POST', `/exams/${PRO}/attempts`, {
        body: { mode: 'practice', count: 60 },
        ...(learnerToken ? { headers: { 'X-Learner-Token': learnerToken } } : {}),
      });
      expect(res.status).toBe(201);
      learnerToken ??= res.body.learnerToken as string;
      const form = (res.body.questions as { question: { id: string; domain: string } }[]).map(
        (q) => q.question,
      );
      for (const [domain, pool] of Object.entries(pools)) {
        const drawn = form.filter((q) => q.domain === domain);
        const unseenBefore = pool.filter((id) => !shown.has(id)).length;
        if (unseenBefore < drawn.length) ranOut = true;
        expect(drawn.filter((q) => !shown.has(q.id))).toHaveLength(Math.min(drawn.length, unseenBefore));
        // Least seen first: no seen question left out was shown less often than one drawn.
        const taken = new Set(drawn.map((q) => q.id));
        const countOf = (ids: string[]) => ids.filter((id) => shown.has(id)).map((id) => shown.get(id) ?? 0);
        const drawnMost = Math.max(0, ...countOf([...taken]));
        const leftFewest = Math.min(Infinity, ...countOf(pool.filter((id) => !taken.has(id))));
        expect(drawnMost).toBeLessThanOrEqual(leftFewest);
      }
      for (const q of form) shown.set(q.id, (shown.get(q.id) ?? 0) + 1);
    }
    expect(ranOut).toBe(true);
  });

  it('isolates learners: another learner id or token reads and changes nothing', async () => {
    const a = await start(api, PRO);
    const b = await start(api, PRO);
    const aLearner = a.id.split('.')[0] as string;
    const bLocal = b.id.split('.')[1] as string;
    // b's local id under a's learner: a different object, so no such attempt.
    const crossed = `${aLearner}.${bLocal}`;
    for (const token of [a.token, b.token]) {
      expect((await api('GET', `/attempts/${crossed}`, { token })).status).toBe(404);
    }
    const q = b.questions[0]?.question.id as string;
    expect(
      (await api('PUT', `/attempts/${b.id}/answers/${q}`, { token: a.token, body: { answer: ['a'] } }))
        .status,
    ).toBe(403);
    expect((await api('POST', `/attempts/${b.id}/submit`, { token: a.token })).status).toBe(403);
    const state = await api('GET', `/attempts/${b.id}`, { token: b.token });
    expect(state.body.progress.answered).toBe(0);
    expect(state.body.status).toBe('in_progress');
  });

  it('deletes abandoned attempts at their expiry (alarm) and keeps submitted ones', async () => {
    const done = await fullExam();
    const learnerToken = done.learnerToken as string;
    const open = await api('POST', `/exams/${PRO}/attempts`, {
      body: { mode: 'practice', count: 3 },
      headers: { 'X-Learner-Token': learnerToken },
    });
    expect(open.status).toBe(201);
    // Age the open attempt past its expiry, then run the alarm.
    await inLearner(open.body.id, (_i, sql, local) => {
      sql.exec('UPDATE attempts SET expires_at = ? WHERE id = ?', Date.now() - 1, local);
    });
    expect(await runAlarm(open.body.id)).toBe(true);
    expect((await api('GET', `/attempts/${open.body.id}`, { token: open.body.token })).status).toBe(404);
    expect((await api('GET', `/attempts/${done.id}/report`, { token: done.token })).status).toBe(200);
    expect(ABANDONED_TTL_MS).toBe(7 * 24 * 3600 * 1000);
  });
});
