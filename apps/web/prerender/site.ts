/**
 * The site's public origin, configured once: `vars.SITE_URL` in apps/api/wrangler.jsonc (the
 * Worker sees the same value). `SITE_URL` in the environment overrides it for one build, e.g. a
 * preview deploy. Canonical URLs, Open Graph tags, the sitemap and the feed are built from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { SITE_NAME } from '../src/titles.ts';

export const SITE_TAGLINE = 'Certification exam guides and timed practice exams.';

export interface Site {
  /** e.g. https://prep.example.com — no trailing slash. */
  origin: string;
  name: string;
}

export const WRANGLER_CONFIG = path.resolve(import.meta.dirname, '../../api/wrangler.jsonc');

/** Validates and normalizes an origin: absolute http(s), no path, query or fragment. */
export function parseSiteUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://prep.example.com, got '${raw}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL must use http or https, got '${raw}'`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`SITE_URL must be an origin without a path, got '${raw}'`);
  }
  return url.origin;
}

/** `vars.SITE_URL` of a wrangler.jsonc (comments and trailing commas allowed, as wrangler does). */
export function wranglerSiteUrl(configPath = WRANGLER_CONFIG): string | undefined {
  const errors: ParseError[] = [];
  const config = parse(readFileSync(configPath, 'utf8'), errors, { allowTrailingComma: true }) as {
    vars?: Record<string, unknown>;
  };
  if (errors.length > 0) {
    const first = errors[0] as ParseError;
    throw new Error(`${configPath}: ${printParseErrorCode(first.error)} at offset ${first.offset}`);
  }
  const value = config?.vars?.SITE_URL;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function resolveSite(
  env: Record<string, string | undefined> = process.env,
  configPath = WRANGLER_CONFIG,
): Site {
  const raw = env.SITE_URL?.trim() || wranglerSiteUrl(configPath);
  if (!raw) throw new Error(`Set vars.SITE_URL in ${configPath} (or SITE_URL in the environment)`);
  return { origin: parseSiteUrl(raw), name: SITE_NAME };
}

/** The absolute URL of a site path ('/guides/x' → 'https://…/guides/x'). */
export function absoluteUrl(site: Site, pathname: string): string {
  return new URL(pathname, `${site.origin}/`).href;
}
