/**
 * The product's HTTP API as the benchmarks drive it (against `wrangler dev`): each call checks
 * its status so a broken route fails the run instead of timing error pages. The `…Ok` variants
 * only report success, for load loops that count errors rather than stop on them.
 */

/** A started attempt: what later saves and the submit need. */
export interface Attempt {
  id: string;
  token: string;
  examId: string;
  deadline: string | null;
  questions: { id: string; options: string[]; selectCount: number }[];
  /** Returned for a learner this start created: sent again, it starts as the same learner. */
  learnerToken?: string;
}

/** The request that answers question `index` of an attempt (with its first `selectCount` options). */
export function saveAnswerRequest(a: Attempt, index: number) {
  const q = a.questions[index] as Attempt['questions'][number];
  return {
    method: 'PUT',
    path: `/api/v1/attempts/${a.id}/answers/${q.id}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${a.token}` },
    body: JSON.stringify({ answer: q.options.slice(0, q.selectCount) }),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

export function apiClient(base: string) {
  const json = { 'Content-Type': 'application/json' };
  const expect = async (res: Response, status: number, what: string) => {
    const text = await res.text();
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
    return text;
  };
  const start = async (examId: string, learnerToken?: string): Promise<Attempt> => {
    const res = await fetch(`${base}/api/v1/exams/${examId}/attempts`, {
      method: 'POST',
      headers: learnerToken ? { ...json, 'X-Learner-Token': learnerToken } : json,
      body: '{"mode":"exam"}',
    });
    const body = JSON.parse(await expect(res, 201, 'start')) as {
      id: string;
      token: string;
      learnerToken?: string;
      deadline: string | null;
      questions: { question: { id: string; selectCount: number; options: { id: string }[] } }[];
    };
    return {
      id: body.id,
      token: body.token,
      ...(body.learnerToken ? { learnerToken: body.learnerToken } : {}),
      examId,
      deadline: body.deadline,
      questions: body.questions.map((q) => ({
        id: q.question.id,
        selectCount: q.question.selectCount,
        options: q.question.options.map((o) => o.id),
      })),
    };
  };
  const saveRequest = (a: Attempt, index: number) => {
    const { path, ...init } = saveAnswerRequest(a, index);
    return fetch(`${base}${path}`, init);
  };
  const submitRequest = (a: Attempt) =>
    fetch(`${base}/api/v1/attempts/${a.id}/submit`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.token}` },
    });
  const ok = async (res: Promise<Response>) => {
    const r = await res;
    await r.arrayBuffer();
    return r.ok;
  };
  return {
    bare: async () => void (await expect(await fetch(`${base}/api/__bench/bare`), 200, 'bare')),
    bareOk: () => ok(fetch(`${base}/api/__bench/bare`)),
    spin: async (rounds: number) =>
      void (await expect(await fetch(`${base}/api/__bench/spin?n=${rounds}`), 200, 'spin')),
    getExam: async (examId: string) =>
      void (await expect(await fetch(`${base}/api/v1/exams/${examId}`), 200, 'exam')),
    start,
    save: async (a: Attempt, index: number) => void (await expect(await saveRequest(a, index), 200, 'save')),
    saveOk: (a: Attempt, index: number) => ok(saveRequest(a, index)),
    submit: async (a: Attempt) => {
      const text = await expect(await submitRequest(a), 200, 'submit');
      const answered = (JSON.parse(text) as { score: { answered: number } }).score.answered;
      if (answered !== 60) throw new Error(`submit graded ${answered} answers, not 60`);
    },
    submitOk: (a: Attempt) => ok(submitRequest(a)),
    getAttempt: async (a: Attempt) =>
      void (await expect(
        await fetch(`${base}/api/v1/attempts/${a.id}`, { headers: { Authorization: `Bearer ${a.token}` } }),
        200,
        'attempt',
      )),
    /** The score report of a submitted attempt (rebuilt on every read). */
    report: async (a: Attempt) =>
      void (await expect(
        await fetch(`${base}/api/v1/attempts/${a.id}/report`, {
          headers: { Authorization: `Bearer ${a.token}` },
        }),
        200,
        'report',
      )),
    /** Every question and key of the exam into the isolate's cache (a bench-only route). */
    warm: async (examId: string) =>
      void (await expect(await fetch(`${base}/api/__bench/warm?exam=${examId}`), 200, 'warm')),
  };
}
