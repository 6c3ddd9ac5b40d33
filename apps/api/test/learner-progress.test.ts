import { describe, expect, it } from 'vitest';
import { ASSOCIATE, api, type CallOptions, keyOf, PRO } from './helpers.js';
import { inLearner } from './learner.js';

const DAY = 24 * 60 * 60 * 1000;

/** A browser: keeps the session cookie the API sets, and sends it back. */
function browser() {
  let cookie: string | undefined;
  const call = async (method: string, path: string, o: CallOptions = {}) => {
    const res = await api(method, path, {
      ...o,
      headers: { ...o.headers, ...(cookie ? { Cookie: cookie } : {}) },
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = /Max-Age=0/i.test(set) ? undefined : set.split(';')[0];
    return res;
  };
  return { call, cookie: () => cookie };
}

/** Starts, answers the first `right` questions correctly and the rest wrongly (or not), submits. */
async function takeExam(
  call: ReturnType<typeof browser>['call'],
  examId: string,
  right: number,
  body: object = {},
) {
  const started = await call('POST', `/exams/${examId}/attempts`, { body: { mode: 'exam', ...body } });
  expect(started.status, started.text).toBe(201);
  const { id, token, questions } = started.body as {
    id: string;
    token: string;
    questions: { question: { id: string; options: { id: string }[] } }[];
  };
  for (const [i, q] of questions.entries()) {
    const key = keyOf(q.question.id);
    const wrong = q.question.options.find((o) => !key.correct.includes(o.id))?.id ?? 'a';
    if (i >= right && i % 2 === 1) continue; // some left unanswered
    const saved = await call('PUT', `/attempts/${id}/answers/${q.question.id}`, {
      token,
      body: { answer: i < right ? key.correct : [wrong] },
    });
    expect(saved.status, saved.text).toBe(200);
  }
  const report = await call('POST', `/attempts/${id}/submit`, { token });
  expect(report.status, report.text).toBe(200);
  return { id, token, questions: questions.map((q) => q.question.id), report: report.body };
}

describe('the learner session', () => {
  it('is a signed HttpOnly, Secure, SameSite=Lax cookie set on the first start, and kept', async () => {
    const b = browser();
    const first = await b.call('POST', `/exams/${ASSOCIATE}/attempts`, {
      body: { mode: 'practice', count: 2 },
    });
    const set = first.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^examdown_learner=[^;]+\.[^;]+;/); // value.signature
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=Lax/);
    const again = await b.call('POST', `/exams/${ASSOCIATE}/attempts`, {
      body: { mode: 'practice', count: 2 },
    });
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(again.body.learnerId).toBe(first.body.learnerId);
    expect(again.body.learnerToken).toBeUndefined();
    // A tampered signature is no session: the next start makes a new learner.
    const forged = await api('POST', `/exams/${ASSOCIATE}/attempts`, {
      body: { mode: 'practice', count: 2 },
      headers: { Cookie: `${b.cookie()?.slice(0, -3)}abc` },
    });
    expect(forged.body.learnerId).not.toBe(first.body.learnerId);
  });

  it('refuses state changes sent from another site (403 cross_site_request)', async () => {
    const b = browser();
    const foreign: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const res = await b.call('POST', `/exams/${ASSOCIATE}/attempts`, {
        body: { mode: 'practice' },
        headers,
      });
      expect([res.status, res.body.error.code]).toEqual([403, 'cross_site_request']);
    }
    const sameSite = await b.call('POST', `/exams/${ASSOCIATE}/attempts`, {
      body: { mode: 'practice' },
      headers: { Origin: 'http://examdown.test', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(sameSite.status).toBe(201);
    const erase = await b.call('DELETE', '/me', { headers: { Origin: 'https://evil.example' } });
    expect(erase.status).toBe(403);
  });
});

describe('progress per exam', () => {
  it('history with scores per domain, pass/fail only for exams, and a retake of the missed questions', async () => {
    const b = browser();
    const empty = await b.call('GET', `/me/exams/${ASSOCIATE}`);
    expect(empty.body).toMatchObject({ history: [], due: 0, cards: 0, readiness: { enoughData: false } });

    const exam = await takeExam(b.call, ASSOCIATE, 40);
    const drill = await b.call('POST', `/exams/${ASSOCIATE}/attempts`, {
      body: { mode: 'practice', count: 3 },
    });
    await b.call('POST', `/attempts/${drill.body.id}/submit`, { token: drill.body.token });

    const progress = await b.call('GET', `/me/exams/${ASSOCIATE}`);
    expect(progress.status, progress.text).toBe(200);
    const [newest, older] = progress.body.history;
    expect(newest).toMatchObject({ id: drill.body.id, mode: 'practice', questionCount: 3 });
    expect(newest.score.passed).toBeNull();
    expect(older).toMatchObject({ id: exam.id, mode: 'exam', status: 'submitted', questionCount: 48 });
    expect(older.score).toEqual({
      percent: exam.report.score.percent,
      points: exam.report.score.points,
      total: 48,
      passed: exam.report.score.passed,
    });
    // The per-domain scores are the report's.
    const byId = (list: { id: string; points: number; total: number }[]) =>
      Object.fromEntries(list.map((d) => [d.id, [d.points, d.total]]));
    expect(byId(older.domains)).toEqual(
      byId(
        exam.report.domains.map((d: { domainId: string; points: number; total: number }) => ({
          id: d.domainId,
          points: d.points,
          total: d.total,
        })),
      ),
    );
    expect(older.durationSeconds).toBeGreaterThanOrEqual(0);

    // Retake: exactly the incorrect and unanswered questions, as a new practice attempt.
    const missed = exam.questions.slice(40).sort();
    const retake = await b.call('POST', `/attempts/${exam.id}/retake`, { token: exam.token });
    expect(retake.status, retake.text).toBe(201);
    expect(retake.body.mode).toBe('practice');
    expect(retake.body.questions.map((q: { question: { id: string } }) => q.question.id).sort()).toEqual(
      missed,
    );
    expect((await b.call('POST', `/attempts/${exam.id}/retake`, { token: drill.body.token })).status).toBe(
      403,
    );
    const open = await b.call('POST', `/attempts/${retake.body.id}/retake`, { token: retake.body.token });
    expect([open.status, open.body.error.code]).toEqual([409, 'attempt_not_submitted']);

    // Another learner sees none of it, and cannot retake it.
    const other = browser();
    await other.call('POST', `/exams/${ASSOCIATE}/attempts`, { body: { mode: 'practice', count: 1 } });
    expect((await other.call('GET', `/me/exams/${ASSOCIATE}`)).body.history).toHaveLength(1);
    expect((await other.call('GET', '/me')).body.recent).toEqual([]);
    expect((await other.call('POST', `/attempts/${exam.id}/retake`)).status).toBe(401);
    const theirs = (await other.call('GET', '/me/export')).body;
    expect(theirs.attempts).toHaveLength(1);
    expect(JSON.stringify(theirs)).not.toContain(exam.id.split('.')[1]);
    expect((await other.call('POST', `/me/exams/${ASSOCIATE}/review`)).body.error.code).toBe('nothing_due');
    // Erasing their data leaves the first learner's untouched.
    expect((await other.call('DELETE', '/me')).status).toBe(204);
    expect((await b.call('GET', `/me/exams/${ASSOCIATE}`)).body.history).toHaveLength(3);
  });

  it('a wrong answer makes a card due tomorrow; the review session reschedules it', async () => {
    const b = browser();
    const exam = await takeExam(b.call, ASSOCIATE, 30);
    const after = (await b.call('GET', `/me/exams/${ASSOCIATE}`)).body;
    expect(after.cards).toBe(48);
    expect(after.due).toBe(0);
    const next = Date.parse(after.nextDueAt);
    expect(next - Date.now()).toBeGreaterThan(DAY / 2);
    expect(next - Date.now()).toBeLessThan(2 * DAY);
    expect(after.readiness.answered).toBe(48);
    expect(after.readiness.enoughData).toBe(true);

    // A day later (the cards' clock moved back one day): the missed questions are due.
    await inLearner(exam.id, (_i, sql) => {
      const { data } = sql.exec('SELECT data FROM cards WHERE exam_id = ?', ASSOCIATE).one() as {
        data: string;
      };
      const cards = JSON.parse(data) as Record<string, number[]>;
      for (const card of Object.values(cards)) card[0] = (card[0] ?? 0) - DAY - 60_000;
      sql.exec('UPDATE cards SET data = ? WHERE exam_id = ?', JSON.stringify(cards), ASSOCIATE);
    });
    const due = (await b.call('GET', `/me/exams/${ASSOCIATE}`)).body.due;
    expect(due).toBe(18);
    expect((await b.call('GET', '/me')).body.exams).toEqual([
      { examId: ASSOCIATE, examTitle: expect.any(String), attempts: 1, due: 18 },
    ]);

    const review = await b.call('POST', `/me/exams/${ASSOCIATE}/review`);
    expect(review.status, review.text).toBe(201);
    expect(review.body.questions).toHaveLength(18);
    const q = review.body.questions[0].question;
    const checked = await b.call('PUT', `/attempts/${review.body.id}/answers/${q.id}`, {
      token: review.body.token,
      body: { answer: keyOf(q.id).correct, check: true },
    });
    expect(checked.body.feedback.correct).toBe(true);
    expect((await b.call('GET', `/me/exams/${ASSOCIATE}`)).body.due).toBe(17);
    // Checking it again (a reload) does not review the card twice.
    await b.call('PUT', `/attempts/${review.body.id}/answers/${q.id}`, {
      token: review.body.token,
      body: { answer: keyOf(q.id).correct, check: true },
    });
    const cards = await inLearner(exam.id, (instance) => instance.cards(ASSOCIATE));
    expect(cards[q.id]?.[5]).toBe(2); // reps: the exam, then one review

    expect((await browser().call('POST', `/me/exams/${PRO}/review`)).status).toBe(401);
    const none = await b.call('POST', `/me/exams/${PRO}/review`);
    expect([none.status, none.body.error.code]).toEqual([422, 'nothing_due']);
  });

  it('export has every attempt and card without secrets; erase leaves nothing and ends the session', async () => {
    const b = browser();
    const exam = await takeExam(b.call, ASSOCIATE, 20);
    const exported = await b.call('GET', '/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.attempts).toHaveLength(1);
    expect(exported.text).not.toContain(exam.token);
    expect(exported.text).not.toMatch(/tokenHash/);
    expect(Object.keys(exported.body.reviewCards[ASSOCIATE])).toHaveLength(48);

    const erased = await b.call('DELETE', '/me');
    expect(erased.status).toBe(204);
    expect(b.cookie()).toBeUndefined();
    expect((await b.call('GET', '/me')).body).toEqual({
      learnerId: null,
      passkeys: 0,
      recent: [],
      exams: [],
    });
    const rows = await inLearner(exam.id, (_i, sql) => sql.exec('SELECT COUNT(*) AS n FROM attempts').one());
    expect(rows.n).toBe(0);
    expect((await b.call('GET', `/attempts/${exam.id}`, { token: exam.token })).status).toBe(404);
  });
});

describe('passkey routes', () => {
  const assertion = {
    id: 'abc',
    rawId: 'abc',
    type: 'public-key',
    response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA', userHandle: 'eA' },
    clientExtensionResults: {},
  };

  it('answer bad input, expired ceremonies and strangers with 4xx JSON', async () => {
    const b = browser();
    const origin = { Origin: 'http://examdown.test' };
    // Options name this site as the relying party and set a short-lived challenge cookie.
    const options = await b.call('POST', '/me/passkeys/sign-in/options', { headers: origin });
    expect(options.status, options.text).toBe(200);
    expect(options.body).toMatchObject({ rpId: 'examdown.test', challenge: expect.any(String) });
    expect(options.headers.get('set-cookie')).toMatch(
      /^examdown_webauthn=.*Max-Age=300.*HttpOnly.*Secure.*SameSite=Strict/,
    );
    // A response without the ceremony's cookie: expired.
    const expired = await api('POST', '/me/passkeys/sign-in', { headers: origin, body: assertion });
    expect([expired.status, expired.body.error.code]).toEqual([400, 'passkey_failed']);
    expect(expired.body.error.message).toMatch(/expired/);
    // With it, a handle that names no learner of this site.
    const stranger = await b.call('POST', '/me/passkeys/sign-in', { headers: origin, body: assertion });
    expect([stranger.status, stranger.body.error.code]).toEqual([400, 'passkey_failed']);
    // Not a WebAuthn response at all.
    const malformed = await b.call('POST', '/me/passkeys/sign-in', { headers: origin, body: { id: 1 } });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'invalid_request']);
    // Without an Origin header (not a browser) there is no site to bind a passkey to.
    const noOrigin = await b.call('POST', '/me/passkeys/register/options');
    expect([noOrigin.status, noOrigin.body.error.code]).toEqual([400, 'passkey_failed']);
    // From another site: refused before anything else.
    const foreign = await b.call('POST', '/me/passkeys/register/options', {
      headers: { Origin: 'https://evil.example' },
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'cross_site_request']);
  });
});
