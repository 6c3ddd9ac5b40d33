/** One build or check of a session: compile, report, maybe write. */
import path from 'node:path';
import { type WrittenBundle, writeBundleOutput } from '../bundle/write.js';
import { FileCache } from '../cache/file-cache.js';
import { cacheDirIn, defaultCacheDir } from '../cache/location.js';
import { type CompileResult, compileContent, type Timings } from '../compile.js';
import { formatGithub } from './github.js';
import type { Options } from './options.js';
import { formatJson, formatText } from './report.js';

/** State kept between the runs of one process (watch mode): the caches and the last write. */
export interface Session {
  cache: FileCache | undefined;
  written?: WrittenBundle | undefined;
  /** The sources of the last run (watch mode warms the compiler up on a few of them). */
  sources?: Map<string, string> | undefined;
  timings?: Timings | undefined;
}

export function newSession(options: Options, watching: boolean): Session {
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
export async function run(options: Options, session: Session): Promise<number> {
  const contentDir = path.resolve(options.contentDir);
  const result = await compileContent(contentDir, { root: '.', jobs: options.jobs, cache: session.cache });
  session.sources = result.sources;
  session.timings = result.timings;
  const reportOptions = { cwd: process.cwd(), contentDir };
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(
    options.format === 'json'
      ? formatJson(result, reportOptions)
      : options.format === 'github'
        ? formatGithub(result, reportOptions)
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
