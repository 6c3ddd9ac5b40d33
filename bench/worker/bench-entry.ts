/**
 * The Worker the API benchmark runs under `wrangler dev`: the product's Worker, unchanged (its
 * default export over the bundle in KV), plus two routes that exist only here:
 *
 *   GET /api/__bench/bare          a bare Hono route: the floor every request pays (runtime,
 *                                  routing, response) — the baseline of the CPU and req/s ratios
 *   GET /api/__bench/spin?n=N      N rounds of a fixed integer loop: a known amount of CPU, to
 *                                  check the CPU measurement against the same loop timed in Node
 */
import { Hono } from 'hono';
import app from '../../apps/api/src/index.js';

type Env = Parameters<typeof app.fetch>[1];

const bench = new Hono()
  .get('/api/__bench/bare', (c) => c.json({ ok: true }))
  .get('/api/__bench/spin', (c) => c.json({ x: spin(Number(c.req.query('n') ?? 0)) }));

/** The same loop is timed in Node (edge/cpu.ts) to calibrate the profiler-based measurement. */
export function spin(rounds: number): number {
  let x = 0x9e3779b9;
  for (let i = 0; i < rounds * 100_000; i++) x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + i;
  return x >>> 0;
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const { pathname } = new URL(request.url);
    return pathname.startsWith('/api/__bench/')
      ? bench.fetch(request, env, ctx)
      : app.fetch(request, env, ctx);
  },
};
