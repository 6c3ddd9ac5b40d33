/**
 * The web client benchmark:
 *
 *   1. Size: every JS and CSS file of apps/web/dist, raw and gzip (level 9), and the totals.
 *   2. Time to interactive in headless Chromium (/usr/bin/chromium via playwright-core), against
 *      the product's Worker under `wrangler dev` with the synthetic 10,000-question bank:
 *      - exam page (/exams/:examId): navigation start → the "Start timed exam" button is in the
 *        DOM (the blueprint has been fetched and rendered);
 *      - practice exam (/attempts/:id, an attempt started through the API, its token in
 *        localStorage as the client keeps it): navigation start → the first question's radio
 *        (or checkbox) is in the DOM and enabled.
 *      Each run is a fresh browser context (empty HTTP cache); "warm" is a reload in the same
 *      context. A MutationObserver installed before any page script records performance.now()
 *      (ms since navigation start) the moment the element appears. Median of N.
 *
 * Its steps are modules of web-bench/ (sizes, page timing); Chromium starts as in the browser tests.
 *
 *   node bench/src/web-bench.ts [--runs 15] [--build] [--quick]
 *
 * Prints tables and writes bench/results/web.json.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/support/chromium.ts';
import { DEFAULT_API_BENCH } from './api-bench.ts';
import { QUICK_CORPUS } from './corpus.ts';
import { apiClient } from './edge/api-client.ts';
import { ensureBank, ensureState } from './edge/bank.ts';
import {
  log,
  machine,
  median,
  percentile,
  printStandalone,
  printTable,
  ROOT,
  round,
  run,
  takeTables,
  WEB_DIR,
} from './edge/common.ts';
import { buildWorker, startWorker } from './edge/worker.ts';
import type { Benchmark, BenchReport, RunOptions } from './main.ts';
import { measurePage } from './web-bench/page-timing.ts';
import { kib, webSizes } from './web-bench/sizes.ts';

export interface WebBenchOptions {
  runs: number;
  /**
   * Rebuild apps/web first. Default: only when apps/web/dist is missing — the dist is shared with
   * whatever else runs the product here, so it is not rewritten under it without being asked.
   */
  build: boolean;
  /** The bank the pages run against (the API benchmark's corpus options). */
  bank: { guides: number; questions: number; seed: number };
}

export const DEFAULT_WEB_BENCH: WebBenchOptions = {
  runs: 15,
  build: false,
  bank: {
    guides: DEFAULT_API_BENCH.guides,
    questions: DEFAULT_API_BENCH.questions,
    seed: DEFAULT_API_BENCH.seed,
  },
};

export async function runWebBench(options: WebBenchOptions = DEFAULT_WEB_BENCH) {
  if (options.build || !existsSync(path.join(WEB_DIR, 'dist/index.html'))) {
    log('building apps/web (vite build) …');
    run(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: WEB_DIR });
  }
  const sizes = webSizes();
  printTable('Web client size (apps/web/dist), KiB', [
    ['file', 'raw', 'gzip -9'],
    ...sizes.files.map((f) => [f.file, kib(f.bytes), kib(f.gzipBytes)]),
    [sizes.js.file, kib(sizes.js.bytes), kib(sizes.js.gzipBytes)],
    [sizes.css.file, kib(sizes.css.bytes), kib(sizes.css.gzipBytes)],
  ]);

  const bank = ensureBank(options.bank);
  const exam = bank.exams.find((e) => e.questionCount === 60) ?? bank.exams[0];
  if (!exam) throw new Error('the bank has no exam');
  const stateDir = ensureState(bank);
  const worker = await startWorker(buildWorker('bench', 'bench-entry.ts'), stateDir);
  const browser = await launchChromium();
  try {
    const pages = {
      exam: { cold: [] as number[], warm: [] as number[], fcp: [] as number[] },
      attempt: { cold: [] as number[], warm: [] as number[], fcp: [] as number[] },
    };
    const api = apiClient(worker.url);
    // A first, unmeasured visit so that the Worker's isolate and caches are warm.
    await measurePage(browser, worker.url, `/exams/${exam.id}`, 'exam');
    for (let i = 0; i < options.runs; i++) {
      const examRun = await measurePage(browser, worker.url, `/exams/${exam.id}`, 'exam');
      pages.exam.cold.push(examRun.cold);
      pages.exam.warm.push(examRun.warm);
      pages.exam.fcp.push(examRun.fcp);
      const attempt = await api.start(exam.id);
      const attemptRun = await measurePage(
        browser,
        worker.url,
        `/attempts/${attempt.id}`,
        'attempt',
        attempt,
      );
      pages.attempt.cold.push(attemptRun.cold);
      pages.attempt.warm.push(attemptRun.warm);
      pages.attempt.fcp.push(attemptRun.fcp);
    }
    const summary = (xs: number[]) => ({ median: round(median(xs), 1), p90: round(percentile(xs, 90), 1) });
    const tti = {
      exam: { cold: summary(pages.exam.cold), warm: summary(pages.exam.warm), fcp: summary(pages.exam.fcp) },
      attempt: {
        cold: summary(pages.attempt.cold),
        warm: summary(pages.attempt.warm),
        fcp: summary(pages.attempt.fcp),
      },
    };
    printTable(
      `Time to interactive in headless Chromium, ms since navigation start (median / p90 of ${options.runs})`,
      [
        ['page', 'interactive (cold)', 'interactive (reload)', 'first contentful paint'],
        [
          `exam page /exams/:id ("Start timed exam" rendered)`,
          `${tti.exam.cold.median} / ${tti.exam.cold.p90}`,
          `${tti.exam.warm.median} / ${tti.exam.warm.p90}`,
          `${tti.exam.fcp.median} / ${tti.exam.fcp.p90}`,
        ],
        [
          'practice exam /attempts/:id (first radio enabled)',
          `${tti.attempt.cold.median} / ${tti.attempt.cold.p90}`,
          `${tti.attempt.warm.median} / ${tti.attempt.warm.p90}`,
          `${tti.attempt.fcp.median} / ${tti.attempt.fcp.p90}`,
        ],
      ],
    );
    const result = {
      sizes: {
        files: sizes.files,
        jsKiB: { raw: kib(sizes.js.bytes), gzip: kib(sizes.js.gzipBytes) },
        cssKiB: { raw: kib(sizes.css.bytes), gzip: kib(sizes.css.gzipBytes) },
      },
      tti: {
        runs: options.runs,
        examId: exam.id,
        bankQuestions: bank.manifest.counts.questions,
        ...tti,
        raw: pages,
      },
    };
    return { json: { ...result, options, machine: machine() }, tables: takeTables() };
  } finally {
    await browser.close();
    await worker.stop();
  }
}

export function parseWebBenchArgs(argv: string[]): WebBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      build: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
    },
    strict: false,
  });
  const runs =
    typeof values.runs === 'string' ? Number(values.runs) : values.quick ? 5 : DEFAULT_WEB_BENCH.runs;
  return { ...DEFAULT_WEB_BENCH, runs, build: values.build === true };
}

/** `npm run bench` (bench/src/main.ts): --reps sets the Chromium runs; --quick runs 5. */
export const webBenchmark: Benchmark = {
  name: 'web',
  description: 'web client: JS/CSS gzip size, time to interactive of the exam pages in headless Chromium',
  async run(options: RunOptions): Promise<BenchReport> {
    const runs = options.reps ?? (options.quick ? 5 : DEFAULT_WEB_BENCH.runs);
    const bank = options.quick ? QUICK_CORPUS : DEFAULT_WEB_BENCH.bank;
    const { json, tables } = await runWebBench({ ...DEFAULT_WEB_BENCH, runs, bank });
    return { title: 'Web client', table: tables.join('\n\n'), notes: WEB_NOTES, json };
  },
};

export const WEB_NOTES = [
  'gzip at level 9 of the built files (apps/web/dist); the browser gets them from Workers Static Assets.',
  'interactive: ms from navigation start until the element exists (MutationObserver installed before any page script); cold = fresh browser context, reload = same context; against wrangler dev with the benchmark bank (10,000 questions; 1,000 with --quick).',
];

if (import.meta.main) {
  printStandalone('web', await runWebBench(parseWebBenchArgs(process.argv.slice(2))), WEB_NOTES);
}
