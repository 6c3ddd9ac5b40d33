/**
 * Small helpers shared by the API and web benchmarks: paths, processes, statistics, the table
 * printer and the JSON results.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const BENCH_DIR = path.join(ROOT, 'bench');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
export const CACHE_DIR = path.join(RESULTS_DIR, 'cache');
export const API_DIR = path.join(ROOT, 'apps/api');
export const WEB_DIR = path.join(ROOT, 'apps/web');
export const BIN = path.join(ROOT, 'node_modules/.bin');

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Runs a command to completion; throws with its output when it fails. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const res = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...quietEnv, ...options.env },
  });
  if (res.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${res.status}):\n${res.stderr}\n${res.stdout}`.slice(-6000),
    );
  }
  return `${res.stdout}${res.stderr}`;
}

export const quietEnv = {
  WRANGLER_SEND_METRICS: 'false',
  TURBO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

/** `node <bin>` of a package's binary, so every tool runs on this Node (24), not the system one. */
export function nodeBin(name: 'wrangler' | 'examdown'): string[] {
  const paths = {
    wrangler: 'node_modules/wrangler/bin/wrangler.js',
    examdown: 'packages/compiler/dist/cli/main.js',
  };
  return [process.execPath, path.join(ROOT, paths[name])];
}

export function wrangler(args: string[], options: { cwd?: string } = {}): string {
  const [node, bin] = nodeBin('wrangler') as [string, string];
  return run(node, [bin, ...args], { cwd: options.cwd ?? API_DIR });
}

/** Starts a long-running command in its own process group (stop() ends the whole group). */
export function startGroup(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
) {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...quietEnv, ...options.env },
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-100_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onExit = () => kill('SIGKILL');
  process.once('exit', onExit);
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      process.removeListener('exit', onExit);
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      kill('SIGKILL');
    },
  };
}

/** Processes whose process group is `pgid` (from /proc). */
export function groupProcesses(pgid: number): { pid: number; cmdline: string }[] {
  const out: { pid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …  — comm may contain spaces: split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      out.push({
        pid: Number(entry),
        cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '),
      });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile of an unsorted sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]) => percentile(values, 50);
export const mean = (values: readonly number[]) => values.reduce((s, x) => s + x, 0) / values.length;

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const collected: string[] = [];

/**
 * Renders a Markdown table (first row = header) under a bold title and keeps it for
 * `takeTables()`: the runner (main.ts) prints a benchmark's tables as its report.
 */
export function printTable(title: string, rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : c)));
  const widths = cells[0]?.map((_, i) => Math.max(3, ...cells.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  const text = [`**${title}**`, '', line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
  collected.push(text);
  return text;
}

/** The tables rendered since the last call. */
export function takeTables(): string[] {
  return collected.splice(0, collected.length);
}

/** Writes bench/results/<name>.json (the directory is gitignored). */
export function writeResults(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/**
 * A benchmark module run on its own (`node bench/src/api-bench.ts`): its tables and notes on
 * stdout, its JSON in bench/results/<name>.json.
 */
export function printStandalone(name: string, result: { json: unknown; tables: string[] }, notes: string[]) {
  console.log(result.tables.join('\n\n'));
  console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  console.log(`\nwrote ${writeResults(name, result.json)}`);
}

/** Machine facts recorded with every result (figures on a shared 2-core box are noisy). */
export function machine() {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown';
  const nproc = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor\s*:/gm)?.length ?? 0;
  return { node: process.version, cpu: cpus, cores: nproc, date: new Date().toISOString() };
}

/** Parses wrangler's "Total Upload: 567.56 KiB / gzip: 131.97 KiB". */
export function parseUploadSize(output: string): { totalKiB: number; gzipKiB: number } {
  const m = output.match(/Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/);
  if (!m) throw new Error(`no "Total Upload" line in wrangler's output:\n${output.slice(-2000)}`);
  return { totalKiB: Number(m[1]), gzipKiB: Number(m[2]) };
}
