/**
 * A browser's learner session: the learner id in a signed cookie (Hono's signed cookies; HttpOnly,
 * Secure, SameSite=Lax; no personal data), created on first use — the first start — or by a
 * passkey sign-in on another device. API clients present `X-Learner-Token` (and attempt tokens)
 * instead.
 *
 * Signed with the SESSION_SECRET secret: the signature, not the id, is the proof — only this
 * deployment can issue a cookie naming a learner, so knowing an id (it is part of every attempt
 * id) is not enough to act as that learner.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { newToken } from '../security.js';
import { LEARNER_ID_PATTERN, learnerIdOf } from './ids.js';

export const SESSION_COOKIE = 'examdown_learner';
/** The longest a browser keeps a cookie (Chrome caps Max-Age at 400 days). */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export interface SessionLearner {
  id: string;
}

/** Sets `c.var.session` from a valid signed cookie (nothing otherwise: no cookie is created here). */
export function learnerSession(): MiddlewareHandler<AppEnv> {
  return async function learnerSession(c, next) {
    const secret = c.env.SESSION_SECRET;
    if (secret) {
      const id = await getSignedCookie(c, secret, SESSION_COOKIE);
      if (typeof id === 'string' && LEARNER_ID_PATTERN.test(id)) c.set('session', { id });
    }
    await next();
  };
}

/**
 * The session's learner; a new one when the browser has none (cookie set on this response; its
 * learner token is returned too, for an API client that keeps no cookies).
 */
export async function sessionLearner(c: Context<AppEnv>): Promise<SessionLearner & { token?: string }> {
  const existing = c.get('session');
  if (existing) return existing;
  const token = newToken();
  const id = await learnerIdOf(token);
  await beginSession(c, id);
  return { id, token };
}

/** Makes `learnerId` this browser's learner (a new learner, or a passkey sign-in). */
export async function beginSession(c: Context<AppEnv>, learnerId: string): Promise<void> {
  const secret = c.env.SESSION_SECRET;
  if (!secret) throw new ApiError('no_session', 'Learner sessions are not configured (SESSION_SECRET).');
  await setSignedCookie(c, SESSION_COOKIE, learnerId, secret, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  });
  c.set('session', { id: learnerId });
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
