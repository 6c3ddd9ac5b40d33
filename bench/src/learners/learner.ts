/**
 * One simulated learner taking one full timed exam over HTTP: start, an answer per question at
 * an accelerated pace, a reload mid-attempt for some (the state must hold every answer saved so
 * far), a double submit for some (both reports byte-identical), then the report, checked answer
 * by answer against what was saved. Each learner has its own client IP (CF-Connecting-IP, which
 * wrangler dev passes through) so the per-IP limits see 1,000 clients, as production would.
 */

export type Route = 'start' | 'save' | 'get' | 'submit' | 'report';

export interface Recorder {
  latency: Record<Route, number[]>;
  statuses: Record<string, number>;
  lost: number;
  mismatchedReports: number;
  failures: string[];
}

export function newRecorder(): Recorder {
  return {
    latency: { start: [], save: [], get: [], submit: [], report: [] },
    statuses: {},
    lost: 0,
    mismatchedReports: 0,
    failures: [],
  };
}

/** At most `n` requests in flight across all learners (the server shares 2 cores). */
export function semaphore(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (free === 0) await new Promise<void>((r) => waiting.push(r));
    else free--;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

interface Options {
  base: string;
  examId: string;
  index: number;
  paceMs: [number, number];
  reload: boolean;
  doubleSubmit: boolean;
  slot: ReturnType<typeof semaphore>;
  rec: Recorder;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function takeExam(o: Options): Promise<void> {
  const ip = `10.${(o.index >> 16) & 255}.${(o.index >> 8) & 255}.${o.index & 255}`;
  const call = (route: Route, method: string, path: string, token?: string, body?: unknown) =>
    o.slot(async () => {
      const t0 = performance.now();
      const res = await fetch(`${o.base}/api/v1${path}`, {
        method,
        headers: {
          'CF-Connecting-IP': ip,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      o.rec.latency[route].push(performance.now() - t0);
      const key = `${route} ${res.status}`;
      o.rec.statuses[key] = (o.rec.statuses[key] ?? 0) + 1;
      return { status: res.status, text };
    });
  const started = await call('start', 'POST', `/exams/${o.examId}/attempts`, undefined, { mode: 'exam' });
  if (started.status !== 201) {
    o.rec.failures.push(`learner ${o.index}: start ${started.status} ${started.text.slice(0, 200)}`);
    return;
  }
  const attempt = JSON.parse(started.text) as {
    id: string;
    token: string;
    questions: { question: { id: string; selectCount: number; options: { id: string }[] } }[];
  };
  const saved = new Map<string, string[]>();
  for (const [i, { question }] of attempt.questions.entries()) {
    await sleep(o.paceMs[0] + Math.random() * (o.paceMs[1] - o.paceMs[0]));
    const options = question.options.map((x) => x.id);
    const start = Math.floor(Math.random() * options.length);
    const answer = options.slice(start).concat(options.slice(0, start)).slice(0, question.selectCount).sort();
    const res = await call('save', 'PUT', `/attempts/${attempt.id}/answers/${question.id}`, attempt.token, {
      answer,
    });
    if (res.status === 200) saved.set(question.id, answer);
    else o.rec.failures.push(`learner ${o.index}: save ${res.status} ${res.text.slice(0, 200)}`);
    if (o.reload && i === Math.floor(attempt.questions.length / 2)) {
      const state = await call('get', 'GET', `/attempts/${attempt.id}`, attempt.token);
      const body = JSON.parse(state.text) as {
        questions: { question: { id: string }; answer: string[] | null }[];
      };
      for (const q of body.questions ?? []) {
        const want = saved.get(q.question.id);
        if (want && JSON.stringify([...(q.answer ?? [])].sort()) !== JSON.stringify(want)) o.rec.lost++;
      }
    }
  }
  const submits = await Promise.all(
    Array.from({ length: o.doubleSubmit ? 2 : 1 }, () =>
      call('submit', 'POST', `/attempts/${attempt.id}/submit`, attempt.token),
    ),
  );
  if (submits.some((s) => s.status !== 200)) {
    o.rec.failures.push(`learner ${o.index}: submit ${submits.map((s) => s.status).join(',')}`);
  }
  if (submits.length === 2 && submits[0]?.text !== submits[1]?.text) o.rec.mismatchedReports++;
  const report = await call('report', 'GET', `/attempts/${attempt.id}/report`, attempt.token);
  if (report.status !== 200) {
    o.rec.failures.push(`learner ${o.index}: report ${report.status}`);
    o.rec.lost += saved.size;
    return;
  }
  if (report.text !== submits[0]?.text) o.rec.mismatchedReports++;
  const graded = JSON.parse(report.text) as { questions: { questionId: string; answer: string[] | null }[] };
  for (const [qid, answer] of saved) {
    const q = graded.questions.find((x) => x.questionId === qid);
    if (!q || JSON.stringify([...(q.answer ?? [])].sort()) !== JSON.stringify(answer)) o.rec.lost++;
  }
}
