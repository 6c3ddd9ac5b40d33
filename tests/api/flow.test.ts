/**
 * The API over real HTTP: the product started as the README's `npm run dev` does
 * (tests/support/dev-server.ts), then a whole practice exam — start, save, resume, submit,
 * report — plus the edges a browser would hit (errors, caching, static assets).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PrivateBundle } from '@examdown/compiler/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../support/dev-server';

const EXAM = 'databricks-ml-professional';

let server: DevServer;
let keys: PrivateBundle;

beforeAll(async () => {
  server = await startDevServer();
  const root = resolve(import.meta.dirname, '../..');
  keys = JSON.parse(await readFile(resolve(root, 'packages/content/bundle/private/keys.json'), 'utf8'));
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: test helper over JSON of many shapes
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (static assets)
  }
  return { status: res.status, headers: res.headers, body, text };
}

describe('the product over HTTP', () => {
  it('is healthy and serves the compiled bundle', async () => {
    const health = await call('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'ok', schemaVersion: 1 });
    expect(health.body.contentHash).toBe(keys.contentHash);

    const exams = await call('GET', '/exams');
    expect(exams.status).toBe(200);
    expect(exams.body.exams.map((e: { id: string }) => e.id)).toContain(EXAM);
    expect(exams.headers.get('etag')).toBeTruthy();
    expect(exams.headers.get('x-content-type-options')).toBe('nosniff');

    const again = await fetch(`${server.url}/api/v1/exams`, {
      headers: { 'If-None-Match': exams.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('runs a timed practice exam end to end: start, save, resume, submit, report', async () => {
    const start = await call('POST', `/exams/${EXAM}/attempts`, { body: { mode: 'exam' } });
    expect(start.status).toBe(201);
    expect(start.headers.get('cache-control')).toBe('no-store');
    const { id, token } = start.body;
    expect(start.body.questions).toHaveLength(60);
    const perDomain: Record<string, number> = {};
    for (const q of start.body.questions)
      perDomain[q.question.domain] = (perDomain[q.question.domain] ?? 0) + 1;
    expect(Object.values(perDomain).sort()).toEqual([20, 20, 20]);
    const deadline = Date.parse(start.body.deadline);
    expect(deadline - Date.parse(start.body.createdAt)).toBe(120 * 60_000);

    // Answer the first ten: the correct option on even positions, a wrong one on odd ones.
    const key = new Map(keys.keys.map((k) => [k.id, k]));
    const answered = start.body.questions.slice(0, 10);
    let expectedCorrect = 0;
    for (const [i, q] of answered.entries()) {
      const k = key.get(q.question.id);
      if (!k) throw new Error(`no key for ${q.question.id}`);
      const wrong = q.question.options
        .map((o: { id: string }) => o.id)
        .find((o: string) => !k.correct.includes(o));
      const answer = i % 2 === 0 ? k.correct : [wrong];
      if (i % 2 === 0) expectedCorrect++;
      const saved = await call('PUT', `/attempts/${id}/answers/${q.question.id}`, {
        token,
        body: { answer, flagged: i === 3 },
      });
      expect(saved.status, saved.text).toBe(200);
    }

    const resumed = await call('GET', `/attempts/${id}`, { token });
    expect(resumed.status).toBe(200);
    expect(resumed.body.progress).toEqual({ total: 60, answered: 10, flagged: 1 });
    expect(resumed.body.questions.map((q: { question: { id: string } }) => q.question.id)).toEqual(
      start.body.questions.map((q: { question: { id: string } }) => q.question.id),
    );
    expect(resumed.body.questions[0].question.options).toEqual(start.body.questions[0].question.options);

    const report = await call('POST', `/attempts/${id}/submit`, { token });
    expect(report.status).toBe(200);
    expect(report.body.score).toMatchObject({
      correct: expectedCorrect,
      answered: 10,
      total: 60,
      passed: false,
    });
    expect(report.body.score.percent).toBeCloseTo((100 * expectedCorrect) / 60, 1);
    expect(report.body.domains.reduce((n: number, d: { total: number }) => n + d.total, 0)).toBe(60);
    expect(report.body.weakestDomains.length).toBeGreaterThan(0);
    expect(report.body.weakestDomains[0].studyLink).toMatch(/^\/guides\/[a-z0-9-]+(#.+)?$/);

    const twice = await call('POST', `/attempts/${id}/submit`, { token });
    expect(twice.status).toBe(200);
    expect(twice.text).toBe(report.text);
    expect((await call('GET', `/attempts/${id}/report`, { token })).text).toBe(report.text);

    const late = await call('PUT', `/attempts/${id}/answers/${answered[0].question.id}`, {
      token,
      body: { answer: ['a'] },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('attempt_submitted');
  });

  it('answers client mistakes with JSON errors', async () => {
    const noToken = await call('GET', '/attempts/AAAAAAAAAAAAAAAAAAAAAA.1');
    expect(noToken.status).toBe(401);
    expect(noToken.body.error.code).toBe('token_missing');

    const malformed = await fetch(`${server.url}/api/v1/exams/${EXAM}/attempts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"mode":',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('malformed_json');

    const unknown = await call('GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');

    // No ADMIN_TOKEN in a fresh checkout (403 admin_disabled); with a local .dev.vars, 401.
    const stats = await call('GET', `/stats/questions?exam=${EXAM}`);
    expect([401, 403]).toContain(stats.status);
  });

  it('never serves the private bundle as a static asset', async () => {
    const someExplanation =
      keys.keys.find((k) => (k.explanationHtml ?? '').length > 40)?.explanationHtml ?? '';
    for (const path of [
      '/private/keys.json',
      '/bundle/private/keys.json',
      '/packages/content/bundle/private/keys.json',
      '/keys.json',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      const text = await res.text();
      expect(text).not.toContain(keys.contentHash);
      expect(text).not.toContain(someExplanation);
      expect(text).not.toMatch(/"correct"\s*:/);
    }
  });
});
