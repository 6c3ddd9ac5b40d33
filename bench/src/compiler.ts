/**
 * The compiler benchmark. On one generated corpus, in one run:
 *
 * (a) the bare parse (bare-parse.ts: read + unified/remark/gfm/frontmatter/directive, one thread);
 * (b) the full `examdown build --no-cache` (default threads) and `--jobs 1`;
 * (c) rebuilds after editing one question file: the CLI re-run with its on-disk cache, and
 *     `examdown build --watch` (in-memory cache), as reported by examdown itself.
 *
 * (a) and (b) alternate, in a rotating order, for several repetitions; every figure is a
 * median. Also: the cold build of the real content in packages/content, and checks that the
 * parallel, serial, cached and watch builds write byte-identical bundles.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Editor } from './compiler/editor.ts';
import { Measures } from './compiler/measures.ts';
import { DEFAULT_CORPUS, generateCorpus, QUICK_CORPUS } from './corpus.ts';
import type { Benchmark, BenchReport, RunOptions } from './main.ts';
import { CLI, checkExit, environment, LineWatcher, ms, REPO, runNode, treeHash, yes } from './util.ts';

const BARE_PARSE = path.join(REPO, 'bench/src/bare-parse.ts');

export const compilerBenchmark: Benchmark = {
  name: 'compiler',
  description: 'examdown build against the bare parse, and rebuilds after one edit',
  run,
};

async function run(options: RunOptions): Promise<BenchReport> {
  const corpusOptions = options.quick ? QUICK_CORPUS : DEFAULT_CORPUS;
  const reps = options.reps ?? (options.quick ? 5 : 3);
  const edits = options.quick ? 7 : 9;
  const work = mkdtempSync(path.join(tmpdir(), 'examdown-bench-'));
  const log = options.log;
  try {
    log(
      `generating corpus: ${corpusOptions.guides} guides, ${corpusOptions.questions} questions (seed ${corpusOptions.seed})`,
    );
    const corpus = generateCorpus({ ...corpusOptions, out: path.join(work, 'corpus') });
    log(`corpus: ${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${corpus.dir}`);
    const dir = corpus.dir;
    const out = (name: string) => path.join(work, name);
    const measures = new Measures();

    // (a) and (b), alternating in a rotating order.
    const bareParse: number[] = [];
    const bareWall: number[] = [];
    const full: number[] = [];
    const serial: number[] = [];
    const steps: Array<() => Promise<void>> = [
      async () => {
        const r = checkExit(await runNode([BARE_PARSE, dir]), 'bare parse');
        const inner = JSON.parse(r.stdout) as { parseMs: number; files: number };
        if (inner.files !== corpus.files)
          throw new Error(`bare parse saw ${inner.files} files, not ${corpus.files}`);
        bareParse.push(inner.parseMs);
        bareWall.push(r.ms);
      },
      async () => {
        full.push(
          checkExit(await runNode([CLI, 'build', dir, '--out', out('full'), '--no-cache']), 'full build').ms,
        );
      },
      async () => {
        const r = await runNode([CLI, 'build', dir, '--out', out('serial'), '--no-cache', '--jobs', '1']);
        serial.push(checkExit(r, 'serial build').ms);
      },
    ];
    for (let rep = 0; rep < reps; rep++) {
      for (let k = 0; k < steps.length; k++) await (steps[(rep + k) % steps.length] as () => Promise<void>)();
      log(
        `rep ${rep + 1}/${reps}: bare parse ${ms(bareParse.at(-1) ?? Number.NaN)} (process ${ms(bareWall.at(-1) ?? Number.NaN)}), ` +
          `build ${ms(full.at(-1) ?? Number.NaN)}, --jobs 1 ${ms(serial.at(-1) ?? Number.NaN)}`,
      );
    }
    const counts = { files: corpus.files, questions: corpus.questions };
    const threads = availableParallelism();
    measures.add({
      id: 'bareParse',
      label: 'Bare parse, 1 thread (parse time only)',
      command: `node bench/src/bare-parse.ts <corpus>  → parseMs`,
      samples: bareParse,
      ...counts,
    });
    const bare = measures.add({
      id: 'bareParseProcess',
      label: 'Bare parse process (start-up + read + parse)',
      command: 'node bench/src/bare-parse.ts <corpus>',
      samples: bareWall,
      ...counts,
    });
    const fullBuild = measures.add({
      id: 'fullBuild',
      label: `Full build, cold, no cache (${threads} threads)`,
      command: 'examdown build <corpus> --out <dir> --no-cache',
      samples: full,
      ...counts,
    });
    const serialBuild = measures.add({
      id: 'fullBuildSerial',
      label: 'Full build, cold, no cache, 1 thread',
      command: 'examdown build <corpus> --out <dir> --no-cache --jobs 1',
      samples: serial,
      ...counts,
    });
    const ratio = fullBuild.median / bare.median;
    const serialRatio = serialBuild.median / bare.median;

    // (c) CLI re-runs with the on-disk cache.
    const cacheDir = out('cache');
    const cachedRun = () => runNode([CLI, 'build', dir, '--out', out('cached'), '--cache-dir', cacheDir]);
    log('first build writing the disk cache …');
    const first = checkExit(await cachedRun(), 'first cached build');
    measures.add({
      id: 'firstBuildWritingCache',
      label: 'First build, writing the disk cache',
      command: 'examdown build <corpus> --out <dir> --cache-dir <cache>',
      samples: [first.ms],
      ...counts,
    });
    const unchanged: number[] = [];
    for (let i = 0; i < reps; i++) unchanged.push(checkExit(await cachedRun(), 'cached build').ms);
    measures.add({
      id: 'cliNoChange',
      label: 'CLI re-run, nothing changed (disk cache)',
      command: 'examdown build <corpus> --out <dir> --cache-dir <cache>',
      samples: unchanged,
      ...counts,
    });
    const identical = {
      parallelVsSerial: treeHash(out('full')) === treeHash(out('serial')),
      cachedVsUncached: treeHash(out('cached')) === treeHash(out('full')),
      watchVsUncached: false,
    };
    const editor = new Editor(corpus);
    const cliEdits: number[] = [];
    for (let i = 0; i < edits; i++) {
      editor.edit();
      cliEdits.push(checkExit(await cachedRun(), 'cached build after an edit').ms);
    }
    measures.add({
      id: 'cliRebuildOneEdit',
      label: 'CLI re-run after editing one question file (disk cache)',
      command: 'edit one bank file; examdown build <corpus> --out <dir> --cache-dir <cache>',
      samples: cliEdits,
      files: 1,
    });

    // (c) watch mode: examdown's own figure ("build ok in N ms") and edit-to-rebuilt wall time.
    log('watch mode …');
    const watcher = new LineWatcher(
      [CLI, 'build', dir, '--out', out('watch'), '--cache-dir', cacheDir, '--watch'],
      { EXAMDOWN_TIMINGS: '1' },
    );
    const reported: number[] = [];
    const wall: number[] = [];
    const breakdown: string[] = [];
    try {
      let seen = (await watcher.waitFor(/\[examdown\] build \w+ in \d+ ms/, 0, 600_000)).index;
      // Let the session warm up (it stops warming as soon as an edit arrives anyway).
      await sleep(options.quick ? 2500 : 5000);
      for (let i = 0; i < edits; i++) {
        const started = performance.now();
        editor.edit();
        const seenLine = await watcher.waitFor(/\[examdown\] build \w+ in \d+ ms/, seen + 1, 120_000);
        seen = seenLine.index;
        if (!/build ok/.test(seenLine.line)) throw new Error(`watch rebuild failed: ${seenLine.line}`);
        reported.push(Number(/in (\d+) ms/.exec(seenLine.line)?.[1]));
        wall.push(seenLine.at - started);
        breakdown.push(seenLine.line.replace(/^.*watching for changes ?/, ''));
        await sleep(800);
      }
    } finally {
      watcher.stop();
    }
    const lastMarker = editor.lastMarker();
    const watchQuestions = readFileSync(path.join(out('watch'), 'public/questions.json'), 'utf8');
    if (!watchQuestions.includes(lastMarker))
      throw new Error('the watch bundle does not contain the last edit');
    checkExit(
      await runNode([CLI, 'build', dir, '--out', out('after'), '--no-cache']),
      'uncached build after edits',
    );
    identical.watchVsUncached = treeHash(out('watch')) === treeHash(out('after'));
    const rebuild = measures.add({
      id: 'watchRebuildOneEdit',
      label: 'Watch rebuild after editing one question file (examdown’s figure)',
      command: 'examdown build <corpus> --watch; edit one bank file; "[examdown] build ok in N ms"',
      samples: reported,
      files: 1,
      target: '< 300 ms',
    });
    rebuild.met = rebuild.median < 300;
    measures.add({
      id: 'watchEditToRebuilt',
      label: 'Watch: file written → rebuild reported (incl. 100 ms debounce)',
      command: 'same session, wall time seen by the editing process',
      samples: wall,
      files: 1,
    });

    // The real content, cold.
    const content = path.join(REPO, 'packages/content');
    const real: number[] = [];
    let realQuestions = 0;
    let realFiles = 0;
    for (let i = 0; i < Math.max(reps, 5); i++) {
      const r = checkExit(
        await runNode([CLI, 'build', content, '--out', out('real'), '--no-cache']),
        'real content',
      );
      real.push(r.ms);
      const m = /in (\d+) files[\s\S]*\((\d+) exams, (\d+) guides, (\d+) questions\)/.exec(r.stdout);
      realFiles = Number(m?.[1] ?? 0);
      realQuestions = Number(m?.[4] ?? 0);
    }
    measures.add({
      id: 'realContentCold',
      label: `Real content (packages/content), cold CLI build`,
      command: 'examdown build packages/content --out <dir> --no-cache',
      samples: real,
      files: realFiles,
      questions: realQuestions,
    });

    const table = measures.table(ratio, serialRatio);
    const notes = [
      `corpus: ${corpus.exams} exams, ${corpus.guides} guides, ${corpus.questions} questions, ${corpus.files} files, ` +
        `${(corpus.bytes / 1e6).toFixed(1)} MB (seed ${corpusOptions.seed}); ${reps} repetitions, ${edits} edits`,
      `watch rebuild breakdown (last): ${breakdown.at(-1) ?? '–'}`,
      `identical bundles: parallel = serial ${yes(identical.parallelVsSerial)}, cached = uncached ${yes(identical.cachedVsUncached)}, ` +
        `watch = fresh build ${yes(identical.watchVsUncached)}`,
    ];
    if (!identical.parallelVsSerial || !identical.cachedVsUncached || !identical.watchVsUncached) {
      throw new Error(`bundles differ: ${JSON.stringify(identical)}`);
    }
    return {
      title: 'Compiler',
      table,
      notes,
      json: {
        environment: environment(),
        corpus: { ...corpusOptions, ...omit(corpus, 'bankFiles', 'dir') },
        repetitions: reps,
        edits,
        ratio: { fullOverBare: ratio, serialOverBare: serialRatio, target: 1.5, met: ratio <= 1.5 },
        rebuild: { medianMs: rebuild.median, target: 300, met: rebuild.met, breakdown },
        identical,
        measures: measures.list,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function omit<T extends object>(value: T, ...keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k))) as Partial<T>;
}
