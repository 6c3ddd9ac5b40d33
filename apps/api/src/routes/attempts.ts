import type { PublicQuestion } from '@examdown/compiler/schema';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { validateAnswer } from '../attempts/grading.js';
import { randomSeed, seededRandom } from '../attempts/prng.js';
import { buildReport, parseAnswer } from '../attempts/report.js';
import { drawStratified, type Stratum, shuffleOptions } from '../attempts/sampler.js';
import {
  type AttemptQuestionRow,
  type AttemptRow,
  attemptQuestions,
  findAttempt,
  freezeAttempt,
  insertAttempt,
  saveAnswer,
  submitAttempt,
} from '../attempts/store.js';
import type { ExamIndex } from '../bundle.js';
import type { Content } from '../bundle-store.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { jsonText, limitBody, noStore, validationHook } from '../http.js';
import {
  AttemptIdParam,
  AttemptQuestionParam,
  type AttemptState,
  AttemptState as AttemptStateSchema,
  ExamIdParam,
  SaveAnswerRequest,
  SaveAnswerResult,
  ScoreReport,
  StartAttemptRequest,
  StartedAttempt,
} from '../schemas.js';
import { bearerToken, hashToken, newAttemptId, newToken, tokenMatches } from '../security.js';
import { examIndexOr404 } from './exams.js';

/** Saves arriving this long after the deadline are still accepted (network latency). */
export const SAVE_GRACE_MS = 5_000;
/** Practice mode's question count when none is given. */
export const DEFAULT_PRACTICE_COUNT = 10;

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const auth = [{ attemptToken: [] }];

const startAttempt = createRoute({
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

const getAttempt = createRoute({
  method: 'get',
  path: '/attempts/{id}',
  tags: ['attempts'],
  summary: 'Attempt state: questions in this attempt’s order, answers, flags, time left',
  middleware: [noStore] as const,
  security: auth,
  request: { params: AttemptIdParam },
  responses: {
    200: { description: 'The attempt', content: json(AttemptStateSchema) },
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

const putAnswer = createRoute({
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

const submit = createRoute({
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

const getReport = createRoute({
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

type Ctx = Context<AppEnv>;

/** The attempt, if the bearer token is its token: 401 without a token, 404 unknown, 403 wrong token. */
async function authorize(c: Ctx, id: string): Promise<{ attempt: AttemptRow; token: string }> {
  const token = bearerToken(c.req.header('Authorization'));
  return { attempt: await verifyToken(id, await findAttempt(c.env.DB, id), token), token };
}

/** 404 for no attempt, 403 when the token is not this attempt's. */
async function verifyToken(id: string, attempt: AttemptRow | null, token: string): Promise<AttemptRow> {
  if (!attempt) throw new ApiError('attempt_not_found', `There is no attempt '${id}'.`);
  if (!(await tokenMatches(token, attempt.token_hash))) {
    throw new ApiError('token_invalid', 'This token does not belong to this attempt.');
  }
  return attempt;
}

function examOf(content: Content, attempt: AttemptRow): ExamIndex {
  const index = content.exams.get(attempt.exam_id);
  if (!index)
    throw new ApiError('exam_not_found', `The exam '${attempt.exam_id}' of this attempt no longer exists.`);
  return index;
}

const iso = (ms: number) => new Date(ms).toISOString();

function statusOf(attempt: AttemptRow, now: number): AttemptState['status'] {
  if (attempt.submitted_at !== null) return 'submitted';
  if (attempt.deadline_at !== null && now > attempt.deadline_at) return 'expired';
  return 'in_progress';
}

function progressOf(rows: readonly AttemptQuestionRow[]) {
  return {
    total: rows.length,
    answered: rows.filter((r) => r.answer !== null).length,
    flagged: rows.filter((r) => r.flagged === 1).length,
  };
}

/** A question's public form with its options in this attempt's order. */
function orderedQuestion(question: PublicQuestion, optionOrder: string): PublicQuestion {
  const byId = new Map(question.options.map((o) => [o.id, o]));
  const options = [...optionOrder].flatMap((id) => {
    const option = byId.get(id);
    return option ? [option] : [];
  });
  // Options added to the content since the attempt started go last.
  for (const option of question.options) if (!optionOrder.includes(option.id)) options.push(option);
  return { ...question, options };
}

function attemptState(
  questionsById: ReadonlyMap<string, PublicQuestion>,
  index: ExamIndex,
  attempt: AttemptRow,
  rows: readonly AttemptQuestionRow[],
  now: number,
): AttemptState {
  const questions = rows.flatMap((row) => {
    const question = questionsById.get(row.question_id);
    if (!question) return [];
    return [
      {
        position: row.position,
        question: orderedQuestion(question, row.option_order),
        answer: parseAnswer(row.answer),
        flagged: row.flagged === 1,
      },
    ];
  });
  const { exam } = index;
  return {
    id: attempt.id,
    examId: exam.id,
    examTitle: exam.title,
    mode: attempt.mode,
    status: statusOf(attempt, now),
    createdAt: iso(attempt.created_at),
    deadline: attempt.deadline_at === null ? null : iso(attempt.deadline_at),
    serverTime: iso(now),
    timeLeftSeconds:
      attempt.deadline_at === null
        ? null
        : attempt.submitted_at !== null
          ? 0
          : Math.max(0, Math.floor((attempt.deadline_at - now) / 1000)),
    durationMinutes: attempt.mode === 'exam' ? exam.durationMinutes : null,
    passingScore: exam.passingScore,
    progress: progressOf(rows),
    questions,
    score:
      attempt.score_percent === null || attempt.passed === null
        ? null
        : { percent: Math.round(attempt.score_percent * 10) / 10, passed: attempt.passed === 1 },
  };
}

function strataFor(index: ExamIndex, mode: 'exam' | 'practice', domains: string[] | undefined): Stratum[] {
  const { exam } = index;
  if (mode === 'exam' || !domains) {
    return exam.domains.map((d) => ({ id: d.id, weight: d.weight, pool: index.pool.get(d.id) ?? [] }));
  }
  const unknown = domains.filter((d) => !index.domains.has(d));
  if (unknown.length > 0) {
    throw new ApiError(
      'unknown_domain',
      `Exam ${exam.id} has no domain ${unknown.map((d) => `'${d}'`).join(', ')}; its domains are ${exam.domains.map((d) => d.id).join(', ')}.`,
    );
  }
  const chosen = new Set(domains);
  return exam.domains
    .filter((d) => chosen.has(d.id))
    .map((d) => ({ id: d.id, weight: d.weight, pool: index.pool.get(d.id) ?? [] }));
}

/**
 * Freezes the attempt (no save lands after this, so the report grades exactly what is stored,
 * and concurrent submits grade the same rows at the same submittedAt), grades it and stores the
 * report. Returns the stored report's JSON: ours, or the one stored first (an earlier or a
 * concurrent submit's). 404/403 like every attempt route when the attempt or token is wrong.
 */
async function freezeAndGrade(c: Ctx, content: Content, id: string, token: string): Promise<string> {
  const frozen = await freezeAttempt(c.env.DB, id, await hashToken(token), Date.now());
  const attempt = await verifyToken(id, frozen.attempt, token);
  if (attempt.report_json !== null) return attempt.report_json;
  const index = examOf(content, attempt);
  const { rows } = frozen;
  const ids = rows.map((r) => r.question_id);
  const [questions, keys, guides] = await Promise.all([
    content.questions(ids),
    content.keys(ids),
    content.guideIndex(),
  ]);
  const submittedAt = attempt.submitted_at ?? Date.now();
  const { report, credits } = buildReport(
    { contentHash: content.contentHash, questions, keys, guides },
    index,
    attempt,
    rows,
    submittedAt,
  );
  // Serialized once: this text is both stored and sent.
  const reportJson = JSON.stringify(report);
  const won = await submitAttempt(c.env.DB, {
    attemptId: attempt.id,
    submittedAt,
    points: report.score.points,
    percent: report.score.total === 0 ? 0 : (100 * report.score.points) / report.score.total,
    passed: report.score.passed,
    reportJson,
    credits,
  });
  if (!won) {
    // A concurrent submit stored its report first: answer with it, not ours.
    const stored = await findAttempt(c.env.DB, attempt.id);
    if (stored?.report_json) return stored.report_json;
  }
  return reportJson;
}

export const attemptRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(startAttempt, async (c) => {
    const content = await c.var.content();
    const index = examIndexOr404(content, c.req.valid('param').examId);
    const { mode, domains, count } = c.req.valid('json');
    const strata = strataFor(index, mode, domains);
    const available = strata.reduce((n, s) => n + s.pool.length, 0);
    const wanted =
      mode === 'exam' ? index.exam.questionCount : (count ?? Math.min(DEFAULT_PRACTICE_COUNT, available));
    if (available === 0 || (mode === 'practice' && wanted > available)) {
      throw new ApiError(
        'not_enough_questions',
        `The bank has ${available} question${available === 1 ? '' : 's'} for this selection; ${wanted} were asked for.`,
      );
    }

    const seed = randomSeed();
    const random = seededRandom(seed);
    const picked = drawStratified(wanted, strata, random);
    const questions = await content.questions(picked.map((p) => p.questionId));
    const drawn = picked.flatMap(({ questionId }) => {
      const question = questions.get(questionId);
      return question
        ? [
            {
              questionId,
              optionOrder: shuffleOptions(
                question.options.map((o) => o.id),
                random,
              ),
            },
          ]
        : [];
    });

    const now = Date.now();
    const token = newToken();
    const attempt: AttemptRow = {
      id: newAttemptId(),
      token_hash: await hashToken(token),
      exam_id: index.exam.id,
      mode,
      content_hash: content.contentHash,
      seed,
      created_at: now,
      deadline_at: mode === 'exam' ? now + index.exam.durationMinutes * 60_000 : null,
      submitted_at: null,
      score_points: null,
      score_percent: null,
      passed: null,
      report_json: null,
    };
    await insertAttempt(c.env.DB, {
      id: attempt.id,
      tokenHash: attempt.token_hash,
      examId: attempt.exam_id,
      mode,
      contentHash: attempt.content_hash,
      seed,
      createdAt: now,
      deadlineAt: attempt.deadline_at,
      questions: drawn,
    });
    const rows: AttemptQuestionRow[] = drawn.map((q, position) => ({
      attempt_id: attempt.id,
      position,
      question_id: q.questionId,
      option_order: q.optionOrder.join(''),
      answer: null,
      flagged: 0,
      updated_at: null,
      credit: null,
    }));
    c.header('Location', `/api/v1/attempts/${attempt.id}`);
    return c.json({ ...attemptState(questions, index, attempt, rows, now), token }, 201);
  })
  .openapi(getAttempt, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const { attempt } = await authorize(c, id);
    const rows = await attemptQuestions(c.env.DB, id);
    const questions = await content.questions(rows.map((r) => r.question_id));
    return c.json(attemptState(questions, examOf(content, attempt), attempt, rows, Date.now()), 200);
  })
  .openapi(putAnswer, async (c) => {
    const { id, questionId } = c.req.valid('param');
    const body = c.req.valid('json');
    const content = await c.var.content();
    const token = bearerToken(c.req.header('Authorization'));
    const question = await content.question(questionId);
    // The answer is checked against the question before the write, but a refusal is reported only
    // after the checks that come first (token, attempt state, question in this attempt).
    let answer: string[] | null | undefined = body.answer === undefined ? undefined : null;
    let invalid: ApiError | undefined;
    if (body.answer && body.answer.length > 0 && question) {
      try {
        answer = validateAnswer(question, body.answer);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        invalid = err;
      }
    }
    const now = Date.now();
    // One round trip: the guarded write, then the attempt, this question's row and the progress.
    const saved = await saveAnswer(c.env.DB, {
      attemptId: id,
      questionId,
      tokenHash: await hashToken(token),
      answer,
      flagged: body.flagged,
      now,
      graceMs: SAVE_GRACE_MS,
      write: question !== undefined && invalid === undefined,
    });
    const attempt = await verifyToken(id, saved.attempt, token);
    const { row, progress } = saved;
    if (!saved.written || !row) {
      if (attempt.submitted_at !== null) {
        throw new ApiError(
          'attempt_submitted',
          'This attempt has been submitted; answers can no longer change.',
        );
      }
      if (!row || !question) {
        throw new ApiError(
          'question_not_in_attempt',
          `Question '${questionId}' is not part of this attempt.`,
        );
      }
      const expired = attempt.deadline_at !== null && now > attempt.deadline_at + SAVE_GRACE_MS;
      if (invalid && !expired) throw invalid;
      // With a valid answer the only guard left is the deadline (+ grace).
      throw new ApiError('attempt_expired', 'The time for this attempt is up; submit it to get the report.');
    }
    return c.json(
      {
        questionId,
        answer: parseAnswer(row.answer),
        flagged: row.flagged === 1,
        savedAt: iso(now),
        progress,
      },
      200,
    );
  })
  .openapi(submit, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const token = bearerToken(c.req.header('Authorization'));
    return jsonText<ScoreReport, 200>(c, await freezeAndGrade(c, content, id, token), 200);
  })
  .openapi(getReport, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const { attempt, token } = await authorize(c, id);
    if (attempt.report_json !== null) return jsonText<ScoreReport, 200>(c, attempt.report_json, 200);
    if (attempt.submitted_at === null) {
      throw new ApiError('attempt_not_submitted', 'This attempt has not been submitted yet.');
    }
    // Submitted but not graded: the submit failed after freezing (e.g. the bundle was unreadable).
    // The frozen answers are all there, so grade them now rather than answer 409 forever.
    return jsonText<ScoreReport, 200>(c, await freezeAndGrade(c, content, id, token), 200);
  });
