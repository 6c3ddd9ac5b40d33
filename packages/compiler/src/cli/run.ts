/**
 * `examdown build|check [contentDir]` — the authors' command line.
 * Exit codes: 0 clean (warnings allowed), 1 errors (or too many warnings), 2 bad usage.
 */
import { watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type WrittenBundle, writeBundleOutput } from '../bundle/write.js';
import { type CompileResult, compileContent, type Timings, VERSION } from '../compile.js';
import { cacheDirIn, defaultCacheDir, FileCache } from '../pipeline/cache.js';
import { compileAndPrepare } from '../pipeline/prepare.js';
import { classify, isSkippedPath } from '../source/load.js';
import { formatJson, formatText } from './report.js';

const USAGE = `Usage: examdown <command> [contentDir] [options]

Commands:
  build [contentDir]     check the content and write the bundle (default contentDir: .)
  check [contentDir]     check the content, write nothing

Options:
  -o, --out DIR          bundle directory for build (default: bundle)
  -f, --format FORMAT    text (default) or json
  -w, --watch            re-run on every change
      --max-warnings N   exit 1 when there are more than N warnings
  -j, --jobs N           threads for parsing (default: one per core for large content)
      --no-cache         do not read or write the on-disk cache of per-file results
      --cache-dir DIR    where that cache lives (default: node_modules/.cache/examdown
                         of the nearest package.json above the content dir)
  -h, --help             show this help
  -v, --version          show the version
`;

class UsageError extends Error {}

interface Options {
  command: 'build' | 'check';
  contentDir: string;
  out: string;
  format: 'text' | 'json';
  watch: boolean;
  maxWarnings: number | undefined;
  jobs: number | undefined;
  cache: boolean;
  cacheDir: string | undefined;
}

function parse(argv: string[]): Options | 'help' | 'version' {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        out: { type: 'string'; short: 'o' };
        format: { type: 'string'; short: 'f' };
        watch: { type: 'boolean'; short: 'w' };
        'max-warnings': { type: 'string' };
        jobs: { type: 'string'; short: 'j' };
        'no-cache': { type: 'boolean' };
        'cache-dir': { type: 'string' };
        help: { type: 'boolean'; short: 'h' };
        version: { type: 'boolean'; short: 'v' };
      };
      allowPositionals: true;
      strict: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        watch: { type: 'boolean', short: 'w' },
        'max-warnings': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        'no-cache': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, contentDir = '.', ...extra] = positionals;
  if (command === undefined) throw new UsageError('missing command: build or check');
  if (command !== 'build' && command !== 'check') throw new UsageError(`unknown command '${command}'`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not '${format}'`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings needs a whole number >= 0, not '${values['max-warnings']}'`);
    }
  }
  if (values.out !== undefined && command !== 'build') throw new UsageError('--out only applies to build');
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) {
      throw new UsageError(`--jobs needs a whole number >= 1, not '${values.jobs}'`);
    }
  }
  if (values['no-cache'] && values['cache-dir'] !== undefined) {
    throw new UsageError('--no-cache and --cache-dir exclude each other');
  }
  return {
    command,
    contentDir,
    out: values.out ?? 'bundle',
    format,
    watch: values.watch ?? false,
    maxWarnings,
    jobs,
    cache: !values['no-cache'],
    cacheDir: values['cache-dir'],
  };
}

/** State kept between the runs of one process (watch mode): the caches and the last write. */
interface Session {
  cache: FileCache | undefined;
  written?: WrittenBundle | undefined;
  /** The sources of the last run (watch mode warms the compiler up on a few of them). */
  sources?: Map<string, string> | undefined;
  timings?: Timings | undefined;
}

function newSession(options: Options, watching: boolean): Session {
  const contentDir = path.resolve(options.contentDir);
  const dir = !options.cache
    ? undefined
    : options.cacheDir !== undefined
      ? cacheDirIn(options.cacheDir, contentDir)
      : defaultCacheDir(contentDir);
  // One-shot runs without a disk cache would only hash for nothing; watch mode always caches.
  const cache = watching || dir !== undefined ? new FileCache({ dir, trustStat: watching }) : undefined;
  return { cache };
}

/** One run: compile, report, maybe write. Returns the exit code. */
async function run(options: Options, session: Session): Promise<number> {
  const contentDir = path.resolve(options.contentDir);
  const result = await compileContent(contentDir, { root: '.', jobs: options.jobs, cache: session.cache });
  session.sources = result.sources;
  session.timings = result.timings;
  const reportOptions = { cwd: process.cwd(), contentDir };
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(
    options.format === 'json'
      ? formatJson(result, reportOptions)
      : formatText(result, { ...reportOptions, color }),
  );
  if (result.output && options.command === 'build') {
    const out = path.resolve(options.out);
    session.written = await writeBundleOutput(result.output, out, session.written);
    if (options.format === 'text') {
      process.stdout.write(`wrote ${path.relative(process.cwd(), out) || '.'} (${describe(result)})\n`);
    }
  }
  return exitCode(result, options);
}

function describe(result: CompileResult): string {
  const m = result.output?.manifest;
  return m ? `${m.counts.exams} exams, ${m.counts.guides} guides, ${m.counts.questions} questions` : '';
}

function exitCode(result: CompileResult, options: Options): number {
  if (result.errors > 0) return 1;
  if (options.maxWarnings !== undefined && result.warnings > options.maxWarnings) {
    process.stderr.write(
      `examdown: ${result.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

/**
 * After the first build of a watch session, while the author has not edited anything yet:
 * run the per-file phase on a few files in this thread and repeat the (all-cached) build a
 * couple of times without writing. Large content is parsed by worker threads and the first
 * build runs link and assembly once, so without this the JIT would still be cold in this
 * thread and the first rebuilds after an edit would be several times slower than the rest.
 * Stops as soon as a change arrives.
 */
async function warmUp(options: Options, session: Session, changed: () => boolean): Promise<void> {
  const yieldToEvents = () => new Promise((resolve) => setImmediate(resolve));
  // A few files of every kind, interleaved, so every extractor gets warm.
  const byKind = new Map<string, Array<[string, string]>>();
  for (const [file, text] of session.sources ?? []) {
    const kind = classify(file);
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), [file, text]]);
  }
  const lists = [...byKind.values()];
  const samples: Array<[string, string]> = [];
  for (let i = 0; samples.length < 48 && lists.some((list) => i < list.length); i++) {
    for (const list of lists) if (list[i]) samples.push(list[i] as [string, string]);
  }
  let bytes = 0;
  for (const [file, text] of samples) {
    if (changed() || bytes > 400_000) break;
    compileAndPrepare({ path: file, text });
    bytes += text.length;
    await yieldToEvents();
  }
  const contentDir = path.resolve(options.contentDir);
  for (let round = 0; round < 3 && !changed(); round++) {
    await compileContent(contentDir, { root: '.', jobs: 1, cache: session.cache }).catch(() => undefined);
    await yieldToEvents();
  }
}

/** Re-runs on changes below the content dir (Node's recursive fs.watch), debounced. */
function watchLoop(options: Options): void {
  const contentDir = path.resolve(options.contentDir);
  const out = path.resolve(options.out);
  const session = newSession(options, true);
  const cacheDir = session.cache?.dir;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let warmed = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    const code = await run(options, session).catch((error: unknown) => {
      process.stderr.write(`examdown: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    });
    const ms = Math.round(performance.now() - started);
    // EXAMDOWN_TIMINGS=1 adds where the time went (benchmarks, performance work).
    const t = session.timings;
    const detail =
      process.env.EXAMDOWN_TIMINGS && t
        ? ` (load ${Math.round(t.load)}, per-file ${Math.round(t.perFile)} for ${t.compiled} on ${t.threads} threads, link ${Math.round(t.link)}, assemble ${Math.round(t.assemble)} ms)`
        : '';
    process.stdout.write(
      `[examdown] ${options.command} ${code === 0 ? 'ok' : 'failed'} in ${ms} ms; watching for changes${detail}\n`,
    );
    running = false;
    if (again) {
      again = false;
      void rebuild();
    } else if (!warmed) {
      warmed = true;
      running = true;
      await warmUp(options, session, () => again);
      running = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  const inside = (file: string, dir: string | undefined) =>
    dir !== undefined && (file === dir || file.startsWith(dir + path.sep));
  watch(contentDir, { recursive: true }, (_event, filename) => {
    if (filename) {
      const changed = path.resolve(contentDir, filename.toString());
      // Our own output and cache must not trigger another build, nor can folders the loader skips.
      if (inside(changed, out) || inside(changed, cacheDir)) return;
      const rel = path.relative(contentDir, changed).split(path.sep).join('/');
      if (isSkippedPath(rel)) return;
      // Read this file again even if its size and times look unchanged.
      session.cache?.forget(rel);
    }
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 100);
  });
  void rebuild();
}

export async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`examdown: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`examdown ${VERSION}\n`);
    return 0;
  }
  const info = await stat(options.contentDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    process.stderr.write(`examdown: content directory '${options.contentDir}' does not exist\n\n${USAGE}`);
    return 2;
  }
  if (options.watch) {
    watchLoop(options);
    return -1;
  }
  return run(options, newSession(options, false));
}
