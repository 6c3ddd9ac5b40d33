/**
 * The learner's own state, found through the session cookie: progress per exam (history, review
 * cards due, readiness), a review session of the due questions, export and erase. Without a
 * session the reads answer empty (a new visitor has no progress) and the writes 401 `no_session`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { startWithQuestions } from '../attempts/start.js';
import { iso } from '../attempts/view.js';
import { examOr404 } from '../bundle-store.js';
import { sameSiteWrites } from '../cross-site.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { noStore } from '../http.js';
import { dueCards, nextDue } from '../learner/cards.js';
import { learnerStub } from '../learner/client.js';
import { historyEntry, readinessOf } from '../learner/progress.js';
import { endSession, requireSession } from '../learner/session.js';
import { rateLimit } from '../limits.js';
import { StartedAttempt } from '../schemas/attempts.js';
import { ExamIdParam } from '../schemas/content.js';
import { ExamProgress, LearnerSummary } from '../schemas/learner.js';
import { json, router } from './openapi.js';

const summaryRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['learner'],
  summary: "This browser's learner: recent results and review cards due, per exam",
  middleware: [noStore] as const,
  responses: { 200: { description: 'The summary', content: json(LearnerSummary) }, ...errorResponses(503) },
});

const progressRoute = createRoute({
  method: 'get',
  path: '/me/exams/{examId}',
  tags: ['learner'],
  summary: 'Progress on one exam: every attempt with its scores, review cards due, readiness',
  middleware: [noStore] as const,
  request: { params: ExamIdParam },
  responses: {
    200: { description: 'The progress', content: json(ExamProgress) },
    ...errorResponses(400, 404, 503),
  },
});

const reviewRoute = createRoute({
  method: 'post',
  path: '/me/exams/{examId}/review',
  tags: ['learner'],
  summary: "A practice attempt of this exam's review cards due now (checking an answer reschedules its card)",
  middleware: [noStore, sameSiteWrites(), rateLimit('start')] as const,
  request: { params: ExamIdParam },
  responses: {
    201: { description: 'The review attempt (its token is shown once)', content: json(StartedAttempt) },
    ...errorResponses(400, 401, 403, 404, 409, 422, 429, 503),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/me/export',
  tags: ['learner'],
  summary: 'Everything stored for this learner, as JSON',
  middleware: [noStore] as const,
  responses: {
    200: { description: 'The data', content: json(z.record(z.string(), z.unknown())) },
    ...errorResponses(401),
  },
});

const eraseRoute = createRoute({
  method: 'delete',
  path: '/me',
  tags: ['learner'],
  summary: "Erase this learner's attempts, review cards and passkeys, and end the session",
  middleware: [noStore, sameSiteWrites()] as const,
  responses: { 204: { description: 'Erased' }, ...errorResponses(401, 403) },
});

const stubOf = (c: Context<AppEnv>, learnerId: string) => learnerStub(c.env.LEARNER, learnerId);

export const meRoutes = router()
  .openapi(summaryRoute, async (c) => {
    const session = c.get('session');
    if (!session) return c.json({ learnerId: null, passkeys: 0, recent: [], exams: [] }, 200);
    const content = await c.var.content();
    const stub = stubOf(c, session.id);
    const [attempts, cards, passkeys] = await Promise.all([
      stub.attempts(),
      stub.allCards(),
      stub.passkeyIds(),
    ]);
    const now = Date.now();
    const titleOf = (examId: string) => content.exams.get(examId)?.exam.title ?? examId;
    const recent = attempts
      .filter((a) => a.submittedAt !== null)
      .slice(0, 5)
      .map((a) => ({
        ...historyEntry(session.id, a, content.exams.get(a.examId), now),
        examTitle: titleOf(a.examId),
      }));
    const examIds = [...new Set([...attempts.map((a) => a.examId), ...Object.keys(cards)])];
    const exams = examIds.map((examId) => ({
      examId,
      examTitle: titleOf(examId),
      attempts: attempts.filter((a) => a.examId === examId).length,
      due: dueCards(cards[examId] ?? {}, now).length,
    }));
    return c.json({ learnerId: session.id, passkeys: passkeys.length, recent, exams }, 200);
  })
  .openapi(progressRoute, async (c) => {
    const index = examOr404(await c.var.content(), c.req.valid('param').examId);
    const session = c.get('session');
    const stub = session && stubOf(c, session.id);
    const [attempts, cards] = stub
      ? await Promise.all([stub.attempts(index.exam.id), stub.cards(index.exam.id)])
      : [[], {}];
    const now = Date.now();
    const next = nextDue(cards, now);
    return c.json(
      {
        examId: index.exam.id,
        history: attempts.map((a) => historyEntry(session?.id ?? '', a, index, now)),
        due: dueCards(cards, now).length,
        nextDueAt: next === null ? null : iso(next),
        cards: Object.keys(cards).length,
        readiness: readinessOf(index, cards),
      },
      200,
    );
  })
  .openapi(reviewRoute, async (c) => {
    const content = await c.var.content();
    const index = examOr404(content, c.req.valid('param').examId);
    const session = requireSession(c);
    const due = dueCards(await stubOf(c, session.id).cards(index.exam.id), Date.now());
    if (due.length === 0) throw new ApiError('nothing_due', 'No review card of this exam is due now.');
    const started = await startWithQuestions(
      c.env.LEARNER,
      content,
      index,
      session.id,
      due.map((d) => d.questionId),
    );
    c.header('Location', `/api/v1/attempts/${started.id}`);
    return c.json({ ...started, learnerId: session.id }, 201);
  })
  .openapi(exportRoute, async (c) => {
    const session = requireSession(c);
    const stub = stubOf(c, session.id);
    const [attempts, cards] = await Promise.all([stub.attempts(), stub.allCards()]);
    const now = Date.now();
    return c.json(
      {
        learnerId: session.id,
        exportedAt: iso(now),
        attempts: attempts.map(({ tokenHash: _secret, ...a }) => a),
        reviewCards: cards,
      },
      200,
    );
  })
  .openapi(eraseRoute, async (c) => {
    const session = requireSession(c);
    await stubOf(c, session.id).erase();
    endSession(c);
    return c.body(null, 204);
  });
