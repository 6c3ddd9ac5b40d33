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
import type { Bundle } from './bundle/build.js';
import { compareDiagnostics, type Diagnostic, diagnostic } from './diagnostics.js';
import { linkFiles } from './link/index.js';
import { assembleBundle, type BundleOutput, outputToBundle } from './pipeline/assemble.js';
import type { FileCache } from './pipeline/cache.js';
import { prepareInWorkers, threadsFor } from './pipeline/pool.js';
import { compileAndPrepare, type PreparedFile } from './pipeline/prepare.js';
import { classify, loadContent, type SourceFile } from './source/load.js';

export interface CompileOptions {
  /** How to name the content dir in tree-level diagnostics (default '.'). */
  root?: string;
  /** Overrides the `generator` string (tests). */
  generator?: string;
  /**
   * Threads for the per-file phase of compileContent: 1 compiles in this thread; the default
   * uses os.availableParallelism() worker threads when there is enough to parse (see pool.ts).
   */
  jobs?: number | undefined;
  /** Reuses per-file results by content hash (memory, and disk when the cache has a dir). */
  cache?: FileCache | undefined;
}

export interface CompileResult {
  /** Every diagnostic of the run, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Present iff there are no errors (decoded from `output` on first access). */
  bundle: Bundle | undefined;
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
  const { cache } = options;
  const started = performance.now();
  const timings: Timings = { load: 0, perFile: 0, link: 0, assemble: 0, compiled: 0, threads: 1 };
  cache?.begin();
  const prepared = sources.map((source) => {
    const key = cache?.key(source.path, source.text);
    const hit = cache && key ? cache.get(key, source.path) : undefined;
    if (hit) return hit;
    const fresh = compileAndPrepare(source);
    timings.compiled++;
    if (cache && key) cache.set(key, fresh);
    return fresh;
  });
  cache?.end();
  timings.perFile = performance.now() - started;
  return finish(prepared, [], sources, sources.length, options, timings);
}

/** Reads and compiles a content directory. */
export async function compileContent(dir: string, options: CompileOptions = {}): Promise<CompileResult> {
  const { cache } = options;
  let started = performance.now();
  const timings: Timings = { load: 0, perFile: 0, link: 0, assemble: 0, compiled: 0, threads: 1 };
  cache?.begin();
  const loaded = await loadContent(dir, options.root ?? dir, { cache });
  timings.load = performance.now() - started;
  started = performance.now();
  const prepared = new Array<PreparedFile | undefined>(loaded.sources.length);
  const misses: number[] = [];
  loaded.sources.forEach((source, i) => {
    const key = loaded.keys.get(source.path);
    const hit = cache && key ? cache.get(key, source.path) : undefined;
    if (hit) prepared[i] = hit;
    else misses.push(i);
  });
  if (misses.length > 0) {
    const jobs = misses.map((i) => {
      const source = loaded.sources[i] as SourceFile;
      return { path: source.path, text: source.text, key: loaded.keys.get(source.path) };
    });
    const bytes = jobs.reduce((sum, job) => sum + job.text.length, 0);
    const threads = threadsFor(bytes, jobs.length, options.jobs);
    timings.compiled = jobs.length;
    const fresh =
      threads > 1
        ? await prepareInWorkers(jobs, threads, cache?.diskDir())
        : {
            results: jobs.map((job) => compileAndPrepare(job)),
            persisted: jobs.map(() => false),
            threads: 1,
          };
    timings.threads = fresh.threads;
    misses.forEach((sourceIndex, k) => {
      const result = fresh.results[k] as PreparedFile;
      prepared[sourceIndex] = result;
      const key = jobs[k]?.key;
      if (cache && key) cache.set(key, result, fresh.persisted[k]);
    });
  }
  cache?.end();
  timings.perFile = performance.now() - started;
  return finish(
    prepared as PreparedFile[],
    loaded.diagnostics,
    loaded.sources,
    loaded.fileCount,
    { root: dir, ...options },
    timings,
  );
}

function finish(
  prepared: PreparedFile[],
  loadDiagnostics: Diagnostic[],
  sources: readonly SourceFile[],
  fileCount: number,
  options: CompileOptions,
  timings: Timings,
): CompileResult {
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
    }
    timings.assemble = performance.now() - started;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push(diagnostic(options.root ?? '.', 'internal-error', `internal compiler error: ${reason}`));
    output = undefined;
  }

  const unique = withinSources(dedupe(diagnostics), sources).sort(compareDiagnostics);
  const errors = unique.filter((d) => d.severity === 'error').length;
  const final = errors === 0 ? output : undefined;
  const result = {
    diagnostics: unique,
    errors,
    warnings: unique.length - errors,
    output: final,
    files: fileCount,
    questions,
    sources: new Map(sources.map((s) => [s.path, s.text])),
    timings,
  } as CompileResult;
  // The Bundle object is only built when someone asks for it (the CLI writes `output`).
  let bundle: Bundle | undefined;
  let decoded = false;
  Object.defineProperty(result, 'bundle', {
    enumerable: true,
    configurable: true,
    get() {
      if (!decoded) {
        bundle = final ? outputToBundle(final) : undefined;
        decoded = true;
      }
      return bundle;
    },
    set(value: Bundle | undefined) {
      bundle = value;
      decoded = true;
    },
  });
  return result;
}

/**
 * Defence in depth for the position contract (1 ≤ line ≤ lines, 1 ≤ column ≤ line length + 1,
 * end not before start): every rule computes its positions from the parser's, and the fuzz
 * tests check them, but a position outside its file must never reach an author or an editor.
 */
function withinSources(diagnostics: Diagnostic[], sources: readonly SourceFile[]): Diagnostic[] {
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  const lengths = new Map<string, number[]>();
  const lineLengths = (file: string): number[] | undefined => {
    let found = lengths.get(file);
    if (!found) {
      const text = texts.get(file);
      if (text === undefined) return undefined;
      found = text.split(/\r\n|\r|\n/).map((line) => line.length);
      lengths.set(file, found);
    }
    return found;
  };
  const clamp = (lines: number[], line: number, column: number) => {
    const l = Math.min(Math.max(1, Math.trunc(line) || 1), lines.length);
    const c = Math.min(Math.max(1, Math.trunc(column) || 1), (lines[l - 1] as number) + 1);
    return { line: l, column: c };
  };
  return diagnostics.map((d) => {
    if (d.line === undefined) return d;
    const lines = lineLengths(d.file);
    if (!lines) return d;
    const start = clamp(lines, d.line, d.column ?? 1);
    const fixed: Diagnostic = { ...d, line: start.line, column: start.column };
    delete fixed.endLine;
    delete fixed.endColumn;
    if (d.endLine !== undefined && d.endColumn !== undefined) {
      const end = clamp(lines, d.endLine, d.endColumn);
      if (end.line > start.line || (end.line === start.line && end.column >= start.column)) {
        fixed.endLine = end.line;
        fixed.endColumn = end.column;
      }
    }
    return fixed;
  });
}

/** One default pointing at a missing exam is one problem, however many questions inherit it. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
