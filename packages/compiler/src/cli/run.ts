/**
 * `examdown build|check [contentDir]` — the authors' command line.
 * Exit codes: 0 clean (warnings allowed), 1 errors (or too many warnings), 2 bad usage.
 */
import { watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBundle } from '../bundle/write.js';
import { type CompileResult, compileContent, VERSION } from '../compile.js';
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
}

function parse(argv: string[]): Options | 'help' | 'version' {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        out: { type: 'string'; short: 'o' };
        format: { type: 'string'; short: 'f' };
        watch: { type: 'boolean'; short: 'w' };
        'max-warnings': { type: 'string' };
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
  return {
    command,
    contentDir,
    out: values.out ?? 'bundle',
    format,
    watch: values.watch ?? false,
    maxWarnings,
  };
}

/** One run: compile, report, maybe write. Returns the exit code. */
async function run(options: Options): Promise<number> {
  const contentDir = path.resolve(options.contentDir);
  const result = await compileContent(contentDir, { root: '.' });
  const reportOptions = { cwd: process.cwd(), contentDir };
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(
    options.format === 'json'
      ? formatJson(result, reportOptions)
      : formatText(result, { ...reportOptions, color }),
  );
  if (result.bundle && options.command === 'build') {
    const out = path.resolve(options.out);
    await writeBundle(result.bundle, out);
    if (options.format === 'text') {
      process.stdout.write(`wrote ${path.relative(process.cwd(), out) || '.'} (${describe(result)})\n`);
    }
  }
  return exitCode(result, options);
}

function describe(result: CompileResult): string {
  const m = result.bundle?.public.manifest;
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

/** Re-runs on changes below the content dir (Node's recursive fs.watch), debounced. */
function watchLoop(options: Options): void {
  const contentDir = path.resolve(options.contentDir);
  const out = path.resolve(options.out);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    const code = await run(options).catch((error: unknown) => {
      process.stderr.write(`examdown: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    });
    const ms = Math.round(performance.now() - started);
    process.stdout.write(
      `[examdown] ${options.command} ${code === 0 ? 'ok' : 'failed'} in ${ms} ms; watching for changes\n`,
    );
    running = false;
    if (again) {
      again = false;
      void rebuild();
    }
  };
  watch(contentDir, { recursive: true }, (_event, filename) => {
    if (filename) {
      const changed = path.resolve(contentDir, filename.toString());
      // Our own output must not trigger another build.
      if (changed === out || changed.startsWith(out + path.sep)) return;
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
  return run(options);
}
