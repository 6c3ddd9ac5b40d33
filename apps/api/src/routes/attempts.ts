import type { D1Database } from '@cloudflare/workers-types';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { SAVE_GRACE_MS, savedAnswer, writeAnswer } from '../attempts/save.js';
import { startAttempt } from '../attempts/start.js';
import { type AttemptRow, attemptQuestions, findAttempt, freezeAttempt } from '../attempts/store.js';
import { grade, reportOf } from '../attempts/submit.js';
import { attemptState, examOfAttempt } from '../attempts/view.js';
import { examOr404 } from '../bundle-store.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { jsonText, limitBody, noStore } from '../http.js';
import {
  AttemptIdParam,
  AttemptQuestionParam,
  AttemptState,
  SaveAnswerRequest,
  SaveAnswerResult,
  StartAttemptRequest,
  StartedAttempt,
} from '../schemas/attempts.js';
import { ExamIdParam } from '../schemas/content.js';
import { ScoreReport } from '../schemas/report.js';
import { bearer, hashToken, tokenMatches } from '../security.js';
import { json, router } from './openapi.js';

const auth = [{ attemptToken: [] }];

const startRoute = createRoute({
  method: 'post',
  path: '/exams/{examId}/attempts',
  tags: ['attempts'],
  summary: 'Start a practice exam (exam mode: blueprint + deadline; practice mode: chosen domains, untimed)',
  middleware: [noStore, limitBody] as const,
  request: { params: ExamIdParam, body: { required: true, content: json(StartAttemptRequest) } },
  responses: {
    201: {
      description: 'The attempt, its secret token and its questions (public form)',
      content: json(StartedAttempt),
    },
    ...errorResponses(400, 404, 413, 415, 422, 503),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/attempts/{id}',
  tags: ['attempts'],
  summary: 'Attempt state: questions in this attempt’s order, answers, flags, time left',
  middleware: [noStore] as const,
  security: auth,
  request: { params: AttemptIdParam },
  responses: {
    200: { description: 'The attempt', content: json(AttemptState) },
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

const saveRoute = createRoute({
  method: 'put',
  path: '/attempts/{id}/answers/{questionId}',
  tags: ['attempts'],
  summary: `Save an answer and/or flag (autosave). Refused after submit, and after the deadline (+${SAVE_GRACE_MS / 1000} s grace)`,
  middleware: [noStore, limitBody] as const,
  security: auth,
  request: { params: AttemptQuestionParam, body: { required: true, content: json(SaveAnswerRequest) } },
  responses: {
    200: { description: 'Saved', content: json(SaveAnswerResult) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503),
  },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/attempts/{id}/submit',
  tags: ['attempts'],
  summary: 'Grade the attempt (idempotent: a second submit returns the same report)',
  middleware: [noStore] as const,
  security: auth,
  request: { params: AttemptIdParam },
  responses: {
    200: { description: 'The score report', content: json(ScoreReport) },
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/attempts/{id}/report',
  tags: ['attempts'],
  summary: 'The score report of a submitted attempt',
  middleware: [noStore] as const,
  security: auth,
  request: { params: AttemptIdParam },
  responses: {
    200: { description: 'The score report', content: json(ScoreReport) },
    ...errorResponses(400, 401, 403, 404, 409, 503),
  },
});

/**
 * What `load` read with the attempt `id`, if the bearer token is that attempt's (hono/bearer-auth:
 * 401 without a token, 404 unknown attempt, 403 another token). It runs inside the handler, after
 * validation and the bundle, so errors keep their order; `load` gets the token's hash, and save
 * and submit read the attempt in the same D1 batch as their write (which is token-guarded in SQL).
 */
async function authorize<T extends { attempt: AttemptRow | null }>(
  c: Context<AppEnv>,
  id: string,
  load: (tokenHash: string) => Promise<T>,
): Promise<T & { attempt: AttemptRow }> {
  let loaded: (T & { attempt: AttemptRow }) | undefined;
  const attemptToken = bearer(async (token) => {
    const result = await load(await hashToken(token));
    const { attempt } = result;
    if (!attempt) throw new ApiError('attempt_not_found', `There is no attempt '${id}'.`);
    loaded = { ...result, attempt };
    return tokenMatches(token, attempt.token_hash);
  }, 'This token does not belong to this attempt.');
  await attemptToken(c, async () => {});
  // bearer-auth returns only when verifyToken accepted the token, which set `loaded`.
  return loaded as T & { attempt: AttemptRow };
}

/** Reads the attempt by its id alone (the routes that do not write). */
const byId = (db: D1Database, id: string) => async () => ({ attempt: await findAttempt(db, id) });

export const attemptRoutes = router()
  .openapi(startRoute, async (c) => {
    const content = await c.var.content();
    const index = examOr404(content, c.req.valid('param').examId);
    const started = await startAttempt(c.env.DB, content, index, c.req.valid('json'));
    c.header('Location', `/api/v1/attempts/${started.id}`);
    return c.json(started, 201);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const { attempt } = await authorize(c, id, byId(c.env.DB, id));
    const rows = await attemptQuestions(c.env.DB, id);
    const questions = await content.questions(rows.map((r) => r.question_id));
    return c.json(attemptState(questions, examOfAttempt(content, attempt), attempt, rows, Date.now()), 200);
  })
  .openapi(saveRoute, async (c) => {
    const { id, questionId } = c.req.valid('param');
    const { answer, flagged } = c.req.valid('json');
    const content = await c.var.content();
    const save = await authorize(c, id, (tokenHash) =>
      writeAnswer(c.env.DB, content, { attemptId: id, questionId, tokenHash, answer, flagged }),
    );
    return c.json(savedAnswer(save), 200);
  })
  .openapi(submitRoute, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const frozen = await authorize(c, id, (tokenHash) => freezeAttempt(c.env.DB, id, tokenHash, Date.now()));
    return jsonText<ScoreReport, 200>(c, await grade(c.env.DB, content, frozen), 200);
  })
  .openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const { attempt } = await authorize(c, id, byId(c.env.DB, id));
    return jsonText<ScoreReport, 200>(c, await reportOf(c.env.DB, content, attempt), 200);
  });
