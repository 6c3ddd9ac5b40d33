/**
 * Fault: the local Worker restarts in the middle of a practice exam. The product is started as
 * `npm run dev` does (support/dev-server.ts) on a fixed state directory; an attempt is begun and
 * answers and flags are saved; the server is stopped (the whole process group: wrangler and
 * workerd) and started again on the same state. The attempt must resume with every saved
 * answer and flag, the same question order and option order and deadline, accept more saves,
 * and grade everything at submit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../support/dev-server';

const EXAM = 'databricks-ml-professional';

let stateDir: string;
let server: DevServer | undefined;

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'examdown-restart-'));
});

afterAll(async () => {
  await server?.stop();
  await rm(stateDir, { recursive: true, force: true });
});

async function call(base: string, method: string, path: string, o: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), text };
}

interface AttemptQuestion {
  position: number;
  question: { id: string; type: 'single' | 'multiple'; selectCount: number; options: { id: string }[] };
  answer: string[] | null;
  flagged: boolean;
}

describe('restarting the local Worker mid-attempt', () => {
  it('resumes the attempt with every saved answer and flag', async () => {
    server = await startDevServer({ stateDir });
    const first = server.url;

    const started = await call(first, 'POST', `/exams/${EXAM}/attempts`, { body: { mode: 'exam' } });
    expect(started.status, started.text).toBe(201);
    const { id, token, deadline } = started.body as { id: string; token: string; deadline: string };
    const questions = started.body.questions as AttemptQuestion[];
    expect(questions).toHaveLength(60);

    // Answer the first 25 questions (every 5th also flagged), flag two more without answering.
    const saved = new Map<string, { answer: string[] | null; flagged: boolean }>();
    for (const [i, q] of questions.slice(0, 25).entries()) {
      const answer = q.question.options.slice(0, q.question.selectCount).map((o) => o.id);
      const flagged = i % 5 === 0;
      const res = await call(first, 'PUT', `/attempts/${id}/answers/${q.question.id}`, {
        token,
        body: { answer, flagged },
      });
      expect(res.status, res.text).toBe(200);
      // As the server keeps it (option ids in canonical order).
      expect([...(res.body.answer as string[])].sort()).toEqual([...answer].sort());
      saved.set(q.question.id, { answer: res.body.answer, flagged });
    }
    for (const q of questions.slice(25, 27)) {
      const res = await call(first, 'PUT', `/attempts/${id}/answers/${q.question.id}`, {
        token,
        body: { flagged: true },
      });
      expect(res.status, res.text).toBe(200);
      saved.set(q.question.id, { answer: null, flagged: true });
    }

    // Stop everything (npm, wrangler, workerd) and start again on the same state.
    await server.stop();
    server = undefined;
    await expect(fetch(`${first}/api/v1/healthz`)).rejects.toThrow();
    server = await startDevServer({ stateDir });

    const resumed = await call(server.url, 'GET', `/attempts/${id}`, { token });
    expect(resumed.status, resumed.text).toBe(200);
    expect(resumed.body).toMatchObject({ id, status: 'in_progress', deadline });
    expect(resumed.body.progress).toEqual({ total: 60, answered: 25, flagged: 7 });
    const after = resumed.body.questions as AttemptQuestion[];
    // Same form: question order and each question's option order.
    expect(after.map((q) => q.question.id)).toEqual(questions.map((q) => q.question.id));
    expect(after.map((q) => q.question.options.map((o) => o.id).join(''))).toEqual(
      questions.map((q) => q.question.options.map((o) => o.id).join('')),
    );
    for (const q of after) {
      const expected = saved.get(q.question.id) ?? { answer: null, flagged: false };
      expect({ id: q.question.id, answer: q.answer, flagged: q.flagged }).toEqual({
        id: q.question.id,
        ...expected,
      });
    }

    // The attempt goes on: one more save, then submit grades all 26 answers.
    const last = questions[59] as AttemptQuestion;
    const more = await call(server.url, 'PUT', `/attempts/${id}/answers/${last.question.id}`, {
      token,
      body: { answer: [last.question.options[0]?.id] },
    });
    expect(more.status, more.text).toBe(200);
    const report = await call(server.url, 'POST', `/attempts/${id}/submit`, { token });
    expect(report.status, report.text).toBe(200);
    expect(report.body.score).toMatchObject({ answered: 26, total: 60 });
    const flaggedInReport = (report.body.questions as { flagged: boolean }[]).filter((q) => q.flagged);
    expect(flaggedInReport).toHaveLength(7);
  }, 600_000);
});
