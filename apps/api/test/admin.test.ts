import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from './constants.js';
import { api, fixtureApi, PRO, start } from './helpers.js';

const admin = { token: TEST_ADMIN_TOKEN };

describe('GET /stats/questions (admin)', () => {
  beforeAll(async () => {
    await env.DB.batch([
      env.DB.prepare("DELETE FROM item_events WHERE exam_id = 'fx'"),
      env.DB.prepare("DELETE FROM item_stats WHERE exam_id = 'fx'"),
      env.DB.prepare("DELETE FROM exam_stats WHERE exam_id = 'fx'"),
    ]);
  });

  it('refuses without the admin token, with a wrong one, and when none is configured', async () => {
    const none = await api('GET', `/stats/questions?exam=${PRO}`);
    expect([none.status, none.body.error.code]).toEqual([401, 'token_missing']);
    const wrong = await api('GET', `/stats/questions?exam=${PRO}`, { token: `${TEST_ADMIN_TOKEN}x` });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'token_invalid']);
    const attemptToken = (await start(api, PRO)).token;
    const notAdmin = await api('GET', `/stats/questions?exam=${PRO}`, { token: attemptToken });
    expect([notAdmin.status, notAdmin.body.error.code]).toEqual([403, 'token_invalid']);
    const disabled = await fixtureApi('GET', '/stats/questions?exam=fx', admin, { ADMIN_TOKEN: '' });
    expect([disabled.status, disabled.body.error.code]).toEqual([403, 'admin_disabled']);
  });

  it('validates the query', async () => {
    const missing = await api('GET', '/stats/questions', admin);
    expect([missing.status, missing.body.error.code]).toEqual([400, 'invalid_request']);
    const unknown = await api('GET', '/stats/questions?exam=no-such-exam', admin);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'exam_not_found']);
  });

  it('computes facility and point-biserial from submitted attempts', async () => {
    // Four practice attempts over the whole gamma domain (5 questions: gamma-01 is multiple
    // select with key a+c, the others single choice with key b). Learner k answers the first k
    // questions of the bank right and the rest wrong; unsubmitted attempts do not count.
    const ids = ['fx-gamma-01', 'fx-gamma-02', 'fx-gamma-03', 'fx-gamma-04', 'fx-gamma-05'];
    const right = (id: string) => (id === 'fx-gamma-01' ? ['a', 'c'] : ['b']);
    const wrong = ['d'];
    for (let k = 1; k <= 4; k++) {
      const { id, token } = await start(fixtureApi, 'fx', { mode: 'practice', domains: ['gamma'], count: 5 });
      for (const [i, qid] of ids.entries()) {
        await fixtureApi('PUT', `/attempts/${id}/answers/${qid}`, {
          token,
          body: { answer: i < k ? right(qid) : wrong },
        });
      }
      expect((await fixtureApi('POST', `/attempts/${id}/submit`, { token })).body.score.correct).toBe(k);
    }
    await start(fixtureApi, 'fx', { mode: 'practice', domains: ['gamma'], count: 5 }); // never submitted

    const res = await fixtureApi('GET', '/stats/questions?exam=fx', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.attempts).toBe(4);
    const byId = Object.fromEntries(res.body.questions.map((q: { questionId: string }) => [q.questionId, q]));
    // Totals are 20/40/60/80 %. Item i is right for learners k > i.
    const totals = [20, 40, 60, 80];
    const expectedR = (i: number) => {
      const item: number[] = totals.map((_, k) => (i < k + 1 ? 1 : 0));
      const mx = item.reduce((a, b) => a + b, 0) / 4;
      const my = 50;
      const sxy = item.reduce((a, x, k) => a + (x - mx) * ((totals[k] ?? 0) - my), 0);
      const sxx = item.reduce((a, x) => a + (x - mx) ** 2, 0);
      const syy = totals.reduce((a, y) => a + (y - my) ** 2, 0);
      return sxx === 0 ? null : Math.round((sxy / Math.sqrt(sxx * syy)) * 1000) / 1000;
    };
    expect(byId['fx-gamma-01']).toEqual({
      questionId: 'fx-gamma-01',
      domain: 'gamma',
      n: 4,
      answered: 4,
      p: 1,
      rPb: null,
    });
    expect(byId['fx-gamma-02']).toMatchObject({ n: 4, p: 0.75, rPb: expectedR(1) });
    expect(byId['fx-gamma-03']).toMatchObject({ n: 4, p: 0.5, rPb: expectedR(2) });
    expect(byId['fx-gamma-04']).toMatchObject({ n: 4, p: 0.25, rPb: expectedR(3) });
    expect(byId['fx-gamma-05']).toMatchObject({ n: 4, p: 0, rPb: null });
    expect(byId['fx-gamma-03'].rPb).toBeCloseTo(0.894, 3);
    // Questions nobody has seen yet: n 0, p and r_pb null.
    expect(byId['fx-alpha-01']).toMatchObject({ n: 0, answered: 0, p: null, rPb: null });
    expect(res.body.questions).toHaveLength(23);

    const examOnly = await fixtureApi('GET', '/stats/questions?exam=fx&mode=exam', admin);
    expect(examOnly.body.attempts).toBe(0);
  });
});
