/** The command line: one option table (parseArgs reads it, its types follow from it) and checks. */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

export const USAGE = `Usage: examdown <command> [contentDir] [options]

Commands:
  build [contentDir]     check the content and write the bundle (default contentDir: .)
  check [contentDir]     check the content, write nothing

Options:
  -o, --out DIR          bundle directory for build (default: bundle)
  -f, --format FORMAT    text (default), json, or github (GitHub Actions annotations)
  -w, --watch            re-run on every change
      --max-warnings N   exit 1 when there are more than N warnings
  -j, --jobs N           threads for parsing (default: one per core for large content)
      --no-cache         do not read or write the on-disk cache of per-file results
      --cache-dir DIR    where that cache lives (default: node_modules/.cache/examdown
                         of the nearest package.json above the content dir)
  -h, --help             show this help
  -v, --version          show the version
`;

export class UsageError extends Error {}

export interface Options {
  command: 'build' | 'check';
  contentDir: string;
  out: string;
  format: 'text' | 'json' | 'github';
  watch: boolean;
  maxWarnings: number | undefined;
  jobs: number | undefined;
  cache: boolean;
  cacheDir: string | undefined;
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  watch: { type: 'boolean', short: 'w' },
  'max-warnings': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'no-cache': { type: 'boolean' },
  'cache-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsOptionsConfig;

/** argv → options, 'help' or 'version'; throws UsageError for anything malformed. */
export function parseOptions(argv: string[]): Options | 'help' | 'version' {
  const parsed = (() => {
    try {
      return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  })();
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, contentDir = '.', ...extra] = positionals;
  if (command === undefined) throw new UsageError('missing command: build or check');
  if (command !== 'build' && command !== 'check') throw new UsageError(`unknown command '${command}'`);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'github')
    throw new UsageError(`--format must be text, json or github, not '${format}'`);
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
