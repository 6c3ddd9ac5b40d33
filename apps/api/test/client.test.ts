/**
 * The web client's view: Hono's typed client `hc<AppType>` (as apps/web uses it) against the
 * real Worker. Compiles only if the route types carry through `AppType`.
 */
import { exports } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../src/app.js';
import { PRO } from './helpers.js';

const client = hc<AppType>('http://examdown.test', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => exports.default.fetch(new Request(input, init)),
});
const v1 = client.api.v1;

describe('hc<AppType>', () => {
  it('drives a practice attempt with typed requests and responses', async () => {
    const exams = await v1.exams.$get();
    expect(exams.status).toBe(200);
    if (exams.status !== 200) return;
    const { exams: list } = await exams.json();
    expect(list.some((e) => e.id === PRO)).toBe(true);

    const started = await v1.exams[':examId'].attempts.$post({
      param: { examId: PRO },
      json: { mode: 'practice', count: 3 },
    });
    expect(started.status).toBe(201);
    if (started.status !== 201) return;
    const attempt = await started.json();
    const headers = { Authorization: `Bearer ${attempt.token}` };
    const first = attempt.questions[0];
    if (!first) throw new Error('no question');

    const saved = await v1.attempts[':id'].answers[':questionId'].$put(
      {
        param: { id: attempt.id, questionId: first.question.id },
        json: { answer: [first.question.options[0]?.id ?? 'a'] },
      },
      { headers },
    );
    expect(saved.status).toBe(200);

    const report = await v1.attempts[':id'].submit.$post({ param: { id: attempt.id } }, { headers });
    expect(report.status).toBe(200);
    if (report.status !== 200) return;
    const body = await report.json();
    expect(body.score.total).toBe(3);
    expect(body.questions[0]?.correctOptions.length).toBeGreaterThan(0);

    const unknown = await v1.exams[':examId'].$get({ param: { examId: 'no-such-exam' } });
    expect(unknown.status).toBe(404);
    if (unknown.status === 404) expect((await unknown.json()).error.code).toBe('exam_not_found');
  });
});
