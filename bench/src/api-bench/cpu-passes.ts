/**
 * Step 3 of the API benchmark: CPU per request inside workerd, measured two ways on the same
 * running Worker — the isolate's V8 profiler and the workerd process's schedstat — after the
 * cold first requests and a warm-up, with a fixed loop (spin) as the check of both methods.
 */
import type { ApiClient, Attempt } from '../edge/api-client.ts';
import { log, median, round } from '../edge/common.ts';
import {
  type Inspector,
  type ProfiledRun,
  profileRequests,
  type RequestOptions,
  schedstatRequests,
  spinInNode,
} from '../edge/cpu.ts';
import { type LoadResult, nodeLoop } from '../edge/load.ts';
import type { ApiBenchOptions } from './options.ts';
import type { RouteName } from './routes.ts';

const SPIN_ROUNDS = 20;

export interface CpuPasses {
  /** The first requests of a fresh isolate, ms. */
  cold: { exam: number; start: number; submit: number };
  /**
   * Start for returning learners (their objects exist, with a few attempts each): the profiled
   * start pass creates a new learner object per request, which under wrangler dev happens in the
   * Worker's isolate.
   */
  startReturning: ProfiledRun;
  profiled: Record<RouteName, ProfiledRun>;
  /** schedstat ms per request. */
  sched: Record<RouteName, number[]>;
  calibration: {
    rounds: number;
    nodeMs: number;
    profilerMedianMs: number;
    processMedianMs: number;
    /** Node's time of the loop over the profiler's: scales profiler figures for its overhead. */
    profilerFactor: number;
  };
  /** What the isolate holds in steady state (the catalog and the cached entities): what a major GC marks. */
  heapMiB: { used: number; total: number };
  /** Answering every question of the attempts, timed: doubles as save req/s (Node loop). */
  saveLoop: LoadResult;
  /** Attempts with every question answered, left unsubmitted for the load step. */
  loadPool: Attempt[];
}

export async function measureCpu(
  api: ApiClient,
  inspector: Inspector,
  workerdPid: number,
  examId: string,
  bankIds: string[],
  options: ApiBenchOptions,
  learner?: Inspector,
): Promise<CpuPasses> {
  const profile = (
    count: number,
    request: (i: number) => Promise<void>,
    each: RequestOptions = {},
  ): Promise<ProfiledRun> => profileRequests(inspector, count, request, { ...each, learner });
  log('first requests of a fresh isolate (cold) …');
  const cold = {
    exam: (await profile(1, () => api.getExam(examId))).perRequest[0] ?? Number.NaN,
    start: Number.NaN,
    submit: Number.NaN,
  };
  const coldAttempts: Attempt[] = [];
  cold.start =
    (
      await profile(1, async () => {
        coldAttempts.push(await api.start(examId));
      })
    ).perRequest[0] ?? Number.NaN;

  // Steady state: every question and key of the exam in the isolate's cache.
  log(`warm-up: reading the exam's ${bankIds.length} questions and keys into the isolate's cache …`);
  await api.warm(examId);
  for (let i = 0; i < 30; i++) {
    await api.bare();
    await api.getExam(examId);
    coldAttempts.push(await api.start(examId));
  }
  // The isolate's first submits run its grading code for the first time (compiling it) and
  // read the guide list: measured apart, like the first start, then a few more to warm it up.
  const warmSubmits = coldAttempts.slice(0, 6);
  await nodeLoop(warmSubmits.length * 60, options.connections, (i) =>
    api.saveOk(warmSubmits[Math.floor(i / 60)] as Attempt, i % 60),
  );
  cold.submit = (await profile(1, () => api.submit(warmSubmits[0] as Attempt))).perRequest[0] ?? Number.NaN;
  for (const attempt of warmSubmits.slice(1)) await api.submit(attempt);

  // Calibration: a known loop, measured both ways, against Node's own timing.
  const spinNodeMs = spinInNode(SPIN_ROUNDS);
  const spinProfiled = await profile(30, () => api.spin(SPIN_ROUNDS));
  const spinSched = await schedstatRequests(workerdPid, 30, () => api.spin(SPIN_ROUNDS));

  const n = options.n;
  const profiled = {} as Record<RouteName, ProfiledRun>;
  const sched = {} as Record<RouteName, number[]>;
  const profiledAttempts: Attempt[] = [];
  const schedAttempts: Attempt[] = [];

  log(`CPU: profiler pass (${n} requests per route) …`);
  profiled.bare = await profile(n, () => api.bare());
  profiled.exam = await profile(n, () => api.getExam(examId));
  profiled.start = await profile(n, async () => {
    profiledAttempts.push(await api.start(examId));
  });
  if (learner && !profiled.start.learner?.perRequest.some((ms) => ms > 0)) {
    throw new Error("no CPU sampled in the learner object's isolate: its inspector is not the host's");
  }
  profiled.save = await profile(n, (i) => api.save(profiledAttempts[i] as Attempt, 0));
  // The same start as returning learners of their own (a learner holds at most 20 open
  // attempts): each starts one attempt unprofiled, then 15 more.
  const returningLearners: (string | undefined)[] = [];
  for (let k = 0; k < Math.ceil(n / 15); k++) returningLearners.push((await api.start(examId)).learnerToken);
  const startReturning = await profile(n, async (i) => {
    await api.start(examId, returningLearners[Math.floor(i / 15)]);
  });

  log(`CPU: process (schedstat) pass (${n} requests per route) …`);
  sched.bare = (await schedstatRequests(workerdPid, n, () => api.bare())).perRequest;
  sched.exam = (await schedstatRequests(workerdPid, n, () => api.getExam(examId))).perRequest;
  sched.start = (
    await schedstatRequests(workerdPid, n, async () => {
      schedAttempts.push(await api.start(examId));
    })
  ).perRequest;
  sched.save = (
    await schedstatRequests(workerdPid, n, (i) => api.save(schedAttempts[i] as Attempt, 0))
  ).perRequest;

  // Answer every question of every attempt (the submit pools); doubles as save req/s (Node loop).
  const k = Math.min(options.submits, n);
  const loadPool = [...profiledAttempts.slice(k), ...schedAttempts.slice(k)];
  const fill = [...profiledAttempts, ...schedAttempts].flatMap((a) =>
    a.questions.slice(1).map((_, j) => ({ attempt: a, question: j + 1 })),
  );
  log(
    `answering all 60 questions of ${profiledAttempts.length + schedAttempts.length} attempts (${fill.length} saves) …`,
  );
  const saveLoop = await nodeLoop(fill.length, options.connections, async (i) => {
    const f = fill[i] as { attempt: Attempt; question: number };
    return api.saveOk(f.attempt, f.question);
  });

  // Each submit comes right after a read of its attempt, as it does after the learner's last save
  // (wrangler dev evicts an object idle for a few seconds; its rebuild is the host's CPU, and the
  // Worker's call would wait for it).
  log(`CPU: submit (${k} per pass) …`);
  const awake = (pool: Attempt[]) => ({ before: (i: number) => api.getAttempt(pool[i] as Attempt) });
  profiled.submit = await profile(
    k,
    (i) => api.submit(profiledAttempts[i] as Attempt),
    awake(profiledAttempts),
  );
  sched.submit = (
    await schedstatRequests(
      workerdPid,
      k,
      (i) => api.submit(schedAttempts[i] as Attempt),
      awake(schedAttempts),
    )
  ).perRequest;
  // The reads of a submitted attempt, as its results page and a reload do: the attempt (60
  // questions with answers) and its report (rebuilt from the grade each time).
  log(`CPU: the attempt and its report, read after the submit (${k} per pass) …`);
  profiled.attempt = await profile(k, (i) => api.getAttempt(profiledAttempts[i] as Attempt));
  profiled.report = await profile(k, (i) => api.report(profiledAttempts[i] as Attempt));
  sched.attempt = (
    await schedstatRequests(workerdPid, k, (i) => api.getAttempt(schedAttempts[i] as Attempt))
  ).perRequest;
  sched.report = (
    await schedstatRequests(workerdPid, k, (i) => api.report(schedAttempts[i] as Attempt))
  ).perRequest;

  const heap = await inspector.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
  const heapMiB = { used: round(heap.usedSize / 2 ** 20, 1), total: round(heap.totalSize / 2 ** 20, 1) };

  const calibration = {
    rounds: SPIN_ROUNDS,
    nodeMs: round(spinNodeMs),
    profilerMedianMs: round(median(spinProfiled.perRequest) - median(profiled.bare.perRequest)),
    processMedianMs: round(median(spinSched.perRequest) - median(sched.bare)),
    profilerFactor: 1,
  };
  calibration.profilerFactor = round(calibration.nodeMs / calibration.profilerMedianMs);
  return { cold, startReturning, profiled, sched, calibration, heapMiB, saveLoop, loadPool };
}
