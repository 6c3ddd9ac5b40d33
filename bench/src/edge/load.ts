/**
 * Requests per second over loopback: wrk (https://github.com/wg/wrk, `apt-get install wrk`) for
 * routes that can be repeated, and a closed-loop Node client (fetch, keep-alive, N in flight) for
 * a finite pool of one-shot requests (each submit must hit a fresh attempt). Every route's figure
 * is reported next to the bare route measured the same way in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from './common.ts';

export interface LoadResult {
  tool: 'wrk' | 'node-loop';
  requests: number;
  seconds: number;
  rps: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  errors: number;
}

export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

export interface WrkRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const lua = (s: string) => JSON.stringify(s); // JSON string literals are valid Lua strings here (ASCII)

/** wrk against `base` cycling through `requests` (one connection pool, one thread). */
export function wrk(
  base: string,
  name: string,
  requests: readonly WrkRequest[],
  options: { seconds?: number; connections?: number } = {},
): LoadResult {
  const dir = path.join(CACHE_DIR, 'wrk');
  mkdirSync(dir, { recursive: true });
  const script = path.join(dir, `${name}.lua`);
  const rows = requests.map((r) => {
    const headers = Object.entries(r.headers ?? {})
      .map(([k, v]) => `[${lua(k)}]=${lua(v)}`)
      .join(',');
    return `{${lua(r.method)},${lua(r.path)},{${headers}},${r.body === undefined ? 'nil' : lua(r.body)}}`;
  });
  writeFileSync(
    script,
    [
      `local reqs = {${rows.join(',\n')}}`,
      'local i = 0',
      'request = function()',
      '  i = i % #reqs + 1',
      '  local r = reqs[i]',
      '  return wrk.format(r[1], r[2], r[3], r[4])',
      'end',
      'local bad = 0',
      'response = function(status, headers, body) if status >= 400 then bad = bad + 1 end end',
      'done = function(summary, latency, requests)',
      '  io.write(string.format("EXAMDOWN %d %d %.3f %.3f\\n", summary.requests, summary.duration,',
      '    latency:percentile(50) / 1000, latency:percentile(99) / 1000))',
      'end',
    ].join('\n'),
  );
  const seconds = options.seconds ?? 5;
  const res = spawnSync(
    'wrk',
    ['-t1', `-c${options.connections ?? 8}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, base],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`wrk failed: ${res.stderr}${res.stdout}`);
  const m = res.stdout.match(/EXAMDOWN (\d+) (\d+) ([\d.]+) ([\d.]+)/);
  if (!m) throw new Error(`unexpected wrk output:\n${res.stdout}`);
  const requestsDone = Number(m[1]);
  const duration = Number(m[2]) / 1e6;
  const non2xx = Number(res.stdout.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  const socketErrors = res.stdout.match(
    /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/,
  );
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((s, x) => s + Number(x), 0) : 0);
  return {
    tool: 'wrk',
    requests: requestsDone,
    seconds: duration,
    rps: requestsDone / duration,
    latencyP50Ms: Number(m[3]),
    latencyP99Ms: Number(m[4]),
    errors,
  };
}

/** A closed loop of `concurrency` clients, each sending `request(i)` for the next i until `count`. */
export async function nodeLoop(
  count: number,
  concurrency: number,
  request: (i: number) => Promise<boolean>,
): Promise<LoadResult> {
  let next = 0;
  let errors = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        try {
          if (!(await request(i))) errors++;
        } catch {
          // A refused or reset connection counts as an error, like wrk's socket errors.
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? null;
  return {
    tool: 'node-loop',
    requests: count,
    seconds,
    rps: count / seconds,
    latencyP50Ms: at(50),
    latencyP99Ms: at(99),
    errors,
  };
}
