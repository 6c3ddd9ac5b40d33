import { createRoute } from '@hono/zod-openapi';
import type { ExamIndex } from '../bundle.js';
import { examOr404 } from '../bundle-store.js';
import { errorResponses } from '../errors.js';
import { contentCache } from '../http.js';
import { DomainSummary, ExamDetail, ExamIdParam, ExamList, ExamSummary } from '../schemas/content.js';
import { json, router } from './openapi.js';

const listExams = createRoute({
  method: 'get',
  path: '/exams',
  tags: ['content'],
  summary: 'The exam catalogue',
  middleware: [contentCache] as const,
  responses: {
    200: { description: 'Exams with their blueprint summary', content: json(ExamList) },
    ...errorResponses(503),
  },
});

const getExam = createRoute({
  method: 'get',
  path: '/exams/{examId}',
  tags: ['content'],
  summary: 'One exam: blueprint (domains, weights, count, duration, passing score, fee …) and bank size',
  middleware: [contentCache] as const,
  request: { params: ExamIdParam },
  responses: {
    200: { description: 'The exam', content: json(ExamDetail) },
    ...errorResponses(400, 404, 503),
  },
});

/** `value`'s fields that `schema` declares, in its order: a summary derived from its schema. */
function pick<T>(schema: { shape: object }, value: object): T {
  const fields = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(schema.shape).map((k) => [k, fields[k]])) as T;
}

function examSummary({ exam, bankSize }: ExamIndex): ExamSummary {
  const domains = exam.domains.map((d) => pick(DomainSummary, d));
  return pick(ExamSummary, { ...exam, domains, bankSize });
}

export const examRoutes = router()
  .openapi(listExams, async (c) => {
    const content = await c.var.content();
    const exams = content.examList.flatMap((e) => {
      const index = content.exams.get(e.id);
      return index ? [examSummary(index)] : [];
    });
    return c.json({ exams }, 200);
  })
  .openapi(getExam, async (c) => {
    const index = examOr404(await c.var.content(), c.req.valid('param').examId);
    const byDomain: Record<string, number> = {};
    for (const [domain, ids] of index.pool) byDomain[domain] = ids.length;
    return c.json({ ...index.exam, bank: { total: index.bankSize, byDomain } }, 200);
  });
