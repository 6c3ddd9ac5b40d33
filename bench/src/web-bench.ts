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
 *   node bench/src/web-bench.ts [--runs 15] [--build] [--quick]
 *
 * Prints tables and writes bench/results/web.json.
 */
/// <reference lib="dom" />
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DEFAULT_API_BENCH } from './api-bench.ts';
import { ensureBank, ensureState } from './edge/bank.ts';
import {
  log,
  machine,
  median,
  percentile,
  printTable,
  ROOT,
  round,
  run,
  takeTables,
  WEB_DIR,
  writeResults,
} from './edge/common.ts';
import { buildWorker, startWorker } from './edge/worker.ts';
import type { Benchmark, BenchReport, RunOptions } from './main.ts';

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

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function webSizes(): { files: FileSize[]; js: FileSize; css: FileSize } {
  const dist = path.join(WEB_DIR, 'dist');
  const files: FileSize[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|mjs|css)$/.test(name)) {
        const data = readFileSync(full);
        files.push({
          file: path.relative(dist, full),
          bytes: data.length,
          gzipBytes: gzipSync(data, { level: 9 }).length,
        });
      }
    }
  };
  walk(dist);
  const total = (ext: RegExp, label: string): FileSize => {
    const chosen = files.filter((f) => ext.test(f.file));
    return {
      file: label,
      bytes: chosen.reduce((s, f) => s + f.bytes, 0),
      gzipBytes: chosen.reduce((s, f) => s + f.gzipBytes, 0),
    };
  };
  return { files, js: total(/\.m?js$/, 'all JS'), css: total(/\.css$/, 'all CSS') };
}

const kib = (bytes: number) => round(bytes / 1024, 1);

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
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const pages = {
      exam: { cold: [] as number[], warm: [] as number[], fcp: [] as number[] },
      attempt: { cold: [] as number[], warm: [] as number[], fcp: [] as number[] },
    };
    // A first, unmeasured visit so that the Worker's isolate and caches are warm.
    await measure(browser, worker.url, `/exams/${exam.id}`, 'exam');
    for (let i = 0; i < options.runs; i++) {
      const examRun = await measure(browser, worker.url, `/exams/${exam.id}`, 'exam');
      pages.exam.cold.push(examRun.cold);
      pages.exam.warm.push(examRun.warm);
      pages.exam.fcp.push(examRun.fcp);
      const attempt = await startAttempt(worker.url, exam.id);
      const attemptRun = await measure(browser, worker.url, `/attempts/${attempt.id}`, 'attempt', attempt);
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

/** What the page waits for: the exam page's start button, or the attempt's first enabled option. */
const READY: Record<'exam' | 'attempt', string> = {
  exam: 'button.btn-primary',
  attempt: 'input[type="radio"]:enabled, input[type="checkbox"]:enabled',
};

async function measure(
  browser: import('playwright-core').Browser,
  base: string,
  pathname: string,
  kind: 'exam' | 'attempt',
  attempt?: { id: string; token: string; examId: string; deadline: string | null },
): Promise<{ cold: number; warm: number; fcp: number }> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(
      ({ selector, stored }) => {
        if (stored) {
          localStorage.setItem(
            'examdown:attempts',
            JSON.stringify({
              [stored.id]: {
                id: stored.id,
                token: stored.token,
                examId: stored.examId,
                mode: 'exam',
                startedAt: new Date().toISOString(),
                deadline: stored.deadline,
              },
            }),
          );
        }
        const w = window as unknown as { __ready?: number };
        const check = () => {
          if (w.__ready === undefined && document.querySelector(selector)) w.__ready = performance.now();
        };
        new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
      },
      { selector: READY[kind], stored: attempt ?? null },
    );
    const page = await context.newPage();
    const ready = async () => {
      await page.waitForFunction(
        () => (window as unknown as { __ready?: number }).__ready !== undefined,
        null,
        {
          timeout: 30_000,
          polling: 10,
        },
      );
      return page.evaluate(() => (window as unknown as { __ready: number }).__ready);
    };
    await page.goto(pathname);
    const cold = await ready();
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    await page.reload();
    const warm = await ready();
    return { cold, warm, fcp };
  } finally {
    await context.close();
  }
}

async function startAttempt(base: string, examId: string) {
  const res = await fetch(`${base}/api/v1/exams/${examId}/attempts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"mode":"exam"}',
  });
  if (res.status !== 201) throw new Error(`start: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; token: string; deadline: string | null };
  return { id: body.id, token: body.token, examId, deadline: body.deadline };
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
    const bank = options.quick ? { guides: 100, questions: 1000, seed: 1 } : DEFAULT_WEB_BENCH.bank;
    const { json, tables } = await runWebBench({ ...DEFAULT_WEB_BENCH, runs, bank });
    return { title: 'Web client', table: tables.join('\n\n'), notes: WEB_NOTES, json };
  },
};

export const WEB_NOTES = [
  'gzip at level 9 of the built files (apps/web/dist); the browser gets them from Workers Static Assets.',
  'interactive: ms from navigation start until the element exists (MutationObserver installed before any page script); cold = fresh browser context, reload = same context; against wrangler dev with the benchmark bank (10,000 questions; 1,000 with --quick).',
];

if (import.meta.main) {
  const { json, tables } = await runWebBench(parseWebBenchArgs(process.argv.slice(2)));
  console.log(tables.join('\n\n'));
  console.log(`\n${WEB_NOTES.map((n) => `- ${n}`).join('\n')}`);
  console.log(`\nwrote ${writeResults('web', json)}`);
}
