/** Small helpers shared by the benchmarks: timing child processes, statistics, tables. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO, 'packages/compiler/dist/cli/main.js');

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface ProcessRun {
  code: number | null;
  /** Wall time from spawn to exit, in ms. */
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` with this Node binary and times it from spawn to exit. */
export function runNode(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ms: performance.now() - started, stdout, stderr }));
  });
}

/** Throws, with the tail of its output, when a timed run did not exit 0. */
export function checkExit(run: ProcessRun, what: string): ProcessRun {
  if (run.code !== 0)
    throw new Error(`${what} exited ${run.code}:\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  return run;
}

/** A long-running child whose stdout lines can be awaited (watch mode). */
export class LineWatcher {
  readonly child: ChildProcess;
  private buffer = '';
  readonly lines: string[] = [];
  private waiters: Array<() => void> = [];
  constructor(args: string[], env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, args, {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString();
      let newline = this.buffer.indexOf('\n');
      while (newline !== -1) {
        this.lines.push(this.buffer.slice(0, newline));
        this.buffer = this.buffer.slice(newline + 1);
        newline = this.buffer.indexOf('\n');
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  }
  /** Resolves with the first line (after `from`) matching `pattern`, and the time it was seen. */
  async waitFor(
    pattern: RegExp,
    from: number,
    timeoutMs: number,
  ): Promise<{ line: string; index: number; at: number }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      for (let i = from; i < this.lines.length; i++) {
        if (pattern.test(this.lines[i] as string))
          return { line: this.lines[i] as string, index: i, at: performance.now() };
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`timed out waiting for ${pattern} in:\n${this.lines.join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
  stop(): void {
    this.child.kill();
  }
}

/**
 * sha256 of every file under `dir` (relative path + bytes), for "are these bundles identical".
 * Dot files are left out (glob's default), as they are not part of a bundle.
 */
export function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const files = globSync('**', { cwd: dir, withFileTypes: true }).filter((entry) => entry.isFile());
  const relative = files.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
  for (const rel of relative)
    hash
      .update(`${rel}\0`)
      .update(readFileSync(path.join(dir, rel)))
      .update('\0');
  return hash.digest('hex');
}

export function environment(): Record<string, unknown> {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadavg: loadavg().map((n) => Number(n.toFixed(2))),
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    freeGiB: Number((freemem() / 2 ** 30).toFixed(1)),
  };
}

/** A plain-text table with aligned columns (Markdown-compatible). */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export const ms = (value: number) =>
  Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : '–';
export const rate = (count: number, millis: number) =>
  Number.isFinite(millis) && millis > 0 ? Math.round((count * 1000) / millis).toLocaleString('en-US') : '–';

export const yes = (value: boolean) => (value ? 'yes' : 'NO');
