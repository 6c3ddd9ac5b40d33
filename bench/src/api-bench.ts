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
 * Each step is a module of api-bench/; this one runs them in order on one Worker.
 *
 *   node bench/src/api-bench.ts [--questions 10000] [--guides 1000] [--seed 1] [--n 200]
 *                               [--submits 60] [--seconds 5] [--quick] [--fresh] [--cache-mb N]
 *
 * Prints tables and writes bench/results/api.json.
 */

import { measureCpu } from './api-bench/cpu-passes.ts';
import { measureDesigns } from './api-bench/designs.ts';
import { type LoadResults, measureLoad } from './api-bench/load-pass.ts';
import {
  type ApiBenchOptions,
  DEFAULT_API_BENCH,
  parseApiBenchArgs,
  QUICK_API_PASSES,
} from './api-bench/options.ts';
import { printCalibration, report } from './api-bench/report.ts';
import { QUICK_CORPUS } from './corpus.ts';
import { apiClient } from './edge/api-client.ts';
import { ensureBank, ensureState } from './edge/bank.ts';
import { log, machine, printStandalone, takeTables } from './edge/common.ts';
import { Inspector } from './edge/cpu.ts';
import { buildWorker, startWorker } from './edge/worker.ts';
import type { Benchmark, BenchReport, RunOptions } from './main.ts';

export { type ApiBenchOptions, DEFAULT_API_BENCH, parseApiBenchArgs } from './api-bench/options.ts';

export async function runApiBench(options: ApiBenchOptions = DEFAULT_API_BENCH) {
  const bank = ensureBank(options);
  const exam = bank.exams.find((e) => e.questionCount === 60) ?? bank.exams[0];
  if (!exam) throw new Error('the bank has no exam');
  log(
    `bank: ${bank.manifest.counts.questions} questions, ${bank.manifest.counts.guides} guides, exam ${exam.id}`,
  );

  // 1–2. Size and start-up of both designs.
  const designs = measureDesigns(bank);

  // 3–4. The running Worker.
  const stateDir = ensureState(bank);
  // Not minified (the product is): the same code, but the CPU profile can name its functions.
  const benchBuilt = buildWorker('bench', 'bench-entry.ts', {}, { minify: false });
  // The learner object in a process of its own, as production runs it apart: its own profiler.
  const worker = await startWorker(
    benchBuilt,
    stateDir,
    options.cacheMb ? { BENCH_CACHE_MB: String(options.cacheMb) } : {},
    { learnerProcess: true },
  );
  if (!worker.learner) throw new Error('the learner host did not start');
  log('connecting to the inspectors …');
  const inspector = await Inspector.connect(worker.proxyInspectorUrl);
  const learnerInspector = await Inspector.connect(worker.learner.inspectorUrl);
  try {
    const api = apiClient(worker.url);
    const bankIds = Object.values(bank.manifest.questionsByExam[exam.id] ?? {}).flat();
    const cpu = await measureCpu(
      api,
      inspector,
      worker.workerdPid,
      exam.id,
      bankIds,
      options,
      learnerInspector,
    );

    const load: LoadResults = { saveLoop: cpu.saveLoop };
    let loadError: string | undefined;
    try {
      await measureLoad(load, api, worker.url, exam.id, cpu.loadPool, options);
    } catch (err) {
      // Keep the CPU figures even if the load phase fails.
      loadError = err instanceof Error ? err.message : String(err);
      log(`req/s measurement failed: ${loadError}`);
    }

    const result = report({
      ...designs,
      bank,
      exam: exam.id,
      cold: cpu.cold,
      startReturning: cpu.startReturning,
      profiled: cpu.profiled,
      sched: cpu.sched,
      load,
      profilerFactor: cpu.calibration.profilerFactor,
    });
    printCalibration(cpu);
    return {
      json: {
        ...result,
        calibration: cpu.calibration,
        heapMiB: cpu.heapMiB,
        loadError,
        options,
        machine: machine(),
      },
      tables: takeTables(),
    };
  } finally {
    inspector.close();
    learnerInspector.close();
    await worker.stop();
  }
}

/** `npm run bench` (bench/src/main.ts): --quick runs the small corpus and fewer requests. */
export const apiBenchmark: Benchmark = {
  name: 'api',
  description:
    'the Worker at 10,000 questions: dry-run size, start-up, CPU per request in workerd, req/s over wrangler dev',
  async run(options: RunOptions): Promise<BenchReport> {
    const settings = options.quick
      ? {
          ...DEFAULT_API_BENCH,
          guides: QUICK_CORPUS.guides,
          questions: QUICK_CORPUS.questions,
          ...QUICK_API_PASSES,
        }
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
  'isolate CPU: V8 sampling profiler on the Worker isolate (the inspector proxy of wrangler dev), samples attributed to each request by its time window; excludes runtime HTTP work, miniflare entry/asset workers and the local D1/KV simulators; includes sampling overhead (see the spin check). The learner Durable Object is hosted by a second Worker of the same bundle in a second wrangler dev process, apart as in production (its creation and SQLite work run there), and profiled apart over the same windows.',
  'process CPU: kernel per-thread CPU of the workerd process (schedstat) per request — an upper bound that includes local D1 (SQLite) and KV simulation, which run outside the Worker in production.',
  'steady state: every question and key of the exam cached in the isolate (one check per question first); the cold rows are the first requests of a fresh isolate.',
];

if (import.meta.main) {
  printStandalone('api', await runApiBench(parseApiBenchArgs(process.argv.slice(2))), API_NOTES);
}
