/**
 * `npm run bench` — runs every registered benchmark, prints its table and writes its JSON to
 * bench/results/<name>.json (gitignored).
 *
 *   npm run bench                     the full corpus (1,000 guides / 10,000 questions)
 *   npm run bench -- --quick          a small corpus (100 guides / 1,000 questions)
 *   npm run bench -- --only compiler  one benchmark
 *   npm run bench -- --reps 5         repetitions per measure
 *
 * To add a benchmark (the API and web ones), implement `Benchmark` in its own module and add it
 * to BENCHMARKS below.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiBenchmark } from './api-bench.ts';
import { compilerBenchmark } from './compiler.ts';
import { previewBenchmark } from './preview-bench.ts';
import { siteBenchmark } from './site-bench.ts';
import { CLI, REPO } from './util.ts';
import { webBenchmark } from './web-bench.ts';

export interface RunOptions {
  /** Small inputs, for a quick look (and CI smoke runs). */
  quick: boolean;
  /** Repetitions per measure; each benchmark has its own default. */
  reps: number | undefined;
  /** Progress lines (stderr). */
  log: (line: string) => void;
}

export interface BenchReport {
  title: string;
  /** A Markdown-compatible table, printed as is. */
  table: string;
  /** Lines printed under the table. */
  notes: string[];
  /** Written to bench/results/<name>.json. */
  json: unknown;
}

export interface Benchmark {
  /** File name of the results, and the --only value. */
  name: string;
  description: string;
  run(options: RunOptions): Promise<BenchReport>;
}

export const BENCHMARKS: Benchmark[] = [
  compilerBenchmark,
  // The Worker and the web client (api-bench.ts, web-bench.ts; helpers in edge/).
  apiBenchmark,
  webBenchmark,
  // The public site: prerendered pages' JavaScript and Lighthouse (site-bench.ts).
  siteBenchmark,
  // Live preview (issue 14): file write → the API serves the change, through `npm run dev`.
  previewBenchmark,
];

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      reps: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      `Usage: npm run bench -- [--quick] [--only NAME]... [--reps N]\nBenchmarks: ${BENCHMARKS.map((b) => `${b.name} (${b.description})`).join('; ')}\n`,
    );
    return 0;
  }
  const reps = values.reps === undefined ? undefined : Number(values.reps);
  if (reps !== undefined && (!Number.isInteger(reps) || reps < 1)) {
    process.stderr.write(`bench: --reps needs a whole number >= 1, not '${values.reps}'\n`);
    return 2;
  }
  const selected = values.only ? BENCHMARKS.filter((b) => values.only?.includes(b.name)) : BENCHMARKS;
  if (selected.length === 0) {
    process.stderr.write(`bench: no benchmark named ${values.only?.join(', ')}\n`);
    return 2;
  }
  const resultsDir = path.join(REPO, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const options: RunOptions = {
    quick: values.quick ?? false,
    reps,
    log: (line) => process.stderr.write(`[bench] ${line}\n`),
  };
  options.log(`compiler: ${path.relative(REPO, CLI)}${options.quick ? ' (quick)' : ''}`);
  let failed = 0;
  for (const benchmark of selected) {
    options.log(`${benchmark.name}: ${benchmark.description}`);
    try {
      const report = await benchmark.run(options);
      const file = path.join(resultsDir, `${benchmark.name}.json`);
      writeFileSync(
        file,
        `${JSON.stringify({ benchmark: benchmark.name, quick: options.quick, date: new Date().toISOString(), ...(report.json as object) }, null, 2)}\n`,
      );
      process.stdout.write(
        `\n## ${report.title}\n\n${report.table}\n\n${report.notes.map((n) => `- ${n}`).join('\n')}\n`,
      );
      process.stdout.write(`\n(${path.relative(process.cwd(), file)})\n`);
    } catch (error) {
      failed++;
      process.stderr.write(
        `bench: ${benchmark.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
  }
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
