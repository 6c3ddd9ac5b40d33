/**
 * The API benchmark, with the synthetic 10,000-question / 1,000-guide bank loaded:
 *
 *   1. Size: `wrangler deploy --dry-run` gzip of the product (bundle in KV) and of the former
 *      design (bundle imported into the script) at this scale, against the free plan's 3 MiB.
 *   2. Start-up: the global scope's CPU (`wrangler check startup`) of both designs.
 *   3. CPU per request inside workerd (median, p99): GET /exams/:id, start attempt (60
 *      questions), save answer, submit (60 answers), next to a bare Hono route; plus the first,
 *      cold request of a fresh isolate. Method: edge/cpu.ts. Checked against a fixed loop.
 *   4. Requests/s over loopback against `wrangler dev` (wrk; a Node loop for submit), each next
 *      to the bare route measured the same way in the same run.
 *
 *   node bench/src/api-bench.ts [--questions 10000] [--guides 1000] [--seed 1] [--n 200]
 *                               [--submits 60] [--seconds 5] [--quick] [--fresh] [--cache-mb N]
 *
 * Prints tables and writes bench/results/api.json.
 */
import { parseArgs } from 'node:util';
import { type Bank, ensureBank, ensureState } from './edge/bank.ts';
import {
  API_DIR,
  log,
  machine,
  mean,
  median,
  percentile,
  printTable,
  round,
  takeTables,
  writeResults,
} from './edge/common.ts';
import { Inspector, type ProfiledRun, profileRequests, schedstatRequests, spinInNode } from './edge/cpu.ts';
import { hasWrk, type LoadResult, nodeLoop, type WrkRequest, wrk } from './edge/load.ts';
import {
  buildWorker,
  nodeImportMs as nodeImportMs_,
  productDryRun,
  type RunningWorker,
  startupProfile,
  startWorker,
} from './edge/worker.ts';
import type { Benchmark, BenchReport, RunOptions } from './main.ts';

export interface ApiBenchOptions {
  guides: number;
  questions: number;
  seed: number;
  /** Requests per route and method in the CPU passes. */
  n: number;
  /** Submits per CPU pass (each needs an attempt with 60 saved answers). */
  submits: number;
  /** wrk duration per route. */
  seconds: number;
  connections: number;
  fresh: boolean;
  /** The isolate's entity cache budget, MiB; undefined = the product's default. */
  cacheMb?: number;
}

export const DEFAULT_API_BENCH: ApiBenchOptions = {
  guides: 1000,
  questions: 10_000,
  seed: 1,
  n: 200,
  submits: 60,
  seconds: 5,
  connections: 8,
  fresh: false,
};

const FREE_PLAN_GZIP_KIB = 3 * 1024;
const SPIN_ROUNDS = 20;

interface Attempt {
  id: string;
  token: string;
  questions: { id: string; options: string[]; selectCount: number }[];
}

type RouteName = 'bare' | 'exam' | 'start' | 'save' | 'submit';
const LABELS: Record<RouteName, string> = {
  bare: 'GET /api/__bench/bare (bare Hono route)',
  exam: 'GET /api/v1/exams/:examId',
  start: 'POST /api/v1/exams/:examId/attempts (60 q)',
  save: 'PUT /api/v1/attempts/:id/answers/:q',
  submit: 'POST /api/v1/attempts/:id/submit (60 answers)',
};

export async function runApiBench(options: ApiBenchOptions = DEFAULT_API_BENCH) {
  const bank = ensureBank(options);
  const exam = bank.exams.find((e) => e.questionCount === 60) ?? bank.exams[0];
  if (!exam) throw new Error('the bank has no exam');
  log(
    `bank: ${bank.manifest.counts.questions} questions, ${bank.manifest.counts.guides} guides, exam ${exam.id}`,
  );

  // 1–2. Size and start-up of both designs.
  log('dry-run builds (product, bench worker, imported-bank variant) …');
  const product = productDryRun();
  const kvBuilt = buildWorker('kv', `${API_DIR}/src/index.ts`);
  const importedBuilt = buildWorker('imported', 'imported-entry.ts', bankAlias(bank));
  log('start-up profiles (wrangler check startup) …');
  const startup = { kv: measureStartup(kvBuilt), imported: measureStartup(importedBuilt) };

  // 3–4. The running Worker.
  const stateDir = ensureState(bank);
  // Not minified (the product is): the same code, but the CPU profile can name its functions.
  const benchBuilt = buildWorker('bench', 'bench-entry.ts', {}, { minify: false });
  const worker = await startWorker(
    benchBuilt,
    stateDir,
    options.cacheMb ? { BENCH_CACHE_MB: String(options.cacheMb) } : {},
  );
  log('connecting to the inspector …');
  const inspector = await Inspector.connect(worker.proxyInspectorUrl);
  try {
    log('first requests of a fresh isolate (cold) …');
    const api = client(worker);
    const cold = {
      exam: (await profileRequests(inspector, 1, () => api.getExam(exam.id))).perRequest[0] ?? Number.NaN,
      start: Number.NaN,
      submit: Number.NaN,
    };
    const coldAttempts: Attempt[] = [];
    cold.start =
      (
        await profileRequests(inspector, 1, async () => {
          coldAttempts.push(await api.start(exam.id));
        })
      ).perRequest[0] ?? Number.NaN;

    // Steady state: every question and key of the exam in the isolate's cache (a check reads both).
    const bankIds = Object.values(bank.manifest.questionsByExam[exam.id] ?? {}).flat();
    log(`warm-up: checking each of the exam's ${bankIds.length} questions once …`);
    await nodeLoop(bankIds.length, options.connections, (i) => api.checkOk(bankIds[i] as string));
    for (let i = 0; i < 30; i++) {
      await api.bare();
      await api.getExam(exam.id);
      coldAttempts.push(await api.start(exam.id));
    }
    // The isolate's first submits run its grading code for the first time (compiling it) and
    // read the guide list: measured apart, like the first start, then a few more to warm it up.
    const warmSubmits = coldAttempts.slice(0, 6);
    await nodeLoop(warmSubmits.length * 60, options.connections, (i) =>
      api.saveOk(warmSubmits[Math.floor(i / 60)] as Attempt, i % 60),
    );
    cold.submit =
      (await profileRequests(inspector, 1, () => api.submit(warmSubmits[0] as Attempt))).perRequest[0] ??
      Number.NaN;
    for (const attempt of warmSubmits.slice(1)) await api.submit(attempt);

    // Calibration: a known loop, measured both ways, against Node's own timing.
    const spinNodeMs = spinInNode(SPIN_ROUNDS);
    const spinProfiled = await profileRequests(inspector, 30, () => api.spin(SPIN_ROUNDS));
    const spinSched = await schedstatRequests(worker.workerdPid, 30, () => api.spin(SPIN_ROUNDS));

    const n = options.n;
    const profiled = {} as Record<RouteName, ProfiledRun>;
    const sched = {} as Record<RouteName, number[]>;
    const profiledAttempts: Attempt[] = [];
    const schedAttempts: Attempt[] = [];

    log(`CPU: profiler pass (${n} requests per route) …`);
    profiled.bare = await profileRequests(inspector, n, () => api.bare());
    profiled.exam = await profileRequests(inspector, n, () => api.getExam(exam.id));
    profiled.start = await profileRequests(inspector, n, async () => {
      profiledAttempts.push(await api.start(exam.id));
    });
    profiled.save = await profileRequests(inspector, n, (i) => api.save(profiledAttempts[i] as Attempt, 0));

    log(`CPU: process (schedstat) pass (${n} requests per route) …`);
    sched.bare = (await schedstatRequests(worker.workerdPid, n, () => api.bare())).perRequest;
    sched.exam = (await schedstatRequests(worker.workerdPid, n, () => api.getExam(exam.id))).perRequest;
    sched.start = (
      await schedstatRequests(worker.workerdPid, n, async () => {
        schedAttempts.push(await api.start(exam.id));
      })
    ).perRequest;
    sched.save = (
      await schedstatRequests(worker.workerdPid, n, (i) => api.save(schedAttempts[i] as Attempt, 0))
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

    log(`CPU: submit (${k} per pass) …`);
    profiled.submit = await profileRequests(inspector, k, (i) => api.submit(profiledAttempts[i] as Attempt));
    sched.submit = (
      await schedstatRequests(worker.workerdPid, k, (i) => api.submit(schedAttempts[i] as Attempt))
    ).perRequest;

    // What the isolate holds in steady state (the catalog and the cached entities): what a major
    // GC has to mark.
    const heap = await inspector.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    const heapMiB = { used: round(heap.usedSize / 2 ** 20, 1), total: round(heap.totalSize / 2 ** 20, 1) };

    // 4. Requests/s.
    const load: Partial<Record<RouteName, LoadResult>> & { bareLoop?: LoadResult; saveLoop?: LoadResult } = {
      saveLoop,
    };
    let loadError: string | undefined;
    try {
      if (hasWrk()) {
        const wrkOptions = { seconds: options.seconds, connections: options.connections };
        const json = { 'Content-Type': 'application/json' };
        log(`req/s: wrk, ${options.seconds} s per route, ${options.connections} connections …`);
        load.bare = wrk(worker.url, 'bare', [{ method: 'GET', path: '/api/__bench/bare' }], wrkOptions);
        load.exam = wrk(
          worker.url,
          'exam',
          [{ method: 'GET', path: `/api/v1/exams/${exam.id}` }],
          wrkOptions,
        );
        load.start = wrk(
          worker.url,
          'start',
          [
            {
              method: 'POST',
              path: `/api/v1/exams/${exam.id}/attempts`,
              headers: json,
              body: '{"mode":"exam"}',
            },
          ],
          wrkOptions,
        );
        const saves: WrkRequest[] = loadPool.flatMap((a) =>
          a.questions.map((q) => ({
            method: 'PUT',
            path: `/api/v1/attempts/${a.id}/answers/${q.id}`,
            headers: { ...json, Authorization: `Bearer ${a.token}` },
            body: JSON.stringify({ answer: q.options.slice(0, q.selectCount) }),
          })),
        );
        load.save = wrk(worker.url, 'save', saves, wrkOptions);
      } else {
        log('wrk is not installed (apt-get install -y wrk): req/s only from the Node loop');
      }
      log(`req/s: Node loop, bare route and ${loadPool.length} submits …`);
      load.bareLoop = await nodeLoop(Math.max(1000, loadPool.length * 4), options.connections, () =>
        api.bareOk(),
      );
      load.submit = await nodeLoop(loadPool.length, options.connections, (i) =>
        api.submitOk(loadPool[i] as Attempt),
      );
    } catch (err) {
      // Keep the CPU figures even if the load phase fails.
      loadError = err instanceof Error ? err.message : String(err);
      log(`req/s measurement failed: ${loadError}`);
    }

    const calibration = {
      rounds: SPIN_ROUNDS,
      nodeMs: round(spinNodeMs),
      profilerMedianMs: round(median(spinProfiled.perRequest) - median(profiled.bare.perRequest)),
      processMedianMs: round(median(spinSched.perRequest) - median(sched.bare)),
      /** Node's time of the loop over the profiler's: scales profiler figures for its overhead. */
      profilerFactor: 1,
    };
    calibration.profilerFactor = round(calibration.nodeMs / calibration.profilerMedianMs);
    const result = report({
      bank,
      exam: exam.id,
      product,
      kvBuilt,
      importedBuilt,
      startup,
      cold,
      profiled,
      sched,
      load,
      profilerFactor: calibration.profilerFactor,
    });
    printTable(
      'CPU measurement check: a fixed loop (spin) timed in Node vs measured in workerd, minus bare',
      [
        ['method', 'ms'],
        ['Node (process.cpuUsage, same V8)', calibration.nodeMs],
        ['isolate profiler (median − bare median)', calibration.profilerMedianMs],
        ['workerd process schedstat (median − bare median)', calibration.processMedianMs],
      ],
    );
    printTable('Isolate heap after the CPU passes (V8 Runtime.getHeapUsage), MiB', [
      ['used', 'total'],
      [heapMiB.used, heapMiB.total],
    ]);
    return {
      json: { ...result, calibration, heapMiB, loadError, options, machine: machine() },
      tables: takeTables(),
    };
  } finally {
    inspector.close();
    await worker.stop();
  }
}

/** Terminal colour codes in wrangler's output. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

interface Startup {
  /** `wrangler check startup`: busy time of workerd's CPU profile of the global scope; null if it gave up. */
  checkStartupMs: number | null;
  checkStartupError?: string;
  /** CPU of importing the same built script as a module in Node (V8 too). */
  nodeImportMs: number | null;
}

function measureStartup(built: ReturnType<typeof buildWorker>): Startup {
  const nodeImportMs = nodeImportMs_(built.script);
  try {
    return { checkStartupMs: startupProfile(built).startupMs, nodeImportMs };
  } catch (err) {
    const reason =
      String(err)
        .match(/ERROR[^\n]*?\]\S*\s*(.*)/)?.[1]
        ?.replace(ANSI, '') ?? 'failed';
    log(`wrangler check startup of ${built.dir} failed: ${reason}`);
    return { checkStartupMs: null, checkStartupError: reason.trim(), nodeImportMs };
  }
}

/** wrangler `alias`: the imported-bundle entry reads the bank instead of the real content. */
function bankAlias(bank: Bank): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of [
    'public/manifest.json',
    'public/exams.json',
    'public/guides.json',
    'public/questions.json',
    'private/keys.json',
  ]) {
    out[`@examdown/content/bundle/${file}`] = `${bank.bundleDir}/${file}`;
  }
  return out;
}

function client(worker: RunningWorker) {
  const base = worker.url;
  const json = { 'Content-Type': 'application/json' };
  const expect = async (res: Response, status: number, what: string) => {
    const text = await res.text();
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
    return text;
  };
  const start = async (examId: string): Promise<Attempt> => {
    const res = await fetch(`${base}/api/v1/exams/${examId}/attempts`, {
      method: 'POST',
      headers: json,
      body: '{"mode":"exam"}',
    });
    const body = JSON.parse(await expect(res, 201, 'start')) as {
      id: string;
      token: string;
      questions: { question: { id: string; selectCount: number; options: { id: string }[] } }[];
    };
    return {
      id: body.id,
      token: body.token,
      questions: body.questions.map((q) => ({
        id: q.question.id,
        selectCount: q.question.selectCount,
        options: q.question.options.map((o) => o.id),
      })),
    };
  };
  const saveRequest = (a: Attempt, index: number) => {
    const q = a.questions[index] as Attempt['questions'][number];
    return fetch(`${base}/api/v1/attempts/${a.id}/answers/${q.id}`, {
      method: 'PUT',
      headers: { ...json, Authorization: `Bearer ${a.token}` },
      body: JSON.stringify({ answer: q.options.slice(0, q.selectCount) }),
    });
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
    checkOk: (id: string) =>
      ok(
        fetch(`${base}/api/v1/questions/${id}/check`, {
          method: 'POST',
          headers: json,
          body: '{"answer":["a"]}',
        }),
      ),
  };
}

function report(r: {
  bank: Bank;
  exam: string;
  product: { totalKiB: number; gzipKiB: number };
  kvBuilt: { totalKiB: number; gzipKiB: number };
  importedBuilt: { totalKiB: number; gzipKiB: number };
  startup: { kv: Startup; imported: Startup };
  cold: { exam: number; start: number; submit: number };
  profiled: Record<RouteName, ProfiledRun>;
  sched: Record<RouteName, number[]>;
  load: Partial<Record<RouteName, LoadResult>> & { bareLoop?: LoadResult; saveLoop?: LoadResult };
  profilerFactor: number;
}) {
  const { bank } = r;
  const scale = `${bank.manifest.counts.questions} questions, ${bank.manifest.counts.guides} guides`;
  const size = {
    limitGzipKiB: FREE_PLAN_GZIP_KIB,
    product: r.product,
    importedBank: r.importedBuilt,
    bundleJsonKiB: round(bank.bundleBytes / 1024, 1),
  };
  printTable(`Worker size: wrangler deploy --dry-run (${scale}; free plan: 3 MiB gzip)`, [
    ['design', 'total KiB', 'gzip KiB', 'fits 3 MiB'],
    [
      'bundle in KV (the product: apps/api)',
      r.product.totalKiB,
      r.product.gzipKiB,
      yes(r.product.gzipKiB < FREE_PLAN_GZIP_KIB),
    ],
    [
      'bundle imported into the script (before)',
      r.importedBuilt.totalKiB,
      r.importedBuilt.gzipKiB,
      yes(r.importedBuilt.gzipKiB < FREE_PLAN_GZIP_KIB),
    ],
  ]);
  const ms = (x: number | null, why?: string) => (x === null ? (why ?? 'failed') : round(x, 1));
  printTable(
    'Global-scope start-up, ms (limit 1 s): workerd CPU profile (wrangler check startup); Node import of the same script',
    [
      ['design', 'check startup', 'node import'],
      ['bundle in KV', ms(r.startup.kv.checkStartupMs), ms(r.startup.kv.nodeImportMs)],
      [
        'bundle imported (parse + index at start-up)',
        ms(r.startup.imported.checkStartupMs, r.startup.imported.checkStartupError),
        ms(r.startup.imported.nodeImportMs),
      ],
    ],
  );

  const bareSched = median(r.sched.bare);
  const routes = (['bare', 'exam', 'start', 'save', 'submit'] as RouteName[]).map((name) => {
    const p = r.profiled[name];
    const s = r.sched[name];
    return {
      route: name,
      label: LABELS[name],
      requests: p.perRequest.length,
      isolateCpuMs: {
        median: round(median(p.perRequest)),
        mean: round(mean(p.perRequest)),
        p99: round(percentile(p.perRequest, 99)),
        /** The median scaled by the spin check (the profiler's own overhead taken out). */
        medianCalibrated: round(median(p.perRequest) * r.profilerFactor),
      },
      processCpuMs: { median: round(median(s)), p99: round(percentile(s, 99)) },
      processCpuMinusBareMs: {
        median: round(median(s) - bareSched),
        p99: round(percentile(s, 99) - bareSched),
      },
      /** Garbage collection on the isolate's thread, ms per request: mean and worst. */
      gcMs: { mean: round(mean(p.gcPerRequest)), max: round(Math.max(...p.gcPerRequest)) },
      samplingIntervalUs: p.intervalUs,
      unattributedMs: round(p.unattributedMs),
      hotFunctions: p.hotFunctions,
      slowest: p.slowest,
      /** Every request's figures, for a closer look (ms). */
      raw: { isolate: p.perRequest.map((x) => round(x)), process: s.map((x) => round(x)) },
    };
  });
  printTable(
    `CPU per request inside workerd (${scale}); ms — isolate: V8 profiler of the Worker's isolate; process: workerd schedstat`,
    [
      [
        'route',
        'n',
        'isolate p50',
        `p50 ×${r.profilerFactor} (spin)`,
        'isolate mean',
        'isolate p99',
        'GC mean',
        'GC max',
        'process p50',
        'process p99',
        'process−bare p50',
      ],
      ...routes.map((x) => [
        x.label,
        x.requests,
        x.isolateCpuMs.median,
        x.isolateCpuMs.medianCalibrated,
        x.isolateCpuMs.mean,
        x.isolateCpuMs.p99,
        x.gcMs.mean,
        x.gcMs.max,
        x.processCpuMs.median,
        x.processCpuMs.p99,
        x.route === 'bare' ? '–' : x.processCpuMinusBareMs.median,
      ]),
      [
        'first request of a fresh isolate: GET /exams/:examId (loads the catalog)',
        1,
        round(r.cold.exam),
        ...Array(8).fill(''),
      ],
      [
        'first start attempt (60 questions not yet cached: KV bulk reads)',
        1,
        round(r.cold.start),
        ...Array(8).fill(''),
      ],
      [
        'first submit of the isolate (its grading code runs for the first time)',
        1,
        round(r.cold.submit),
        ...Array(8).fill(''),
      ],
    ],
  );

  printTable(
    'Where the isolate CPU goes: the 5 functions with the most self time, ms per request (`(program)`: V8 and runtime native code)',
    [
      ['route', 'functions'],
      ...routes
        .filter((x) => x.route !== 'bare')
        .map((x) => [
          x.label,
          x.hotFunctions
            .slice(0, 5)
            .map((h) => `${h.fn} ${h.msPerRequest}`)
            .join(' · '),
        ]),
    ],
  );

  const rows: (string | number)[][] = [
    ['route', 'tool', 'req/s', 'ratio to bare', 'p50 ms', 'p99 ms', 'errors'],
  ];
  const loads: { route: string; label: string; result: LoadResult; ratio: number | null }[] = [];
  for (const name of ['bare', 'exam', 'start', 'save'] as RouteName[]) {
    const result = r.load[name];
    if (!result) continue;
    const ratio = r.load.bare ? result.rps / r.load.bare.rps : null;
    loads.push({ route: name, label: LABELS[name], result, ratio });
  }
  if (r.load.bareLoop) loads.push({ route: 'bare', label: LABELS.bare, result: r.load.bareLoop, ratio: 1 });
  for (const [name, result] of [
    ['save', r.load.saveLoop],
    ['submit', r.load.submit],
  ] as const) {
    if (!result) continue;
    loads.push({
      route: name,
      label: LABELS[name],
      result,
      ratio: r.load.bareLoop ? result.rps / r.load.bareLoop.rps : null,
    });
  }
  for (const l of loads) {
    rows.push([
      l.label,
      l.result.tool,
      round(l.result.rps, 0),
      l.ratio === null ? '–' : round(l.ratio, 3),
      l.result.latencyP50Ms === null ? '–' : round(l.result.latencyP50Ms, 2),
      l.result.latencyP99Ms === null ? '–' : round(l.result.latencyP99Ms, 2),
      l.result.errors,
    ]);
  }
  printTable(
    'Requests/s over loopback against wrangler dev (ratio: to the bare route, same tool, same run)',
    rows,
  );

  const targets = {
    cpuMedianUnder2ms: routes.filter((x) => x.route !== 'bare').every((x) => x.isolateCpuMs.median < 2),
    cpuMedianUnder2msCalibrated: routes
      .filter((x) => x.route !== 'bare')
      .every((x) => x.isolateCpuMs.medianCalibrated < 2),
    cpuP99Under10ms: routes.every((x) => x.isolateCpuMs.p99 < 10),
    startupUnder1s: (r.startup.kv.checkStartupMs ?? Number.POSITIVE_INFINITY) < 1000,
    gzipUnder3MiB: r.product.gzipKiB < FREE_PLAN_GZIP_KIB,
  };
  printTable('Targets', [
    ['target', 'met'],
    ['every route: median isolate CPU < 2 ms (as measured)', yes(targets.cpuMedianUnder2ms)],
    [
      'every route: median isolate CPU < 2 ms (scaled by the spin check)',
      yes(targets.cpuMedianUnder2msCalibrated),
    ],
    ['every route: p99 isolate CPU < 10 ms (free plan limit)', yes(targets.cpuP99Under10ms)],
    ['start-up well inside 1 s', yes(targets.startupUnder1s)],
    ['dry-run gzip < 3 MiB at this scale', yes(targets.gzipUnder3MiB)],
  ]);
  return {
    scale: {
      questions: bank.manifest.counts.questions,
      guides: bank.manifest.counts.guides,
      exams: bank.manifest.counts.exams,
      contentHash: bank.manifest.contentHash,
      exam: r.exam,
    },
    size,
    startupMs: r.startup,
    cpu: {
      routes,
      cold: { examMs: round(r.cold.exam), startMs: round(r.cold.start), submitMs: round(r.cold.submit) },
    },
    load: loads.map((l) => ({ route: l.route, label: l.label, ...l.result, ratioToBare: l.ratio })),
    targets,
  };
}

const yes = (b: boolean) => (b ? 'yes' : 'NO');

export function parseApiBenchArgs(argv: string[]): ApiBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      guides: { type: 'string' },
      questions: { type: 'string' },
      seed: { type: 'string' },
      n: { type: 'string' },
      submits: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      quick: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'cache-mb': { type: 'string' },
    },
    strict: false,
  });
  const num = (v: unknown, fallback: number) => (typeof v === 'string' && v !== '' ? Number(v) : fallback);
  const base = values.quick ? { ...DEFAULT_API_BENCH, n: 60, submits: 20, seconds: 2 } : DEFAULT_API_BENCH;
  return {
    guides: num(values.guides, base.guides),
    questions: num(values.questions, base.questions),
    seed: num(values.seed, base.seed),
    n: num(values.n, base.n),
    submits: num(values.submits, base.submits),
    seconds: num(values.seconds, base.seconds),
    connections: num(values.connections, base.connections),
    fresh: values.fresh === true,
    ...(values['cache-mb'] ? { cacheMb: num(values['cache-mb'], 0) } : {}),
  };
}

/** `npm run bench` (bench/src/main.ts): --quick runs the small corpus and fewer requests. */
export const apiBenchmark: Benchmark = {
  name: 'api',
  description:
    'the Worker at 10,000 questions: dry-run size, start-up, CPU per request in workerd, req/s over wrangler dev',
  async run(options: RunOptions): Promise<BenchReport> {
    const settings = options.quick
      ? { ...DEFAULT_API_BENCH, guides: 100, questions: 1000, n: 60, submits: 20, seconds: 2 }
      : DEFAULT_API_BENCH;
    const { json, tables } = await runApiBench(settings);
    return {
      title: `API (${settings.questions.toLocaleString('en-US')} questions, ${settings.guides.toLocaleString('en-US')} guides)`,
      table: tables.join('\n\n'),
      notes: API_NOTES,
      json,
    };
  },
};

export const API_NOTES = [
  'isolate CPU: V8 sampling profiler on the Worker isolate (workerd inspector via wrangler dev), samples attributed to each request by its time window; excludes runtime HTTP work, miniflare entry/asset workers and the local D1/KV simulators; includes sampling overhead (see the spin check).',
  'process CPU: kernel per-thread CPU of the workerd process (schedstat) per request — an upper bound that includes local D1 (SQLite) and KV simulation, which run outside the Worker in production.',
  'steady state: every question and key of the exam cached in the isolate (one check per question first); the cold rows are the first requests of a fresh isolate.',
];

if (import.meta.main) {
  const { json, tables } = await runApiBench(parseApiBenchArgs(process.argv.slice(2)));
  console.log(tables.join('\n\n'));
  console.log(`\n${API_NOTES.map((n) => `- ${n}`).join('\n')}`);
  console.log(`\nwrote ${writeResults('api', json)}`);
}
