/**
 * The content side of live preview: compile, and on every change to the content dir compile
 * again (incrementally: a stat-trusting in-memory cache recompiles only changed files), then hand
 * the result to `onGood` (publish it) or `onProblems` (show it; the last good content stays live).
 * Builds never overlap; changes during a build trigger one more build right after it.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import {
  type CompileResult,
  codeFrame,
  compileContent,
  type Diagnostic,
  FileCache,
} from '@examdown/compiler';

export interface Problem {
  file: string;
  line?: number;
  column?: number;
  severity: Diagnostic['severity'];
  rule: string;
  message: string;
  frame?: string;
}

export interface RebuildHooks {
  onGood(result: CompileResult, changed: ReadonlySet<string>): Promise<void>;
  onProblems(problems: Problem[], result: CompileResult): Promise<void> | void;
  log(message: string): void;
}

export interface Rebuilder {
  /** The first build (before the watcher starts). */
  initial: CompileResult;
  close(): void;
}

export async function startRebuilder(
  contentDir: string,
  hooks: RebuildHooks,
  debounceMs = 25,
): Promise<Rebuilder> {
  const cache = new FileCache({ trustStat: true });
  const build = async (changed: ReadonlySet<string>): Promise<CompileResult> => {
    const started = performance.now();
    const result = await compileContent(contentDir, { cache, root: '.' });
    const ms = Math.round(performance.now() - started);
    if (result.errors > 0) {
      hooks.log(`content: ${result.errors} errors (the last good content stays live) in ${ms} ms`);
      await hooks.onProblems(problemsOf(result), result);
    } else {
      await hooks.onGood(result, changed);
      hooks.log(`content: ${result.questions} questions, ${result.warnings} warnings in ${ms} ms`);
    }
    return result;
  };

  const initial = await build(new Set());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let pending = new Set<string>();
  const run = () => {
    if (running) return;
    const changed = pending;
    pending = new Set();
    running = build(changed)
      .catch((error: unknown) => hooks.log(`content: build failed: ${String(error)}`))
      .finally(() => {
        running = undefined;
        if (pending.size > 0) run();
      });
  };
  const watcher = watch(contentDir, { recursive: true }, (_event, name) => {
    const rel = name ? String(name).split(path.sep).join('/') : '';
    if (
      rel &&
      (rel.startsWith('bundle/') ||
        rel.startsWith('node_modules/') ||
        rel.split('/').some((p) => p.startsWith('.')))
    ) {
      return;
    }
    pending.add(rel);
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  });
  return {
    initial,
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

/** Errors first, each with a code frame of its line (long lines cut around the column). */
export function problemsOf(result: CompileResult): Problem[] {
  return [...result.diagnostics]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .filter((d) => d.severity === 'error')
    .slice(0, 20)
    .map((d) => {
      const source = result.sources.get(d.file);
      const frame = source !== undefined && d.line !== undefined ? codeFrame(source, d) : undefined;
      return {
        file: d.file,
        ...(d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : {}),
        severity: d.severity,
        rule: d.rule,
        message: d.message,
        ...(frame ? { frame } : {}),
      };
    });
}
