/**
 * The Worker the API benchmark runs under `wrangler dev`: the product's app (over a KV bundle
 * store of its own, so the routes below can warm the same cache) and its learner Durable Object,
 * plus routes that exist only here:
 *
 *   GET /api/__bench/bare          a bare Hono route: the floor every request pays (runtime,
 *                                  routing, response) — the baseline of the CPU and req/s ratios
 *   GET /api/__bench/spin?n=N      N rounds of a fixed integer loop: a known amount of CPU, to
 *                                  check the CPU measurement against the same loop timed in Node
 *   GET /api/__bench/warm?exam=ID  reads every question and key of an exam's bank into the
 *                                  isolate's cache: the steady state the CPU passes measure
 *
 * With the var BENCH_CACHE_MB the store's entity cache has that budget (`api-bench.ts --cache-mb
 * N`), to measure the cache's effect on CPU and GC.
 */
import { Hono } from 'hono';
import { createApp } from '../../apps/api/src/app.js';
import type { BundleStore } from '../../apps/api/src/bundle-store.js';
import { kvBundleStore } from '../../apps/api/src/kv/store.js';

export { Learner } from '../../apps/api/src/index.js';

type BenchEnv = Env & { BENCH_CACHE_MB?: string };

let store: BundleStore | undefined;
let app: ReturnType<typeof createApp> | undefined;

function product(env: BenchEnv) {
  const cacheMb = Number(env.BENCH_CACHE_MB);
  store ??= kvBundleStore(cacheMb > 0 ? { cacheBytes: cacheMb * 2 ** 20 } : {});
  app ??= createApp(store);
  return { store, app };
}

const bench = new Hono<{ Bindings: BenchEnv }>()
  .get('/api/__bench/bare', (c) => c.json({ ok: true }))
  .get('/api/__bench/spin', (c) => c.json({ x: spin(Number(c.req.query('n') ?? 0)) }))
  .get('/api/__bench/warm', async (c) => {
    const content = await product(c.env).store.open(c.env);
    const index = content.exams.get(c.req.query('exam') ?? '');
    const ids = index ? [...index.pool.values()].flat() : [];
    await Promise.all([content.questions(ids), content.keys(ids)]);
    return c.json({ questions: ids.length });
  });

/** The same loop is timed in Node (edge/cpu.ts) to calibrate the profiler-based measurement. */
export function spin(rounds: number): number {
  let x = 0x9e3779b9;
  for (let i = 0; i < rounds * 100_000; i++) x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + i;
  return x >>> 0;
}

export default {
  fetch(request: Request, env: BenchEnv, ctx: ExecutionContext) {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/api/__bench/')) return bench.fetch(request, env, ctx);
    return product(env).app.fetch(request, env, ctx);
  },
};
