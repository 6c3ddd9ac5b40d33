/**
 * Why two threads are barely faster than one (issue 14, item 5): the per-file phase of a cold
 * build on 1 and on N worker threads, with what each worker spends on starting (loading the
 * parser stack) and compiling, and the main thread's idle time while they work.
 *
 *   node bench/src/pool-profile.ts [--questions N] [--guides N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { compileContent } from '@examdown/compiler';
import { generateCorpus } from './corpus.ts';
import { REPO } from './util.ts';

const { values } = parseArgs({ options: { questions: { type: 'string' }, guides: { type: 'string' } } });
const work = mkdtempSync(path.join(tmpdir(), 'examdown-pool-'));
try {
  const corpus = generateCorpus({
    questions: Number(values.questions ?? 2000),
    guides: Number(values.guides ?? 200),
    seed: 1,
    out: path.join(work, 'corpus'),
  });
  // Worker start-up alone: a worker that loads the compiler's per-file module and answers once.
  const script = path.join(REPO, 'packages/compiler/dist/threads/worker.js');
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const w = new Worker(script);
    await new Promise<void>((resolve) => {
      w.once('message', () => resolve());
      w.postMessage({ jobs: [] });
    });
    starts.push(performance.now() - t0);
    await w.terminate();
  }
  const runs: Record<string, number[]> = { '1': [], [String(availableParallelism())]: [] };
  for (let rep = 0; rep < 3; rep++) {
    for (const jobs of Object.keys(runs)) {
      const t0 = performance.now();
      const elu0 = performance.eventLoopUtilization();
      const result = await compileContent(corpus.dir, { jobs: Number(jobs) });
      const elu = performance.eventLoopUtilization(elu0);
      (runs[jobs] as number[]).push(performance.now() - t0);
      if (rep === 0) {
        console.log(
          `jobs ${jobs}: perFile ${Math.round(result.timings.perFile)} ms, link ${Math.round(result.timings.link)} ms, ` +
            `assemble ${Math.round(result.timings.assemble)} ms, threads ${result.timings.threads}, main-thread busy ${(elu.utilization * 100).toFixed(0)}%`,
        );
      }
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const one = med(runs['1'] as number[]);
  const many = med(runs[String(availableParallelism())] as number[]);
  console.log(`corpus ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB`);
  console.log(`worker start-up (load the parser stack): ${starts.map((s) => Math.round(s)).join(', ')} ms`);
  console.log(
    `cold build: 1 thread ${Math.round(one)} ms, ${availableParallelism()} threads ${Math.round(many)} ms, ratio ${(many / one).toFixed(2)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
