import { describe, expect, it } from 'vitest';
import { api, fixtureApi, PRO, real } from './helpers.js';

describe('content routes over the real bundle', () => {
  it('GET /exams lists both exams with their blueprint summary', async () => {
    const res = await api('GET', '/exams');
    expect(res.status).toBe(200);
    const pro = res.body.exams.find((e: { id: string }) => e.id === PRO);
    expect(pro).toMatchObject({ questionCount: 60, durationMinutes: 120, passingScore: 70 });
    expect(pro.domains.map((d: { weight: number }) => d.weight)).toEqual([33, 33, 34]);
    expect(pro.bankSize).toBeGreaterThanOrEqual(60);
    expect(res.body.exams.map((e: { id: string }) => e.id).sort()).toEqual(
      real.exams.map((e) => e.id).sort(),
    );
  });

  it('GET /exams/:examId returns the blueprint and the bank per domain', async () => {
    const res = await api('GET', `/exams/${PRO}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: PRO,
      fee: { amount: 200, currency: 'USD' },
      scoring: { multipleSelect: 'all-or-nothing' },
    });
    const pools = real.manifest.questionsByExam[PRO] ?? {};
    for (const [domain, ids] of Object.entries(pools))
      expect(res.body.bank.byDomain[domain]).toBe(ids.length);
  });

  it('GET /guides and /guides/:slug serve HTML, toc, faq and embedded question ids', async () => {
    const list = await api('GET', '/guides');
    expect(list.status).toBe(200);
    expect(list.body.guides).toHaveLength(real.guides.length);
    expect(list.body.guides[0].html).toBeUndefined();
    const withQuestion = real.guides.find((g) => g.questionIds.length > 0);
    if (!withQuestion) throw new Error('the real content embeds a question in a guide');
    const guide = await api('GET', `/guides/${withQuestion.slug}`);
    expect(guide.status).toBe(200);
    expect(guide.body.toc.length).toBeGreaterThan(0);
    expect(guide.body.questionIds).toEqual(withQuestion.questionIds);
    const embedded = await api('GET', `/questions/${withQuestion.questionIds[0]}`);
    expect(embedded.status).toBe(200);
    expect(embedded.body.options.length).toBeGreaterThanOrEqual(2);
  });

  it('answers 404 with a stable code for unknown ids, 400 for malformed ones', async () => {
    for (const [path, code] of [
      ['/exams/no-such-exam', 'exam_not_found'],
      ['/guides/no-such-guide', 'guide_not_found'],
      ['/questions/no-such-question', 'question_not_found'],
    ]) {
      const res = await api('GET', path as string);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe(code);
      expect(res.headers.get('etag')).toBeNull();
    }
    const bad = await api('GET', '/exams/Not_A_Slug');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request' });
    expect(bad.body.error.issues[0].path).toBe('param.examId');
  });

  it('sets an ETag keyed by the content hash and answers 304 to If-None-Match', async () => {
    const first = await api('GET', `/exams/${PRO}`);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toContain(real.manifest.contentHash.slice(0, 32));
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    for (const path of ['/exams', `/exams/${PRO}`, '/guides', `/questions/${real.questions[0]?.id}`]) {
      const res = await api('GET', path, { headers: { 'If-None-Match': etag } });
      expect(res.status).toBe(304);
      expect(res.text).toBe('');
    }
    expect((await api('GET', '/exams', { headers: { 'If-None-Match': 'W/"other"' } })).status).toBe(200);
    expect((await api('GET', '/exams', { headers: { 'If-None-Match': '*' } })).status).toBe(304);
  });

  it('sends security headers, and CORS only to configured origins', async () => {
    const res = await api('GET', '/exams', { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = { ALLOWED_ORIGINS: 'https://prep.example, https://other.example' };
    const ok = await fixtureApi('GET', '/exams', { headers: { Origin: 'https://prep.example' } }, allowed);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://prep.example');
    const preflight = await fixtureApi(
      'OPTIONS',
      '/exams/fx/attempts',
      { headers: { Origin: 'https://other.example', 'Access-Control-Request-Method': 'POST' } },
      allowed,
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://other.example');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const denied = await fixtureApi(
      'GET',
      '/exams',
      { headers: { Origin: 'https://evil.example' } },
      allowed,
    );
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('GET /healthz reports the bundle and the database', async () => {
    const res = await api('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      apiVersion: '1',
      schemaVersion: 1,
      contentHash: real.manifest.contentHash,
      generator: real.manifest.generator,
      counts: real.manifest.counts,
      database: 'ok',
    });
  });

  it('names the configured origin in the OpenAPI servers, never the request Host', async () => {
    const evil = await api('GET', 'http://evil.example/api/v1/openapi.json', {
      headers: { Host: 'evil.example' },
    });
    // wrangler.jsonc's SITE_URL, whatever the Host says.
    expect(evil.body.servers).toEqual([{ url: 'http://localhost:8787' }]);
    expect(evil.text).not.toContain('evil.example');
    const configured = await fixtureApi('GET', '/openapi.json', {}, { SITE_URL: 'https://prep.example/x' });
    expect(configured.body.servers).toEqual([{ url: 'https://prep.example' }]);
    const unset = await fixtureApi('GET', '/openapi.json', {}, { SITE_URL: '' });
    expect(unset.body.servers).toEqual([{ url: '/' }]);
  });

  it('serves questions without their authoring metadata (source)', async () => {
    for (const q of real.questions) {
      const res = await api('GET', `/questions/${q.id}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).not.toContain('source');
    }
  });

  it('GET /openapi.json documents every route', async () => {
    const res = await api('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/api/v1/assets/{name}',
        '/api/v1/attempts/{id}',
        '/api/v1/attempts/{id}/answers/{questionId}',
        '/api/v1/attempts/{id}/report',
        '/api/v1/attempts/{id}/retake',
        '/api/v1/attempts/{id}/submit',
        '/api/v1/exams',
        '/api/v1/exams/{examId}',
        '/api/v1/exams/{examId}/attempts',
        '/api/v1/guides',
        '/api/v1/guides/{slug}',
        '/api/v1/healthz',
        '/api/v1/me',
        '/api/v1/me/exams/{examId}',
        '/api/v1/me/exams/{examId}/review',
        '/api/v1/me/export',
        '/api/v1/me/passkeys/register',
        '/api/v1/me/passkeys/register/options',
        '/api/v1/me/passkeys/sign-in',
        '/api/v1/me/passkeys/sign-in/options',
        '/api/v1/me/sign-out',
        '/api/v1/questions/{id}',
        '/api/v1/questions/{id}/check',
        '/api/v1/stats/questions',
      ].sort(),
    );
    expect(res.body.components.schemas.Error).toBeDefined();
    expect(res.body.components.securitySchemes.attemptToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await api('HEAD', '/exams');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });
});

describe('POST /questions/:id/check', () => {
  const question = real.questions.find((q) => q.type === 'single');
  const multi = real.questions.find((q) => q.type === 'multiple');
  if (!question || !multi) throw new Error('the real content has single and multiple choice questions');
  const key = real.keys.keys.find((k) => k.id === question.id);
  const wrong = question.options.find((o) => !key?.correct.includes(o.id))?.id ?? 'a';

  it('says whether the answer is right, which options are, and why', async () => {
    const right = await api('POST', `/questions/${question.id}/check`, { body: { answer: key?.correct } });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({
      questionId: question.id,
      correct: true,
      credit: 1,
      correctOptions: key?.correct,
    });
    expect(right.body.explanationHtml).toBe(key?.explanationHtml ?? null);
    expect(right.headers.get('cache-control')).toBe('no-store');

    const miss = await api('POST', `/questions/${question.id}/check`, { body: { answer: [wrong] } });
    expect(miss.body).toMatchObject({ correct: false, credit: 0, answer: [wrong] });
    expect(Object.keys(miss.body.rationales).every((id) => id === wrong || key?.correct.includes(id))).toBe(
      true,
    );
  });

  it('validates the answer against the question', async () => {
    const cases: [unknown, number, string][] = [
      [{ answer: ['z'] }, 422, 'invalid_option'],
      [{ answer: [question.options[0]?.id, question.options[1]?.id] }, 422, 'too_many_options'],
      [{ answer: [] }, 400, 'invalid_request'],
      [{ answer: ['a', 'a'] }, 400, 'invalid_request'],
      [{ answer: 'a' }, 400, 'invalid_request'],
      [{ answer: ['A'] }, 400, 'invalid_request'],
      [{ answer: ['a'], extra: 1 }, 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const res = await api('POST', `/questions/${question.id}/check`, { body });
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    // Only questions embedded in guides are checked here (none of the real ones is multiple
    // select): any other is refused before its answer is looked at.
    const tooMany = multi.options.slice(0, multi.selectCount + 1).map((o) => o.id);
    const res = await api('POST', `/questions/${multi.id}/check`, { body: { answer: tooMany } });
    expect([res.status, res.body.error.code]).toEqual([403, 'check_not_available']);
    const unknown = await api('POST', '/questions/no-such-question/check', { body: { answer: ['a'] } });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'question_not_found']);
  });
});
