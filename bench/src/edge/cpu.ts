/**
 * CPU time of requests inside workerd, measured from outside the isolate (inside it, Spectre
 * mitigations freeze Date.now()/performance.now() during execution, so a handler cannot time
 * itself).
 *
 * 1. `profileRequests` — the isolate's own CPU, per request. V8's sampling profiler is started on
 *    the user Worker's isolate through workerd's inspector; requests are sent one at a time and
 *    each sample is attributed to the request whose client-side [send, response] window contains
 *    its timestamp (V8's profile clock and Node's process.hrtime are both CLOCK_MONOTONIC). A
 *    sample stands for the time since the previous one, capped at 1.5 typical intervals: after a
 *    gap (the isolate waiting on I/O, when no samples are taken, or its thread preempted by other
 *    processes on this shared machine) it counts about one interval. `(idle)` samples are not CPU.
 *    Only this isolate is sampled: not the runtime's HTTP handling, not the local D1/KV
 *    simulators, not wrangler's proxy — the isolate's CPU is what Cloudflare's limit counts.
 *    Resolution is one sampling interval (~0.1–0.2 ms); sampling itself adds a little.
 * 2. `schedstatRequests` — the whole workerd process's CPU per request, from the kernel's
 *    per-thread CPU accounting (/proc/<pid>/task/<tid>/schedstat, nanoseconds): an upper bound
 *    that also contains the runtime's HTTP work, miniflare's entry and asset workers and the
 *    local D1 (SQLite) and KV simulators, which in production run outside the Worker.
 *
 * Both are checked against `spin` (a fixed loop also timed in Node on the same V8).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CpuProfile } from './worker.ts';

export class Inspector {
  readonly #ws: WebSocket;
  #id = 0;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  // Node's WebSocket does not keep the event loop alive while a reply is awaited.
  readonly #keepAlive = setInterval(() => {}, 1_000);

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      // The proxy also relays its own traffic (ids from 100000000 up) and echoes commands.
      if (message.id === undefined) return;
      const waiter = this.#pending.get(message.id);
      if (!waiter) return;
      this.#pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result ?? {});
    };
  }

  /**
   * Connects to an inspector: wrangler's proxy (`wrangler dev --inspector-port`, attached to the
   * Worker of its config) or workerd's own for one Worker. The proxy insists on an Origin header
   * (Node's WebSocket takes `headers`).
   */
  static async connect(url: string): Promise<Inspector> {
    const init = { headers: { Origin: 'http://127.0.0.1' } };
    const ws = new WebSocket(url, init as unknown as string[]);
    await new Promise<void>((resolve, reject) => {
      ws.onopen = () => resolve();
      ws.onerror = () => reject(new Error(`cannot connect to the inspector at ${url}`));
    });
    const inspector = new Inspector(ws);
    ws.onclose = () => {
      for (const waiter of inspector.#pending.values()) waiter.reject(new Error('the inspector closed'));
      inspector.#pending.clear();
    };
    return inspector;
  }

  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.#id;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`the inspector did not answer ${method} within 60 s`));
      }, 60_000);
      this.#pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.#ws.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    clearInterval(this.#keepAlive);
    this.#ws.close();
  }
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

export interface ProfiledRun {
  /** CPU ms of each request (profiler samples inside its window). */
  perRequest: number[];
  /** Of which garbage collection on the isolate's thread. */
  gcPerRequest: number[];
  /** CPU ms sampled outside every request window (GC, timers): should be small. */
  unattributedMs: number;
  /** The sampling interval actually observed (µs). */
  intervalUs: number;
  samples: number;
  /** Where the attributed CPU went: self time per function, ms per request, biggest first. */
  hotFunctions: { fn: string; msPerRequest: number }[];
  /** The slowest requests (index, CPU ms) and where their CPU went, ms in that request. */
  slowest: { index: number; ms: number; hotFunctions: { fn: string; msPerRequest: number }[] }[];
  /** The learner object's isolate over the same windows, when it was profiled too. */
  learner?: ProfiledRun;
}

/** What `profileRequests` and `schedstatRequests` run, and what they run unmeasured before each. */
export interface RequestOptions {
  /** Runs before the i-th request, outside its window (e.g. wakes the object it will call). */
  before?: ((i: number) => Promise<void>) | undefined;
}

/**
 * Sends `count` requests one after another (`request(i)` sends the i-th and awaits its full
 * response) while V8's profiler samples the isolate; returns each request's CPU. With `learner`
 * (the inspector of the Worker that hosts the learner Durable Object in a process of its own, as
 * production runs it apart), that isolate is sampled over the same windows: the object's CPU.
 */
export async function profileRequests(
  inspector: Inspector,
  count: number,
  request: (i: number) => Promise<void>,
  options: RequestOptions & { intervalUs?: number; gapMs?: number; learner?: Inspector | undefined } = {},
): Promise<ProfiledRun> {
  const inspectors = options.learner ? [inspector, options.learner] : [inspector];
  for (const each of inspectors) {
    await each.send('Profiler.enable');
    await each.send('Profiler.setSamplingInterval', { interval: options.intervalUs ?? 50 });
  }
  const windows: [number, number][] = [];
  const profiles: CpuProfile[] = [];
  for (const each of inspectors) await each.send('Profiler.start');
  try {
    for (let i = 0; i < count; i++) {
      if (options.before) {
        await options.before(i);
        await new Promise((r) => setTimeout(r, options.gapMs ?? 2));
      }
      const t0 = nowUs();
      await request(i);
      windows.push([t0, nowUs()]);
      // A short pause keeps one request's trailing work apart from the next one.
      await new Promise((r) => setTimeout(r, options.gapMs ?? 2));
    }
  } finally {
    for (const each of inspectors) {
      profiles.push((await each.send<{ profile: CpuProfile }>('Profiler.stop')).profile);
    }
  }
  const [worker, learner] = profiles as [CpuProfile, CpuProfile | undefined];
  const run = attribute(worker, windows);
  return learner ? { ...run, learner: attribute(learner, windows) } : run;
}

export function attribute(profile: CpuProfile, windows: readonly [number, number][]): ProfiledRun {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const gc = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === '(garbage collector)').map((n) => n.id),
  );
  const deltas = profile.timeDeltas;
  // The typical interval between consecutive samples while the isolate is busy.
  const small = deltas.filter((d) => d > 0 && d < 2_000).sort((a, b) => a - b);
  const typical = small.length > 0 ? (small[Math.floor(small.length / 2)] as number) : 100;
  const perRequest = windows.map(() => 0);
  const gcPerRequest = windows.map(() => 0);
  const selfUs = new Map<number, number>();
  const selfUsPerRequest = windows.map(() => new Map<number, number>());
  let unattributed = 0;
  let t = profile.startTime;
  let w = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = deltas[i] ?? 0;
    t += delta;
    if (idle.has(profile.samples[i] as number)) continue;
    // A sample stands for at most ~one interval: a longer delta means the isolate was idle
    // (waiting on I/O: nothing is sampled) or its thread was preempted — neither is its CPU.
    const weight = Math.min(delta, 1.5 * typical);
    while (w < windows.length && t > (windows[w] as [number, number])[1]) w++;
    const window = windows[w];
    if (window && t >= window[0]) {
      perRequest[w] = (perRequest[w] ?? 0) + weight;
      const node = profile.samples[i] as number;
      selfUs.set(node, (selfUs.get(node) ?? 0) + weight);
      const own = selfUsPerRequest[w] as Map<number, number>;
      own.set(node, (own.get(node) ?? 0) + weight);
      if (gc.has(profile.samples[i] as number)) gcPerRequest[w] = (gcPerRequest[w] ?? 0) + weight;
    } else unattributed += weight;
  }
  return {
    perRequest: perRequest.map((us) => us / 1000),
    gcPerRequest: gcPerRequest.map((us) => us / 1000),
    unattributedMs: unattributed / 1000,
    intervalUs: typical,
    samples: profile.samples.length,
    hotFunctions: hotFunctions(profile, selfUs, windows.length),
    slowest: perRequest
      .map((us, index) => ({ index, us }))
      .sort((a, b) => b.us - a.us)
      .slice(0, 3)
      .map(({ index, us }) => ({
        index,
        ms: us / 1000,
        hotFunctions: hotFunctions(profile, selfUsPerRequest[index] as Map<number, number>, 1).slice(0, 6),
      })),
  };
}

/** Self time summed per function (name and source position), the top 12, in ms per request. */
function hotFunctions(profile: CpuProfile, selfUs: ReadonlyMap<number, number>, requests: number) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFunction = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byNode.get(id);
    if (!frame) continue;
    const file = frame.url.split('/').pop() ?? '';
    const where = file ? ` ${file}:${(frame.lineNumber ?? 0) + 1}` : '';
    const fn = `${frame.functionName || '(anonymous)'}${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([fn, us]) => ({ fn, msPerRequest: Math.round((us / 1000 / Math.max(1, requests)) * 1000) / 1000 }));
}

/** CPU nanoseconds of every thread of a process, from the kernel's scheduler statistics. */
export function processCpuNs(pid: number): number {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // thread exited
    }
  }
  return total;
}

/** Per-request CPU ms of the whole workerd process (requests one at a time). */
export async function schedstatRequests(
  pid: number,
  count: number,
  request: (i: number) => Promise<void>,
  options: RequestOptions = {},
): Promise<{ perRequest: number[]; idleMsPerSecond: number }> {
  // Background CPU of the process while nothing is asked of it.
  const idleStart = processCpuNs(pid);
  await new Promise((r) => setTimeout(r, 500));
  const idleMsPerSecond = (processCpuNs(pid) - idleStart) / 1e6 / 0.5;
  const perRequest: number[] = [];
  for (let i = 0; i < count; i++) {
    if (options.before) await options.before(i);
    const a = processCpuNs(pid);
    await request(i);
    perRequest.push((processCpuNs(pid) - a) / 1e6);
  }
  return { perRequest, idleMsPerSecond };
}

/** The bench Worker's `spin` loop (bench/worker/bench-entry.ts), timed here on Node's V8. */
export function spinInNode(rounds: number, repeats = 15): number {
  const spin = (r: number) => {
    let x = 0x9e3779b9;
    for (let i = 0; i < r * 100_000; i++) x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + i;
    return x >>> 0;
  };
  for (let i = 0; i < 5; i++) spin(rounds); // warm up (tier up to optimized code)
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.cpuUsage();
    spin(rounds);
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
