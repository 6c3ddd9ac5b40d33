/**
 * The API benchmark's tables and JSON: size and start-up of both designs, CPU per request,
 * requests/s, and the targets (free plan: 3 MiB gzip, 10 ms CPU; 2 ms median, 1 s start-up).
 */
import type { Bank } from '../edge/bank.ts';
import { mean, median, percentile, printTable, round } from '../edge/common.ts';
import type { LoadResult } from '../edge/load.ts';
import { yes } from '../util.ts';
import type { CpuPasses } from './cpu-passes.ts';
import type { Designs } from './designs.ts';
import type { LoadResults } from './load-pass.ts';
import { LABELS, ROUTES, type RouteName } from './routes.ts';

const FREE_PLAN_GZIP_KIB = 3 * 1024;

/** The spin check and the heap: how far the CPU figures can be trusted, and what GC has to mark. */
export function printCalibration(cpu: CpuPasses): void {
  const { calibration, heapMiB } = cpu;
  printTable('CPU measurement check: a fixed loop (spin) timed in Node vs measured in workerd, minus bare', [
    ['method', 'ms'],
    ['Node (process.cpuUsage, same V8)', calibration.nodeMs],
    ['isolate profiler (median − bare median)', calibration.profilerMedianMs],
    ['workerd process schedstat (median − bare median)', calibration.processMedianMs],
  ]);
  printTable('Isolate heap after the CPU passes (V8 Runtime.getHeapUsage), MiB', [
    ['used', 'total'],
    [heapMiB.used, heapMiB.total],
  ]);
}

export function report(
  r: Designs &
    Pick<CpuPasses, 'cold' | 'profiled' | 'sched' | 'startReturning'> & {
      bank: Bank;
      exam: string;
      load: LoadResults;
      profilerFactor: number;
    },
) {
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
  const routes = ROUTES.map((name) => {
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
      /**
       * The learner object's isolate over the same requests (it runs apart, as in production,
       * where its CPU is not the Worker's): median, p99 and where it goes.
       */
      learnerCpuMs: p.learner
        ? {
            median: round(median(p.learner.perRequest)),
            p99: round(percentile(p.learner.perRequest, 99)),
            hotFunctions: p.learner.hotFunctions,
          }
        : null,
      /** Every request's figures, for a closer look (ms). */
      raw: {
        isolate: p.perRequest.map((x) => round(x)),
        process: s.map((x) => round(x)),
        ...(p.learner ? { learner: p.learner.perRequest.map((x) => round(x)) } : {}),
      },
    };
  });
  printTable(
    `CPU per request inside workerd (${scale}); ms — isolate: V8 profiler of the Worker's isolate; learner object: its own process (apart, as in production); process: workerd schedstat`,
    [
      [
        'route',
        'n',
        'learner object p50 / p99',
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
        x.learnerCpuMs ? `${x.learnerCpuMs.median} / ${x.learnerCpuMs.p99}` : '–',
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
        '',
        round(r.cold.exam),
        ...Array(8).fill(''),
      ],
      [
        'first start attempt (60 questions not yet cached: KV bulk reads)',
        1,
        '',
        round(r.cold.start),
        ...Array(8).fill(''),
      ],
      [
        'first submit of the isolate (its grading code runs for the first time)',
        1,
        '',
        round(r.cold.submit),
        ...Array(8).fill(''),
      ],
    ],
  );

  const returning = r.startReturning;
  const startReturning = {
    worker: { median: round(median(returning.perRequest)), p99: round(percentile(returning.perRequest, 99)) },
    learner: returning.learner
      ? {
          median: round(median(returning.learner.perRequest)),
          p99: round(percentile(returning.learner.perRequest, 99)),
        }
      : null,
    hotFunctions: returning.hotFunctions,
  };
  printTable('Start attempt (60 q) by returning learners (their objects exist), ms', [
    ['', 'Worker isolate p50 / p99', 'learner object p50 / p99', 'Worker: top self time'],
    [
      LABELS.start,
      `${startReturning.worker.median} / ${startReturning.worker.p99}`,
      startReturning.learner ? `${startReturning.learner.median} / ${startReturning.learner.p99}` : '–',
      startReturning.hotFunctions
        .slice(0, 4)
        .map((h) => `${h.fn} ${h.msPerRequest}`)
        .join(' · '),
    ],
  ]);

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
      ...routes
        .filter((x) => x.learnerCpuMs && x.learnerCpuMs.median > 0)
        .map((x) => [
          `${x.label}: learner object`,
          (x.learnerCpuMs?.hotFunctions ?? [])
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

  // Every route, and the start of returning learners as well as new ones.
  const medians = [
    ...routes.filter((x) => x.route !== 'bare').map((x) => x.isolateCpuMs.median),
    startReturning.worker.median,
  ];
  const targets = {
    cpuMedianUnder2ms: medians.every((ms) => ms < 2),
    cpuMedianUnder2msCalibrated: medians.every((ms) => ms * r.profilerFactor < 2),
    cpuP99Under10ms: [...routes.map((x) => x.isolateCpuMs.p99), startReturning.worker.p99].every(
      (ms) => ms < 10,
    ),
    /** The learner object's own CPU per call (null: it ran in the Worker's isolate). */
    learnerMedianUnder2ms: routes.some((x) => x.learnerCpuMs)
      ? [...routes.map((x) => x.learnerCpuMs?.median ?? 0), startReturning.learner?.median ?? 0].every(
          (ms) => ms < 2,
        )
      : null,
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
    [
      'every route: median CPU of the learner object < 2 ms (its own process)',
      targets.learnerMedianUnder2ms === null ? 'not measured apart' : yes(targets.learnerMedianUnder2ms),
    ],
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
      startReturning,
    },
    load: loads.map((l) => ({ route: l.route, label: l.label, ...l.result, ratioToBare: l.ratio })),
    targets,
  };
}
