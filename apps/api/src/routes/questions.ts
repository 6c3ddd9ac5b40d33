import { createRoute } from '@hono/zod-openapi';
import { validateAnswer, verdict } from '../attempts/grading.js';
import { ApiError, errorResponses } from '../errors.js';
import { contentCache, limitBody, noStore } from '../http.js';
import { rateLimit } from '../limits.js';
import { CheckRequest, CheckResult, QuestionIdParam, QuestionPublic } from '../schemas/content.js';
import { json, router } from './openapi.js';

const getQuestion = createRoute({
  method: 'get',
  path: '/questions/{id}',
  tags: ['content'],
  summary: 'The public form of a question (no key, rationales or explanation)',
  middleware: [contentCache] as const,
  request: { params: QuestionIdParam },
  responses: {
    200: { description: 'The question', content: json(QuestionPublic) },
    ...errorResponses(400, 404, 503),
  },
});

const checkQuestion = createRoute({
  method: 'post',
  path: '/questions/{id}/check',
  tags: ['practice'],
  summary:
    'Try a question embedded in a guide: is the answer right, which options are, explanation and rationales. Other questions are practised in a practice attempt (save with `check`).',
  middleware: [noStore, limitBody, rateLimit('check')] as const,
  request: {
    params: QuestionIdParam,
    body: { required: true, content: json(CheckRequest) },
  },
  responses: {
    200: { description: 'The verdict', content: json(CheckResult) },
    ...errorResponses(400, 403, 404, 413, 415, 422, 429, 503),
  },
});

const questionNotFound = (id: string) => new ApiError('question_not_found', `There is no question '${id}'.`);

export const questionRoutes = router()
  .openapi(getQuestion, async (c) => {
    const { id } = c.req.valid('param');
    const question = await (await c.var.content()).question(id);
    if (!question) throw questionNotFound(id);
    return c.json(question, 200);
  })
  .openapi(checkQuestion, async (c) => {
    const { id } = c.req.valid('param');
    const content = await c.var.content();
    const question = await content.question(id);
    if (!question) throw questionNotFound(id);
    if (!content.isTryIt(id)) {
      throw new ApiError(
        'check_not_available',
        `Question '${id}' is not embedded in a guide: practise it in a practice attempt (PUT /attempts/{id}/answers/${id} with "check": true).`,
      );
    }
    const answer = validateAnswer(question, c.req.valid('json').answer);
    const key = (await content.keys([id])).get(id);
    if (!key) throw questionNotFound(id);
    const scoring = content.exams.get(question.exam)?.exam.scoring.multipleSelect ?? 'all-or-nothing';
    return c.json(verdict(question, key, answer, scoring), 200);
  });
