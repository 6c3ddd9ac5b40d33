/**
 * The only way the client talks to the server: Hono's typed client over the API's own route
 * types (`AppType`), same origin. Responses are narrowed here into the small view models the
 * pages use, so a renamed field breaks the typecheck in this one file.
 */
import type { AppType } from '@examdown/api/app';
import { hc } from 'hono/client';
import type {
  AttemptMode,
  AttemptView,
  CheckResult,
  Exam,
  ExamSummary,
  Guide,
  GuideSummary,
  OptionId,
  PublicQuestion,
  ReportView,
} from './model';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const client = hc<AppType>(typeof location === 'undefined' ? 'http://localhost' : location.origin);
export const v1 = client.api.v1;

type Res = { ok: boolean; status: number; json(): Promise<unknown> };

/** Awaits a client call, turning network failures and error bodies into ApiError. */
export async function send<R extends Res>(call: () => Promise<R>): Promise<R> {
  let res: R;
  try {
    res = await call();
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? '');
  }
  return res;
}

/** The JSON body of the successful (2xx) members of a route's response union. */
type OkJson<R> = R extends { ok: true; json(): Promise<infer J> } ? J : never;

export async function ok<R extends Res>(call: () => Promise<R>): Promise<OkJson<R>> {
  const res = await send(call);
  return (await res.json()) as OkJson<R>;
}

export const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

type AttemptState = Awaited<ReturnType<typeof fetchAttempt>>;
const fetchAttempt = (id: string, token: string) =>
  ok(() => v1.attempts[':id'].$get({ param: { id } }, auth(token)));

export function toAttemptView(a: AttemptState): AttemptView {
  const answers: Record<string, OptionId[]> = {};
  const flags: Record<string, boolean> = {};
  const checked: Record<string, boolean> = {};
  const questions = [...a.questions].sort((x, y) => x.position - y.position);
  for (const q of questions) {
    answers[q.question.id] = q.answer ?? [];
    if (q.flagged) flags[q.question.id] = true;
    if (q.checked) checked[q.question.id] = true;
  }
  // The server's clock decides; translate its deadline onto this device's clock.
  const deadlineAt =
    a.deadline === null ? null : Date.now() + (Date.parse(a.deadline) - Date.parse(a.serverTime));
  return {
    id: a.id,
    examId: a.examId,
    examTitle: a.examTitle,
    mode: a.mode,
    status: a.status,
    questions: questions.map((q) => q.question),
    answers,
    flags,
    checked,
    deadlineAt,
  };
}

function toCheckResult(r: {
  correct: boolean;
  correctOptions: OptionId[];
  explanationHtml?: string | null | undefined;
  rationales: CheckResult['rationales'];
}): CheckResult {
  return {
    correct: r.correct,
    correctOptions: r.correctOptions,
    explanationHtml: r.explanationHtml ?? undefined,
    rationales: r.rationales,
  };
}

type ReportBody = Awaited<ReturnType<typeof fetchReport>>;
const fetchReport = (id: string, token: string) =>
  ok(() => v1.attempts[':id'].report.$get({ param: { id } }, auth(token)));

function toReportView(r: ReportBody): ReportView {
  return {
    attemptId: r.attemptId,
    examId: r.examId,
    examTitle: r.examTitle,
    mode: r.mode,
    percent: r.score.percent,
    correct: r.score.correct,
    points: r.score.points,
    total: r.score.total,
    passed: r.score.passed,
    passingScore: r.score.passingScore,
    overtime: r.overtime,
    scoringRule: r.scoring.rule,
    submittedAt: r.submittedAt,
    domains: r.domains.map((d) => ({
      id: d.domainId,
      name: d.name,
      correct: d.correct,
      points: d.points,
      total: d.total,
      percent: d.percent,
    })),
    questions: [...r.questions]
      .sort((x, y) => x.position - y.position)
      .map((q) => ({
        question: {
          id: q.questionId,
          type: q.type,
          selectCount: q.selectCount,
          stemHtml: q.stemHtml,
          options: q.options,
        },
        domain: q.domain,
        answer: q.answer ?? [],
        correctOptions: q.correctOptions,
        correct: q.correct,
        credit: q.credit,
        flagged: q.flagged,
        secondsSpent: q.secondsSpent,
        explanationHtml: q.explanationHtml ?? undefined,
        rationales: q.rationales,
      })),
    studyNext: r.weakestDomains.map((w) => ({
      domain: w.domainId,
      name: w.name,
      percent: w.percent,
      belowPassing: w.belowPassing,
      topics: w.topics,
      href: w.studyLink,
      guideTitle: w.guide?.title ?? null,
    })),
  };
}

let guideIndex: Promise<GuideSummary[]> | undefined;

export const api = {
  async exams(): Promise<ExamSummary[]> {
    return (await ok(() => v1.exams.$get())).exams;
  },
  async exam(examId: string): Promise<Exam & { bank: { total: number; byDomain: Record<string, number> } }> {
    return ok(() => v1.exams[':examId'].$get({ param: { examId } }));
  },
  /** Guide summaries; cached for the session (content only changes with a deploy). */
  guides(): Promise<GuideSummary[]> {
    guideIndex ??= ok(() => v1.guides.$get()).then(
      (r) => r.guides,
      (e: unknown) => {
        guideIndex = undefined;
        throw e;
      },
    );
    return guideIndex;
  },
  async guide(slug: string): Promise<Guide> {
    return ok(() => v1.guides[':slug'].$get({ param: { slug } }));
  },
  async question(id: string): Promise<PublicQuestion> {
    return ok(() => v1.questions[':id'].$get({ param: { id } }));
  },
  /** A guide's try-it question: checked on its own, outside any attempt. */
  async check(id: string, answer: OptionId[]): Promise<CheckResult> {
    return toCheckResult(
      await ok(() => v1.questions[':id'].check.$post({ param: { id }, json: { answer } })),
    );
  },
  /** A practice attempt's question: saves `answer` as final and returns its feedback. */
  async checkInAttempt(
    id: string,
    token: string,
    questionId: string,
    answer: OptionId[],
  ): Promise<CheckResult> {
    const r = await ok(() =>
      v1.attempts[':id'].answers[':questionId'].$put(
        { param: { id, questionId }, json: { answer, check: true } },
        auth(token),
      ),
    );
    if (!r.feedback)
      throw new ApiError(500, 'no_feedback', 'The server saved the answer but sent no feedback.');
    return toCheckResult(r.feedback);
  },
  async start(
    examId: string,
    body: { mode: AttemptMode; domains?: string[]; count?: number },
  ): Promise<{ token: string; attempt: AttemptView }> {
    const r = await ok(() => v1.exams[':examId'].attempts.$post({ param: { examId }, json: body }));
    return { token: r.token, attempt: toAttemptView(r) };
  },
  async attempt(id: string, token: string): Promise<AttemptView> {
    return toAttemptView(await fetchAttempt(id, token));
  },
  async save(
    id: string,
    token: string,
    questionId: string,
    body: { answer?: OptionId[]; flagged?: boolean; spentSeconds?: number },
  ) {
    await send(() =>
      v1.attempts[':id'].answers[':questionId'].$put({ param: { id, questionId }, json: body }, auth(token)),
    );
  },
  /** Grades the attempt; the response is its report (the results page opened next shows it). */
  async submit(id: string, token: string): Promise<ReportView> {
    return toReportView(await ok(() => v1.attempts[':id'].submit.$post({ param: { id } }, auth(token))));
  },
  async report(id: string, token: string): Promise<ReportView> {
    return toReportView(await fetchReport(id, token));
  },
};
