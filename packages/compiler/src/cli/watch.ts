/** `--watch`: rebuild on every change below the content dir, with the caches kept warm. */
import { watch } from 'node:fs';
import path from 'node:path';
import { compileAndPrepare } from '../bundle/prepare.js';
import { compileContent } from '../compile.js';
import { classify, isSkippedPath } from '../source/load.js';
import { newSession, run, type Session } from './build.js';
import type { Options } from './options.js';

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
export function watchLoop(options: Options): void {
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
        ? ` (load ${Math.round(t.load)}, per-file ${Math.round(t.perFile)} for ${t.compiled} on ${t.threads} threads, link ${Math.round(t.link)}, assemble ${Math.round(t.assemble)} ms${t.workerFailures.length > 0 ? `; worker failures: ${t.workerFailures.join('; ')}` : ''})`
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
