/**
 * The Worker the API benchmark runs under `wrangler dev`: the product's Worker, unchanged (its
 * default export over the bundle in KV), plus two routes that exist only here:
 *
 *   GET /api/__bench/bare          a bare Hono route: the floor every request pays (runtime,
 *                                  routing, response) — the baseline of the CPU and req/s ratios
 *   GET /api/__bench/spin?n=N      N rounds of a fixed integer loop: a known amount of CPU, to
 *                                  check the CPU measurement against the same loop timed in Node
 *
 * With the var BENCH_CACHE_MB the app is the product's over a KV store with that entity cache
 * budget (`api-bench.ts --cache-mb N`), to measure the cache's effect on CPU and GC.
 */
import { Hono } from 'hono';
import { createApp } from '../../apps/api/src/app.js';
import { kvBundleStore } from '../../apps/api/src/bundle-store.js';
import product from '../../apps/api/src/index.js';

type Env = Parameters<typeof product.fetch>[1] & { BENCH_CACHE_MB?: string };

const bench = new Hono()
  .get('/api/__bench/bare', (c) => c.json({ ok: true }))
  .get('/api/__bench/spin', (c) => c.json({ x: spin(Number(c.req.query('n') ?? 0)) }));

/** The same loop is timed in Node (edge/cpu.ts) to calibrate the profiler-based measurement. */
export function spin(rounds: number): number {
  let x = 0x9e3779b9;
  for (let i = 0; i < rounds * 100_000; i++) x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + i;
  return x >>> 0;
}

let app: typeof product | undefined;

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/api/__bench/')) return bench.fetch(request, env, ctx);
    const cacheMb = Number(env.BENCH_CACHE_MB);
    app ??= cacheMb > 0 ? createApp(kvBundleStore({ cacheBytes: cacheMb * 2 ** 20 })) : product;
    return app.fetch(request, env, ctx);
  },
};
