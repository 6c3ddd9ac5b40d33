/**
 * The key never leaks: no public response — content, question, start attempt, get attempt,
 * save — contains a rationale, an explanation, or a field saying what is correct. Only the
 * check and report responses (after answering / submitting) reveal keys.
 */
import { describe, expect, it } from 'vitest';
import { api, PRO, real, type Sent, start } from './helpers.js';
import { keyFieldsIn, leakedSecrets, SECRET_COUNT } from './invariants.js';

function expectNoKey(label: string, res: Sent) {
  expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBeLessThan(300);
  expect(leakedSecrets(res.text), `${label} leaks a rationale/explanation`).toEqual([]);
  expect(keyFieldsIn(res.body), `${label} has a key field`).toEqual([]);
}

describe('the answer key never leaks', () => {
  it('has secrets worth looking for', () => {
    // invariants.ts refuses (throws on import) any secret shorter than its 16-character scan prefix.
    expect(SECRET_COUNT).toBeGreaterThan(100);
  });

  it('in content responses', async () => {
    const responses: [string, Sent][] = [
      ['GET /exams', await api('GET', '/exams')],
      ['GET /guides', await api('GET', '/guides')],
      ['GET /healthz', await api('GET', '/healthz')],
    ];
    for (const exam of real.exams)
      responses.push([`GET /exams/${exam.id}`, await api('GET', `/exams/${exam.id}`)]);
    for (const guide of real.guides)
      responses.push([`GET /guides/${guide.slug}`, await api('GET', `/guides/${guide.slug}`)]);
    for (const q of real.questions)
      responses.push([`GET /questions/${q.id}`, await api('GET', `/questions/${q.id}`)]);
    expect(responses.length).toBe(3 + real.exams.length + real.guides.length + real.questions.length);
    for (const [label, res] of responses) expectNoKey(label, res);

    // The OpenAPI document names the report's fields, but carries no content.
    const openapi = await api('GET', '/openapi.json');
    expect(leakedSecrets(openapi.text)).toEqual([]);
  });

  it('in attempt responses before submit: start, get, save — every question of both exams', async () => {
    for (const exam of real.exams) {
      // Practice mode over each domain's whole bank, 60 questions at most per attempt: one
      // learner's next attempts draw what it has not seen yet, so they cover the rest.
      for (const [domain, pool] of Object.entries(real.manifest.questionsByExam[exam.id] ?? {})) {
        const shown = new Set<string>();
        let learnerToken: string | undefined;
        while (shown.size < pool.length) {
          const count = Math.min(60, pool.length - shown.size);
          const res = await api('POST', `/exams/${exam.id}/attempts`, {
            body: { mode: 'practice', domains: [domain], count },
            ...(learnerToken ? { headers: { 'X-Learner-Token': learnerToken } } : {}),
          });
          expect(res.status).toBe(201);
          learnerToken ??= res.body.learnerToken as string;
          expectNoKey(`start ${exam.id}`, {
            ...res,
            body: { ...res.body, token: undefined, learnerToken: undefined },
          });
          expect(res.body.questions).toHaveLength(count);
          const before = shown.size;
          for (const q of res.body.questions) shown.add(q.question.id);
          expect(shown.size, `${domain}: a next attempt repeats a question`).toBe(before + count);
          const { id, token } = res.body;
          for (const q of res.body.questions.slice(0, 5)) {
            const saved = await api('PUT', `/attempts/${id}/answers/${q.question.id}`, {
              token,
              body: { answer: [q.question.options[0].id], flagged: true },
            });
            expectNoKey('save', saved);
          }
          expectNoKey(`get ${exam.id}`, await api('GET', `/attempts/${id}`, { token }));
        }
      }
    }
    const examMode = await start(api, PRO);
    expectNoKey(
      'get exam-mode attempt',
      await api('GET', `/attempts/${examMode.id}`, { token: examMode.token }),
    );
  });

  it('does not serve the private bundle as a static file', async () => {
    for (const path of [
      '/private/keys.json',
      '/bundle/private/keys.json',
      '/packages/content/bundle/private/keys.json',
      '/api/v1/private/keys.json',
      '/api/v1/bundle/private/keys.json',
    ]) {
      const res = await api('GET', `http://examdown.test${path}`);
      expect(res.status, path).not.toBe(500);
      expect(res.text).not.toContain(real.keys.contentHash);
      expect(res.text).not.toMatch(/"correct"\s*:/);
      expect(leakedSecrets(res.text), path).toEqual([]);
    }
  });

  it('reveals the key only once answered (check) or submitted (report)', async () => {
    const q = real.questions[0];
    if (!q) throw new Error('questions');
    const check = await api('POST', `/questions/${q.id}/check`, { body: { answer: [q.options[0]?.id] } });
    expect(check.body.correctOptions.length).toBeGreaterThan(0);
    const { id, token } = await start(api, PRO);
    const report = await api('POST', `/attempts/${id}/submit`, { token });
    expect(
      report.body.questions.every((x: { correctOptions: string[] }) => x.correctOptions.length > 0),
    ).toBe(true);
  });
});
