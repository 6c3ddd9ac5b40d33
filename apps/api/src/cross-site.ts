/**
 * Refuses state-changing requests that a browser sent from another site (403
 * `cross_site_request`), on the routes that act on the learner session's cookie (which would
 * ride along: SameSite=Lax still sends it on top-level cross-site navigations). Browsers say
 * where a request comes from (`Sec-Fetch-Site`, `Origin`); API clients send neither. Routes
 * authorized by a bearer token need no such check: another site cannot send the token.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export function sameSiteWrites(): MiddlewareHandler<AppEnv> {
  return async function sameSiteWrites(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      const fetchSite = c.req.header('Sec-Fetch-Site');
      const origin = c.req.header('Origin');
      const own = [c.req.header('Host'), hostOf(c.req.url), hostOf(c.env.SITE_URL)];
      const foreignOrigin = origin !== undefined && !own.includes(hostOf(origin) ?? '\0');
      if (fetchSite === 'cross-site' || foreignOrigin) {
        throw new ApiError(
          'cross_site_request',
          'This request came from another site; changes to your progress are only accepted from this site.',
        );
      }
    }
    await next();
  };
}
