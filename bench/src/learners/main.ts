/**
 * Load test: N simulated learners (default 1,000) each take one full 60-question timed exam at
 * the same time against `wrangler dev` on loopback, with the shipped content. Saves come at an
 * accelerated but realistic pace; 10% reload mid-attempt, 10% submit twice at once. Bounded: at
 * most --concurrency requests in flight, a hard --timeout after which it stops by itself; the
 * server and its state directory are removed at the end.
 *
 *   node bench/src/learners/main.ts [--learners 1000] [--concurrency 48] [--pace 50,400]
 *                                   [--ramp 20] [--timeout 1200]
 *
 * Prints p50/p99 latency and status counts per route, answers lost, 5xx, report mismatches, and
 * the bytes the learners' Durable Objects hold; writes bench/results/learners.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newRecorder, type Route, semaphore, takeExam } from './learner.ts';
import { removeState, startDevServer } from './server.ts';
import { learnerStorage } from './storage.ts';

const EXAM = 'databricks-ml-professional';

export interface LearnersOptions {
  learners: number;
  concurrency: number;
  pace: [number, number];
  ramp: number;
  timeout: number;
}

export function parseLearnersArgs(argv: string[]): LearnersOptions {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      learners: { type: 'string' },
      concurrency: { type: 'string' },
      pace: { type: 'string' },
      ramp: { type: 'string' },
      timeout: { type: 'string' },
    },
  });
  const num = (v: unknown, d: number) => (typeof v === 'string' && v !== '' ? Number(v) : d);
  const pace = typeof values.pace === 'string' ? values.pace.split(',').map(Number) : [50, 400];
  return {
    learners: num(values.learners, 1000),
    concurrency: num(values.concurrency, 48),
    pace: [pace[0] ?? 50, pace[1] ?? 400],
    ramp: num(values.ramp, 20),
    timeout: num(values.timeout, 1200),
  };
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

export async function runLearners(o: LearnersOptions) {
  const log = (m: string) => process.stderr.write(`[learners] ${m}\n`);
  log('building the Worker and starting wrangler dev on loopback with a fresh state …');
  const server = await startDevServer();
  const rec = newRecorder();
  const slot = semaphore(o.concurrency);
  const started = performance.now();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
  }, o.timeout * 1000);
  try {
    log(
      `${o.learners} learners, ramp ${o.ramp} s, pace ${o.pace.join('–')} ms, ≤ ${o.concurrency} in flight …`,
    );
    await Promise.race([
      Promise.all(
        Array.from({ length: o.learners }, async (_, index) => {
          await new Promise((r) => setTimeout(r, (index / o.learners) * o.ramp * 1000));
          if (timedOut) return;
          try {
            await takeExam({
              base: server.url,
              examId: EXAM,
              index,
              paceMs: o.pace,
              reload: index % 10 === 3,
              doubleSubmit: index % 10 === 7,
              slot,
              rec,
            });
          } catch (err) {
            rec.failures.push(`learner ${index}: ${err instanceof Error ? err.message : String(err)}`);
          }
        }),
      ),
      new Promise((resolve) => setTimeout(resolve, o.timeout * 1000)),
    ]);
  } finally {
    clearTimeout(timer);
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const storage = learnerStorage(server.stateDir);
  removeState(server.stateDir);
  const routes = (Object.keys(rec.latency) as Route[]).map((route) => ({
    route,
    requests: rec.latency[route].length,
    p50Ms: r1(pct(rec.latency[route], 50)),
    p99Ms: r1(pct(rec.latency[route], 99)),
  }));
  const requests = routes.reduce((n, r) => n + r.requests, 0);
  const fiveXX = Object.entries(rec.statuses)
    .filter(([k]) => /\s5\d\d$/.test(k))
    .reduce((n, [, v]) => n + v, 0);
  const graded = rec.statuses['report 200'] ?? 0;
  return {
    options: o,
    seconds: r1(seconds),
    timedOut,
    requests,
    requestsPerSecond: r1(requests / seconds),
    routes,
    statuses: rec.statuses,
    answersLost: rec.lost,
    fiveXX,
    mismatchedReports: rec.mismatchedReports,
    examsCompleted: graded,
    failures: rec.failures.slice(0, 20),
    failureCount: rec.failures.length,
    storage: {
      ...storage,
      bytesPerLearnerWithOneAttempt: storage.objects ? Math.round(storage.bytes / storage.objects) : null,
    },
  };
}

export function learnersTable(r: Awaited<ReturnType<typeof runLearners>>): string {
  const lines = [
    `**${r.options.learners} learners × one 60-question timed exam against wrangler dev (${r.seconds} s, ${r.requests} requests, ${r.requestsPerSecond} req/s)**`,
    '',
    '| route | requests | p50 ms | p99 ms |',
    '| ----- | -------: | -----: | -----: |',
    ...r.routes.map((x) => `| ${x.route} | ${x.requests} | ${x.p50Ms} | ${x.p99Ms} |`),
    '',
    `exams completed ${r.examsCompleted} · answers lost ${r.answersLost} · 5xx ${r.fiveXX} · report mismatches ${r.mismatchedReports} · failures ${r.failureCount}${r.timedOut ? ' · TIMED OUT' : ''}`,
    `statuses: ${Object.entries(r.statuses)
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}`,
    `learner objects: ${r.storage.objects}, attempts ${r.storage.attempts}, ${r.storage.bytes} bytes (${r.storage.bytesPerLearnerWithOneAttempt} per learner with one attempt)`,
  ];
  return lines.join('\n');
}

if (import.meta.main) {
  const result = await runLearners(parseLearnersArgs(process.argv.slice(2)));
  console.log(learnersTable(result));
  const dir = path.resolve(import.meta.dirname, '../../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'learners.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (result.failureCount > 0) console.log(result.failures.join('\n'));
  process.exit(result.answersLost === 0 && result.fiveXX === 0 && !result.timedOut ? 0 : 1);
}
