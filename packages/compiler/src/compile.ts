/**
 * The whole pipeline: per-file phase (pure, parallelisable, cached) → link phase → bundle.
 *
 * Per file: compileFile (parse, extract, render) and prepareFile (validate and serialize each
 * entity), in worker threads for large inputs, reused from a FileCache when the file's bytes
 * and the compiler are unchanged. Then linkFiles checks what spans files, and assembleBundle
 * concatenates the prepared JSON into the bundle files (same bytes as
 * serializeBundle(buildBundle(model))).
 */
import { readFileSync } from 'node:fs';
import { assembleBundle, type BundleOutput, outputToBundle } from './bundle/assemble.js';
import type { Bundle } from './bundle/build.js';
import { compileAndPrepare, type PreparedFile } from './bundle/prepare.js';
import type { FileCache } from './cache/file-cache.js';
import { type Diagnostic, diagnostic } from './diagnostics.js';
import { linkFiles } from './link/index.js';
import { type Asset, loadAssets } from './source/assets.js';
import { applyContexts } from './source/context.js';
import { classify, loadContent, type SourceFile } from './source/load.js';
import { type Job, prepareInWorkers, threadsFor } from './threads/pool.js';
import { tidyDiagnostics } from './tidy-diagnostics.js';

export interface CompileOptions {
  /** How to name the content dir in tree-level diagnostics (default '.'). */
  root?: string;
  /** Overrides the `generator` string (tests). */
  generator?: string;
  /**
   * Threads for the per-file phase of compileContent: 1 compiles in this thread; the default
   * uses os.availableParallelism() worker threads when there is enough to parse (see threads/pool.ts).
   */
  jobs?: number | undefined;
  /** Reuses per-file results by content hash (memory, and disk when the cache has a dir). */
  cache?: FileCache | undefined;
  /**
   * compileSources: the local files (images…) the sources may link to; absent, local links are
   * not checked. compileContent reads them from the content dir.
   */
  assets?: readonly Asset[] | undefined;
}

export interface CompileResult {
  /** Every diagnostic of the run, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Present iff there are no errors (decoded from `output` on first access). */
  readonly bundle: Bundle | undefined;
  /** The bundle files' exact bytes; present iff there are no errors. What the CLI writes. */
  output: BundleOutput | undefined;
  /** Content files seen (readable or not). */
  files: number;
  questions: number;
  /** Source texts by content-relative path, for code frames. */
  sources: Map<string, string>;
  /** Milliseconds spent per phase (load, perFile, link, assemble), for benchmarks and --watch. */
  timings: Timings;
}

export interface Timings {
  /** Listing, reading, decoding and hashing the sources (compileContent only). */
  load: number;
  /** The per-file phase: cache lookups plus compiling what missed. */
  perFile: number;
  /** Cross-file checks. */
  link: number;
  /** Building the bundle bytes and the content hash. */
  assemble: number;
  /** Files compiled in this build (cache misses) and the threads they ran on. */
  compiled: number;
  threads: number;
  /** Worker threads that failed (their files were compiled in the main thread): why, each. */
  workerFailures: string[];
}

export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

export const GENERATOR = `examdown ${VERSION}`;

/** Compiles in-memory sources (paths content-relative, posix), in this thread. */
export function compileSources(sources: readonly SourceFile[], options: CompileOptions = {}): CompileResult {
  const started = performance.now();
  const timings = newTimings();
  const { cache } = options;
  const textKeys = new Map(
    sources.flatMap((s) => (cache ? [[s.path, cache.key(s.path, s.text)] as const] : [])),
  );
  const { sources: withContext, keys } = applyContexts(sources, textKeys, options.assets);
  cache?.begin();
  const phase = perFilePhase(withContext, keys, cache);
  const prepared = phase.finish(compileInThread(phase.jobs));
  timings.compiled = phase.jobs.length;
  timings.perFile = performance.now() - started;
  return finish({ prepared, sources, fileCount: sources.length, options, timings, assets: options.assets });
}

/** Reads and compiles a content directory. */
export async function compileContent(dir: string, options: CompileOptions = {}): Promise<CompileResult> {
  const { cache } = options;
  let started = performance.now();
  const timings = newTimings();
  cache?.begin();
  const loaded = await loadContent(dir, options.root ?? dir, { cache });
  const assets = options.assets ?? loadAssets(dir);
  const { sources, keys } = applyContexts(loaded.sources, loaded.keys, assets);
  timings.load = performance.now() - started;
  started = performance.now();
  const phase = perFilePhase(sources, keys, cache);
  const { jobs } = phase;
  const bytes = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const threads = threadsFor(bytes, jobs.length, options.jobs);
  const fresh =
    jobs.length > 0 && threads > 1
      ? await prepareInWorkers(jobs, threads, cache?.diskDir())
      : compileInThread(jobs);
  const prepared = phase.finish(fresh);
  timings.compiled = jobs.length;
  timings.threads = fresh.threads;
  timings.workerFailures = fresh.workerFailures;
  timings.perFile = performance.now() - started;
  return finish({
    prepared,
    loadDiagnostics: loaded.diagnostics,
    sources: loaded.sources,
    fileCount: loaded.fileCount,
    options: { root: dir, ...options },
    timings,
    assets,
  });
}

function newTimings(): Timings {
  return { load: 0, perFile: 0, link: 0, assemble: 0, compiled: 0, threads: 1, workerFailures: [] };
}

type Compiled = Awaited<ReturnType<typeof prepareInWorkers>>;

function compileInThread(jobs: readonly Job[]): Compiled {
  return {
    results: jobs.map((job) => compileAndPrepare(job)),
    persisted: jobs.map(() => false),
    threads: 1,
    workerFailures: [],
  };
}

/**
 * The per-file phase of a build the cache has begun: cache hits are taken, the misses become
 * `jobs` (to be compiled in this thread or in workers), and `finish` stores their results, ends
 * the cache's build and returns every file's result in source order.
 */
function perFilePhase(
  sources: readonly SourceFile[],
  keys: ReadonlyMap<string, string>,
  cache: FileCache | undefined,
): { jobs: Job[]; finish(fresh: Compiled): PreparedFile[] } {
  const prepared = sources.map((source) => {
    const key = keys.get(source.path);
    return cache && key ? cache.get(key, source.path) : undefined;
  });
  const misses = prepared.flatMap((hit, i) => (hit ? [] : [i]));
  const jobs = misses.map((i) => {
    const source = sources[i] as SourceFile;
    return { path: source.path, text: source.text, context: source.context, key: keys.get(source.path) };
  });
  return {
    jobs,
    finish(fresh) {
      misses.forEach((sourceIndex, k) => {
        const result = fresh.results[k] as PreparedFile;
        prepared[sourceIndex] = result;
        const key = jobs[k]?.key;
        if (cache && key) cache.set(key, result, fresh.persisted[k]);
      });
      cache?.end();
      return prepared as PreparedFile[];
    },
  };
}

interface FinishInput {
  prepared: PreparedFile[];
  /** Problems found while reading the content dir (unreadable files, a missing dir). */
  loadDiagnostics?: Diagnostic[];
  sources: readonly SourceFile[];
  fileCount: number;
  options: CompileOptions;
  timings: Timings;
  /** The local files links may point at; the ones the content uses go into the bundle. */
  assets?: readonly Asset[] | undefined;
}

/** The whole-content phases (link, assemble) and the result. */
function finish({
  prepared,
  loadDiagnostics = [],
  sources,
  fileCount,
  options,
  timings,
  assets,
}: FinishInput): CompileResult {
  const diagnostics: Diagnostic[] = [...loadDiagnostics];
  const content = sources.filter((s) => classify(s.path) !== undefined);
  const relevant = prepared.filter((p) => classify(p.result.path) !== undefined);
  if (content.length === 0 && loadDiagnostics.length === 0) {
    diagnostics.push(
      diagnostic(
        options.root ?? '.',
        'content-empty',
        'no content: expected Markdown files under exams/, guides/ and questions/<exam-id>/',
      ),
    );
  }
  for (const file of relevant) diagnostics.push(...file.result.diagnostics);

  let output: BundleOutput | undefined;
  let questions = 0;
  try {
    let started = performance.now();
    const linked = linkFiles(relevant.map((p) => p.result));
    diagnostics.push(...linked.diagnostics);
    questions = linked.model.questions.size;
    timings.link = performance.now() - started;
    started = performance.now();
    if (!diagnostics.some((d) => d.severity === 'error')) {
      output = assembleBundle(
        relevant,
        linked.model,
        options.generator ?? GENERATOR,
        options.cache?.hashMemo,
      );
      if (assets) output.assets = usedAssets(relevant, assets);
    }
    timings.assemble = performance.now() - started;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push(diagnostic(options.root ?? '.', 'internal-error', `internal compiler error: ${reason}`));
    output = undefined;
  }

  const unique = tidyDiagnostics(diagnostics, sources);
  const errors = unique.filter((d) => d.severity === 'error').length;
  const final = errors === 0 ? output : undefined;
  // The Bundle object is only built when someone asks for it (the CLI writes `output`).
  let bundle: Bundle | undefined;
  return {
    diagnostics: unique,
    errors,
    warnings: unique.length - errors,
    get bundle() {
      if (final && !bundle) bundle = outputToBundle(final);
      return bundle;
    },
    output: final,
    files: fileCount,
    questions,
    sources: new Map(sources.map((s) => [s.path, s.text])),
    timings,
  };
}

/** The assets some file links to, by bundle name. */
function usedAssets(files: readonly PreparedFile[], assets: readonly Asset[]): Record<string, Uint8Array> {
  const used = new Set(files.flatMap((f) => f.result.assets ?? []));
  const out: Record<string, Uint8Array> = {};
  for (const asset of assets) if (used.has(asset.name)) out[asset.name] = asset.bytes;
  return out;
}
