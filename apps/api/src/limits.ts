/**
 * Per-client rate limits (Workers Rate Limiting binding, wrangler.jsonc `ratelimits`): every start,
 * check, save and submit counts against its client's IP (`CF-Connecting-IP`, set by Cloudflare)
 * and, when the request names one, its learner (the learner token or session of a start or check,
 * the learner id inside an attempt id). Over the limit: 429 `rate_limited` with `Retry-After`.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import { LEARNER_HEADER, learnerOf } from './learner/client.js';
import { parseAttemptId } from './learner/ids.js';

export type LimitedAction = 'start' | 'check' | 'save' | 'submit';

/** Binding of each action and its period (seconds) as declared in wrangler.jsonc. */
export const LIMITS = {
  start: { binding: 'START_LIMIT', period: 60 },
  check: { binding: 'CHECK_LIMIT', period: 60 },
  save: { binding: 'SAVE_LIMIT', period: 60 },
  submit: { binding: 'SUBMIT_LIMIT', period: 60 },
} as const satisfies Record<LimitedAction, { binding: keyof Env; period: number }>;

/** The keys a request counts against: its IP, and its learner when it names one. */
async function keysOf(
  action: LimitedAction,
  header: (name: string) => string | undefined,
  attemptId: string | undefined,
  session: { id: string } | undefined,
) {
  const keys = [`ip:${header('CF-Connecting-IP') ?? 'local'}`];
  let learner: { id: string; token?: string } | undefined;
  if (action === 'start' || action === 'check') {
    const presented = header(LEARNER_HEADER);
    if (presented) learner = await learnerOf(presented);
    else if (session) learner = { id: session.id };
  } else if (attemptId) {
    const parsed = parseAttemptId(attemptId);
    if (parsed) learner = { id: parsed.learnerId };
  }
  if (learner) keys.push(`learner:${learner.id}`);
  return { keys, learner };
}

export function rateLimit(action: LimitedAction): MiddlewareHandler<AppEnv> {
  const { binding, period } = LIMITS[action];
  return async (c, next) => {
    const limiter = c.env[binding] as RateLimit | undefined;
    const { keys, learner } = await keysOf(
      action,
      (name) => c.req.header(name),
      c.req.param('id'),
      c.get('session'),
    );
    if (learner) c.set('learner', learner);
    if (limiter) {
      const outcomes = await Promise.all(keys.map((key) => limiter.limit({ key })));
      if (outcomes.some((o) => !o.success)) {
        throw new ApiError(
          'rate_limited',
          `Too many ${action} requests from this client; try again in ${period} seconds.`,
          { headers: { 'Retry-After': String(period) } },
        );
      }
    }
    await next();
  };
}
