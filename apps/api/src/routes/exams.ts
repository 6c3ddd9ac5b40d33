import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { ExamIndex } from '../bundle.js';
import type { Content } from '../bundle-store.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { contentCache, validationHook } from '../http.js';
import { ExamDetail, ExamIdParam, ExamList, type ExamSummary } from '../schemas.js';

const listExams = createRoute({
  method: 'get',
  path: '/exams',
  tags: ['content'],
  summary: 'The exam catalogue',
  middleware: [contentCache] as const,
  responses: {
    200: {
      description: 'Exams with their blueprint summary',
      content: { 'application/json': { schema: ExamList } },
    },
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
    200: { description: 'The exam', content: { 'application/json': { schema: ExamDetail } } },
    ...errorResponses(400, 404, 503),
  },
});

export function examSummary(index: ExamIndex): ExamSummary {
  const { exam } = index;
  return {
    id: exam.id,
    title: exam.title,
    vendor: exam.vendor,
    level: exam.level,
    summary: exam.summary,
    questionCount: exam.questionCount,
    durationMinutes: exam.durationMinutes,
    passingScore: exam.passingScore,
    fee: exam.fee,
    languages: exam.languages,
    validityYears: exam.validityYears,
    format: exam.format,
    guides: exam.guides,
    domains: exam.domains.map((d) => ({ id: d.id, name: d.name, weight: d.weight })),
    bankSize: index.bankSize,
  };
}

export function examIndexOr404(content: Content, examId: string): ExamIndex {
  const index = content.exams.get(examId);
  if (!index) throw new ApiError('exam_not_found', `There is no exam '${examId}'.`);
  return index;
}

export const examRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listExams, async (c) => {
    const content = await c.var.content();
    const exams = content.examList.flatMap((e) => {
      const index = content.exams.get(e.id);
      return index ? [examSummary(index)] : [];
    });
    return c.json({ exams }, 200);
  })
  .openapi(getExam, async (c) => {
    const index = examIndexOr404(await c.var.content(), c.req.valid('param').examId);
    const byDomain: Record<string, number> = {};
    for (const [domain, ids] of index.pool) byDomain[domain] = ids.length;
    return c.json({ ...index.exam, bank: { total: index.bankSize, byDomain } }, 200);
  });
