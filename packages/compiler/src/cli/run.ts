/**
 * `examdown build|check [contentDir]` — the authors' command line.
 * Exit codes: 0 clean (warnings allowed), 1 errors (or too many warnings), 2 bad usage.
 */
import { stat } from 'node:fs/promises';
import { VERSION } from '../compile.js';
import { newSession, run } from './build.js';
import { parseOptions, USAGE, UsageError } from './options.js';
import { watchLoop } from './watch.js';

export async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv);
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
