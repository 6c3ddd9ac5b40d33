/** The routes the API benchmark measures, and how its tables name them. */
export type RouteName = 'bare' | 'exam' | 'start' | 'save' | 'submit' | 'attempt' | 'report';

export const LABELS: Record<RouteName, string> = {
  bare: 'GET /api/__bench/bare (bare Hono route)',
  exam: 'GET /api/v1/exams/:examId',
  start: 'POST /api/v1/exams/:examId/attempts (60 q)',
  save: 'PUT /api/v1/attempts/:id/answers/:q',
  submit: 'POST /api/v1/attempts/:id/submit (60 answers)',
  attempt: 'GET /api/v1/attempts/:id (60 q, submitted)',
  report: 'GET /api/v1/attempts/:id/report (60 q)',
};

/** Every route, in the order of the tables. */
export const ROUTES = Object.keys(LABELS) as RouteName[];
