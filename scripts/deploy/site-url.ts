/**
 * Which origin a deploy builds its pages for. A local origin (the development default in
 * wrangler.jsonc) does not count: the deploy then learns the workers.dev address from wrangler.
 */
import { parseSiteUrl, wranglerSiteUrl } from '../../apps/web/prerender/site.ts';

export function isLocalOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host.endsWith('.localhost');
}

export function configuredSiteUrl(
  flag: string | undefined,
  env: string | undefined,
  wranglerConfig: string,
): string | undefined {
  const raw = flag?.trim() || env?.trim() || wranglerSiteUrl(wranglerConfig);
  if (!raw) return undefined;
  const origin = parseSiteUrl(raw);
  return isLocalOrigin(origin) ? undefined : origin;
}
