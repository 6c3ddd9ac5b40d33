import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { SAVE_GRACE_MS, savedAnswer, writeAnswer } from '../attempts/save.js';
import { startAttempt, startWithQuestions } from '../attempts/start.js';
import { grade, reportOf } from '../attempts/submit.js';
import { attemptState, examOfAttempt, formQuestions } from '../attempts/view.js';
import { examOr404 } from '../bundle-store.js';
import { sameSiteWrites } from '../cross-site.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { jsonText, limitBody, noStore } from '../http.js';
import { attemptStub, LEARNER_HEADER, learnerOf } from '../learner/client.js';
import { sessionLearner } from '../learner/session.js';
import { toStored } from '../learner/stored.js';
import { rateLimit } from '../limits.js';
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
import { bearer, hashToken, tokenHashMatches } from '../security.js';
import { json, router } from './openapi.js';

const auth = [{ attemptToken: [] }];

const startRoute = createRoute({
  method: 'post',
  path: '/exams/{examId}/attempts',
  tags: ['attempts'],
  summary:
    'Start a practice exam (exam mode: blueprint + deadline; practice mode: chosen domains, untimed). Send `X-Learner-Token` (the learnerToken of an earlier start) to start as the same learner.',
  middleware: [noStore, sameSiteWrites(), limitBody, rateLimit('start')] as const,
  request: { params: ExamIdParam, body: { required: true, content: json(StartAttemptRequest) } },
  responses: {
    201: {
      description: 'The attempt, its secret token and its questions (public form)',
      content: json(StartedAttempt),
    },
    ...errorResponses(400, 403, 404, 409, 413, 415, 422, 429, 503),
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
  summary: `Save an answer and/or flag (autosave). Refused after submit, and after the deadline (+${SAVE_GRACE_MS / 1000} s grace). Practice mode: \`check: true\` locks the answer and returns its feedback`,
  middleware: [noStore, limitBody, rateLimit('save')] as const,
  security: auth,
  request: { params: AttemptQuestionParam, body: { required: true, content: json(SaveAnswerRequest) } },
  responses: {
    200: { description: 'Saved', content: json(SaveAnswerResult) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503),
  },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/attempts/{id}/submit',
  tags: ['attempts'],
  summary: 'Grade the attempt (idempotent: a second submit returns the same report)',
  middleware: [noStore, rateLimit('submit')] as const,
  security: auth,
  request: { params: AttemptIdParam },
  responses: {
    200: { description: 'The score report', content: json(ScoreReport) },
    ...errorResponses(400, 401, 403, 404, 409, 429, 503),
  },
});

const retakeRoute = createRoute({
  method: 'post',
  path: '/attempts/{id}/retake',
  tags: ['attempts'],
  summary: "A practice attempt of this graded attempt's incorrect and unanswered questions",
  middleware: [noStore, rateLimit('start')] as const,
  security: auth,
  request: { params: AttemptIdParam },
  responses: {
    201: { description: 'The new practice attempt (its token is shown once)', content: json(StartedAttempt) },
    ...errorResponses(400, 401, 403, 404, 409, 422, 429, 503),
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
 * 401 without a token, 404 unknown attempt, 403 another token, compared in constant time). It runs
 * inside the handler, after validation and the bundle, so errors keep their order; `load` gets the
 * token's hash, and save reads the attempt in the same call to the learner's object as its write
 * (which is guarded there by that hash).
 */
async function authorize<A extends { tokenHash: string }, T extends { attempt: A | null }>(
  c: Context<AppEnv>,
  id: string,
  load: (tokenHash: string) => Promise<T>,
): Promise<T & { attempt: A; tokenHash: string }> {
  let loaded: (T & { attempt: A; tokenHash: string }) | undefined;
  const attemptToken = bearer(async (token) => {
    const tokenHash = await hashToken(token);
    const result = await load(tokenHash);
    const { attempt } = result;
    if (!attempt) throw new ApiError('attempt_not_found', `There is no attempt '${id}'.`);
    loaded = { ...result, attempt, tokenHash };
    return tokenHashMatches(tokenHash, attempt.tokenHash);
  }, 'This token does not belong to this attempt.');
  await attemptToken(c, async () => {});
  // bearer-auth returns only when verifyToken accepted the token, which set `loaded`.
  return loaded as T & { attempt: A; tokenHash: string };
}

/**
 * Who starts: the learner an API client names (`X-Learner-Token`), else the browser's session
 * (created now on a first start), else — sessions not configured — a new learner. The token is
 * returned only for a learner created by this start.
 */
async function startingLearner(c: Context<AppEnv>): Promise<{ id: string; token?: string }> {
  const header = c.req.header(LEARNER_HEADER);
  if (header || !c.env.SESSION_SECRET) return c.get('learner') ?? learnerOf(header);
  return sessionLearner(c);
}

/** Reads the attempt (and what seals its keys) by its id alone. */
const byId = (c: Context<AppEnv>, id: string) => async () => {
  const { stub, local } = attemptStub(c.env.LEARNER, id);
  const { attempt, sealed } = await stub.read(local, Date.now());
  return { attempt: attempt && toStored(attempt), sealed };
};

export const attemptRoutes = router()
  .openapi(startRoute, async (c) => {
    const content = await c.var.content();
    const index = examOr404(content, c.req.valid('param').examId);
    const learner = await startingLearner(c);
    const started = await startAttempt(c.env.LEARNER, content, index, {
      ...c.req.valid('json'),
      learnerId: learner.id,
      known: !('token' in learner),
    });
    c.header('Location', `/api/v1/attempts/${started.id}`);
    const learnerFields = {
      learnerId: learner.id,
      ...(learner.token ? { learnerToken: learner.token } : {}),
    };
    return c.json({ ...started, ...learnerFields }, 201);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const { attempt } = await authorize(c, id, byId(c, id));
    const questions = await formQuestions(content, attempt);
    return c.json(attemptState(id, questions, examOfAttempt(content, attempt), attempt, Date.now()), 200);
  })
  .openapi(saveRoute, async (c) => {
    const { id, questionId } = c.req.valid('param');
    const content = await c.var.content();
    const request = { attemptId: id, questionId, ...c.req.valid('json') };
    const save = await authorize(c, id, (tokenHash) =>
      writeAnswer(c.env.LEARNER, content, request, tokenHash),
    );
    return c.json(await savedAnswer(c.env.LEARNER, content, save), 200);
  })
  .openapi(submitRoute, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const read = await authorize(c, id, byId(c, id));
    const text = await grade(
      { ns: c.env.LEARNER, db: c.env.DB, content, id, tokenHash: read.tokenHash },
      read,
    );
    return jsonText<ScoreReport, 200>(c, text, 200);
  })
  .openapi(retakeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const { attempt } = await authorize(c, id, byId(c, id));
    if (attempt.credits === null) {
      throw new ApiError('attempt_not_submitted', 'Only a graded attempt can be retaken: submit it first.');
    }
    const missed = attempt.form.filter((_, i) => (attempt.credits?.[i] ?? 0) < 1).map((f) => f.questionId);
    if (missed.length === 0)
      throw new ApiError('nothing_to_retake', 'Every question of this attempt was answered correctly.');
    const { learnerId } = attemptStub(c.env.LEARNER, id);
    const started = await startWithQuestions(
      c.env.LEARNER,
      content,
      examOfAttempt(content, attempt),
      learnerId,
      missed,
    );
    c.header('Location', `/api/v1/attempts/${started.id}`);
    return c.json({ ...started, learnerId }, 201);
  })
  .openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const read = await authorize(c, id, byId(c, id));
    const call = { ns: c.env.LEARNER, db: c.env.DB, content, id, tokenHash: read.tokenHash };
    const text = await reportOf(call, read);
    return jsonText<ScoreReport, 200>(c, text, 200);
  });
