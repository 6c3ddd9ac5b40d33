/**
 * A browser's learner session: the learner token in a signed cookie (Hono's signed cookies;
 * HttpOnly, Secure, SameSite=Lax; no personal data), created on first use — the first start, or
 * the first review. API clients present `X-Learner-Token` (and attempt tokens) instead.
 *
 * Signed with the SESSION_SECRET secret: a cookie is only accepted as this deployment issued it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { newToken } from '../security.js';
import { LEARNER_TOKEN_PATTERN, learnerIdOf } from './ids.js';

export const SESSION_COOKIE = 'examdown_learner';
/** The longest a browser keeps a cookie (Chrome caps Max-Age at 400 days). */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export interface SessionLearner {
  id: string;
  token: string;
}

/** Sets `c.var.session` from a valid signed cookie (nothing otherwise: no cookie is created here). */
export function learnerSession(): MiddlewareHandler<AppEnv> {
  return async function learnerSession(c, next) {
    const secret = c.env.SESSION_SECRET;
    if (secret) {
      const token = await getSignedCookie(c, secret, SESSION_COOKIE);
      if (typeof token === 'string' && LEARNER_TOKEN_PATTERN.test(token)) {
        c.set('session', { id: await learnerIdOf(token), token });
      }
    }
    await next();
  };
}

/** The session's learner; a new one (cookie set on this response) when the browser has none. */
export async function sessionLearner(c: Context<AppEnv>): Promise<SessionLearner & { created: boolean }> {
  const existing = c.get('session');
  if (existing) return { ...existing, created: false };
  const secret = c.env.SESSION_SECRET;
  if (!secret) throw new ApiError('no_session', 'Learner sessions are not configured (SESSION_SECRET).');
  const token = newToken();
  const learner = { id: await learnerIdOf(token), token };
  await setSignedCookie(c, SESSION_COOKIE, token, secret, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  });
  c.set('session', learner);
  return { ...learner, created: true };
}

/** The session's learner, or 401 `no_session` (a route that reads the learner's own state). */
export function requireSession(c: Context<AppEnv>): SessionLearner {
  const session = c.get('session');
  if (!session)
    throw new ApiError('no_session', 'This browser has no learner session yet: start an attempt first.');
  return session;
}

export function endSession(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}
