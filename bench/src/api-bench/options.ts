/** What the API benchmark runs: the bank's size, how many requests per pass, the load duration. */
import { parseArgs } from 'node:util';
import { CORPUS_ARG_OPTIONS } from '../corpus.ts';

export interface ApiBenchOptions {
  guides: number;
  questions: number;
  seed: number;
  /** Requests per route and method in the CPU passes. */
  n: number;
  /** Submits per CPU pass (each needs an attempt with 60 saved answers). */
  submits: number;
  /** wrk duration per route. */
  seconds: number;
  connections: number;
  fresh: boolean;
  /** The isolate's entity cache budget, MiB; undefined = the product's default. */
  cacheMb?: number;
}

export const DEFAULT_API_BENCH: ApiBenchOptions = {
  guides: 1000,
  questions: 10_000,
  seed: 1,
  n: 200,
  submits: 60,
  seconds: 5,
  connections: 8,
  fresh: false,
};

/** --quick: fewer requests and shorter load runs (the bank's size is the caller's choice). */
export const QUICK_API_PASSES = { n: 60, submits: 20, seconds: 2 };

export function parseApiBenchArgs(argv: string[]): ApiBenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...CORPUS_ARG_OPTIONS,
      n: { type: 'string' },
      submits: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      quick: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'cache-mb': { type: 'string' },
    },
    strict: false,
  });
  const num = (v: unknown, fallback: number) => (typeof v === 'string' && v !== '' ? Number(v) : fallback);
  const base = values.quick ? { ...DEFAULT_API_BENCH, ...QUICK_API_PASSES } : DEFAULT_API_BENCH;
  return {
    guides: num(values.guides, base.guides),
    questions: num(values.questions, base.questions),
    seed: num(values.seed, base.seed),
    n: num(values.n, base.n),
    submits: num(values.submits, base.submits),
    seconds: num(values.seconds, base.seconds),
    connections: num(values.connections, base.connections),
    fresh: values.fresh === true,
    ...(values['cache-mb'] ? { cacheMb: num(values['cache-mb'], 0) } : {}),
  };
}
