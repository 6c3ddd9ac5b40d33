/**
 * Live preview latency (issue 14): the dev server (`apps/api/scripts/dev/main.ts`, what
 * `npm run dev` runs) on a content tree; one question's stem edited and saved, again and again;
 * measured from the file write until the API serves the new stem (incremental rebuild, entities
 * written to the local KV, pointer switched, Worker reads it). The page's own reload comes on top
 * (the browser test, tests/web/preview.test.ts, measures write → DOM on the shipped content).
 *
 * Trees: the shipped content, and the generated corpus (10,000 questions; 1,000 with --quick).
 */

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../tests/support/free-port.ts';
import { DEFAULT_CORPUS, generateCorpus, QUICK_CORPUS } from './corpus.ts';
import type { Benchmark, BenchReport, RunOptions } from './main.ts';
import { environment, median, ms, REPO, renderTable } from './util.ts';

const DEV_MAIN = path.join(REPO, 'apps/api/scripts/dev/main.ts');

export const previewBenchmark: Benchmark = {
  name: 'preview',
  description: 'live preview: file write → the API serves the change (npm run dev)',
  run,
};

async function run(options: RunOptions): Promise<BenchReport> {
  const work = mkdtempSync(path.join(tmpdir(), 'examdown-preview-bench-'));
  const edits = options.reps ?? (options.quick ? 5 : 7);
  try {
    const shipped = path.join(work, 'content');
    const source = path.join(REPO, 'packages/content');
    cpSync(source, shipped, {
      recursive: true,
      filter: (f) => !/[\\/](bundle|node_modules)([\\/]|$)/.test(path.relative(source, f)),
    });
    const corpusOptions = options.quick ? QUICK_CORPUS : DEFAULT_CORPUS;
    const corpus = generateCorpus({ ...corpusOptions, out: path.join(work, 'corpus') });
    const rows: Array<{ label: string; questions: number; startMs: number; latencies: number[] }> = [];
    for (const [label, dir, questions] of [
      ['shipped content', shipped, 0],
      [`corpus (${corpusOptions.questions} questions)`, corpus.dir, corpusOptions.questions],
    ] as const) {
      options.log(`preview: ${label}`);
      rows.push({
        label,
        questions,
        ...(await measure(dir, path.join(work, `state-${rows.length}`), edits, options.log)),
      });
    }
    const table = renderTable(
      ['content', 'dev server ready', 'write → API, median', 'runs'],
      rows.map((r) => [
        r.label,
        ms(r.startMs),
        ms(median(r.latencies)),
        r.latencies.map((x) => Math.round(x)).join(', '),
      ]),
    );
    return {
      title: 'Live preview: file write → the API serves the change',
      table,
      notes: [
        'Server side of the preview: incremental compile, changed entities to the local KV, pointer switch, Worker read.',
        'Targets (issue 14, write → DOM): ≤ 1 s shipped content, ≤ 2 s on the 10,000-question corpus; the page reload adds to these.',
      ],
      json: { rows, machine: environment() },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Starts the dev server on `dir`, edits one question `edits` times, returns the latencies. */
async function measure(dir: string, state: string, edits: number, log: (l: string) => void) {
  const { file, id } = firstQuestion(dir);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [DEV_MAIN], {
    cwd: path.join(REPO, 'apps/api'),
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore'],
    env: {
      ...process.env,
      PORT: String(port),
      EXAMDOWN_STATE_DIR: state,
      EXAMDOWN_CONTENT_DIR: dir,
      WRANGLER_SEND_METRICS: 'false',
    },
  });
  const url = `http://localhost:${port}/api/v1/questions/${id}`;
  try {
    await until(async () => (await fetch(url).catch(() => undefined))?.status === 200, 600_000);
    const startMs = performance.now() - started;
    const latencies: number[] = [];
    const original = readFileSync(file, 'utf8');
    for (let i = 1; i <= edits; i++) {
      const mark = `preview revision ${i}`;
      const t0 = performance.now();
      writeFileSync(file, original.replace(/(::::?question\{#[^}]*\}\n)/, `$1${mark}. `));
      await until(async () => {
        const res = await fetch(url, { headers: { 'cache-control': 'no-cache' } }).catch(() => undefined);
        return (
          res?.status === 200 &&
          ((await res.json()) as { stemHtml?: string }).stemHtml?.includes(mark) === true
        );
      }, 60_000);
      latencies.push(performance.now() - t0);
      log(`  edit ${i}: ${Math.round(latencies.at(-1) ?? 0)} ms`);
      await new Promise((r) => setTimeout(r, 300));
    }
    writeFileSync(file, original);
    return { startMs, latencies };
  } finally {
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** The first bank file with a directive question, and that question's id. */
export function firstQuestion(dir: string): { file: string; id: string } {
  const questions = path.join(dir, 'questions');
  for (const exam of readdirSync(questions).sort()) {
    for (const name of readdirSync(path.join(questions, exam)).sort()) {
      const file = path.join(questions, exam, name);
      const id = /::::?question\{#([a-z0-9-]+)/.exec(readFileSync(file, 'utf8'))?.[1];
      if (id) return { file, id };
    }
  }
  throw new Error(`no directive question under ${questions}`);
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
