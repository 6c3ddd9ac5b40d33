/**
 * Cross-cutting HTTP behaviour: validation errors, error responses, caching and CORS.
 */
import type { Hook } from '@hono/zod-openapi';
import type { Context, ErrorHandler, MiddlewareHandler, TypedResponse } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import { BundleError } from './bundle.js';
import type { AppEnv } from './env.js';
import { ApiError, issuesOf } from './errors.js';

/** Bumped when response shapes change, so clients' cached ETags stop matching. */
export const API_VERSION = '1';

/** Largest request body accepted (answers and attempt options are tiny). */
export const MAX_BODY_BYTES = 16 * 1024;

/** zod failures of params, query or body → 400 `invalid_request` listing every issue. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    const issues = issuesOf(result.error, result.target);
    const first = issues[0];
    throw new ApiError(
      'invalid_request',
      first ? `Invalid ${result.target}: ${first.path} — ${first.message}` : `Invalid ${result.target}`,
      { issues },
    );
  }
};

/** `Retry-After` of a 503 `bundle_unavailable`: an upload in progress usually finishes by then. */
const BUNDLE_RETRY_AFTER_SECONDS = 30;

/**
 * A missing, corrupt or unreadable bundle → 503 `bundle_unavailable` with the reason (a
 * BundleError's message is written for operators and names no secret; anything else is logged
 * and summarized).
 */
export function bundleUnavailable(err: unknown): ApiError {
  if (!(err instanceof BundleError)) console.error('reading the content bundle failed:', err);
  return new ApiError(
    'bundle_unavailable',
    err instanceof BundleError
      ? `The content bundle is unavailable: ${err.message}.`
      : 'The content bundle is unavailable: the content store could not be read.',
    { headers: { 'Retry-After': String(BUNDLE_RETRY_AFTER_SECONDS) } },
  );
}

/** Every error becomes the one JSON error shape; nothing else (no stack) ever leaves. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  let error: ApiError;
  if (err instanceof ApiError) error = err;
  else if (err instanceof BundleError) error = bundleUnavailable(err);
  else if (err instanceof HTTPException) error = fromHttpException(err);
  else {
    console.error(`${c.req.method} ${new URL(c.req.url).pathname} failed:`, err);
    error = new ApiError('internal_error', 'Something went wrong on our side.');
  }
  return errorResponse(c, error);
};

/**
 * A JSON response whose body is already serialized (a stored score report), typed as
 * `c.json(value, status)` would type it: the text is sent as is, not parsed and re-serialized.
 */
export function jsonText<T, S extends ContentfulStatusCode>(
  c: Context<AppEnv>,
  text: string,
  status: S,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  return c.body(text, status, { 'Content-Type': 'application/json' }) as unknown as Response &
    TypedResponse<JSONParsed<T>, S, 'json'>;
}

export function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  return c.json(error.toBody(), error.status, { ...error.headers, 'Cache-Control': 'no-store' });
}

function fromHttpException(err: HTTPException): ApiError {
  if (err.status === 400 && /json/i.test(err.message)) {
    return new ApiError('malformed_json', 'The request body is not valid JSON.');
  }
  if (err.status === 413)
    return new ApiError('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  if (err.status === 415) {
    return new ApiError(
      'unsupported_media_type',
      'Send the body as JSON (`Content-Type: application/json`).',
    );
  }
  return new ApiError('invalid_request', err.message || 'Invalid request.');
}

const tooLarge = () =>
  new ApiError('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);

/**
 * Request bodies of at most MAX_BODY_BYTES, declared or streamed: a Content-Length over the limit
 * is refused unread; a chunked body is read up to the limit and, past it, the rest is cancelled
 * and the answer is 413 `payload_too_large`. A body that breaks off while being read is a 400
 * (`invalid_request`). Never a 500: every outcome is one of these JSON errors, or the body.
 */
export const limitBody: MiddlewareHandler<AppEnv> = async function limitBody(c, next) {
  const raw = c.req.raw;
  if (!raw.body) return next();
  const length = raw.headers.get('content-length');
  if (length !== null && !raw.headers.has('transfer-encoding')) {
    if (!/^\d+$/.test(length) || Number(length) > MAX_BODY_BYTES) throw tooLarge();
    return next();
  }
  const reader = raw.body.getReader();
  const buffer = new Uint8Array(MAX_BODY_BYTES);
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > MAX_BODY_BYTES) {
        reader.cancel().catch(() => {});
        throw tooLarge();
      }
      buffer.set(value, size);
      size += value.byteLength;
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('invalid_request', 'The request body could not be read to its end.');
  }
  c.req.raw = new Request(raw, { body: buffer.slice(0, size) });
  return next();
};

/** CORS for the origins in ALLOWED_ORIGINS (comma-separated); same-origin requests need none. */
export const corsFromEnv: MiddlewareHandler<AppEnv> = async function corsFromEnv(c, next) {
  return corsFor(c.env.ALLOWED_ORIGINS ?? '')(c, next);
};

// One handler per configuration, made once per isolate (the setting is fixed for a deployment).
let corsHandler: { origins: string; handler: MiddlewareHandler } | undefined;

function corsFor(origins: string): MiddlewareHandler {
  if (corsHandler?.origins === origins) return corsHandler.handler;
  const allowed = origins
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const handler = cors({
    origin: (origin) => (allowed.includes(origin) || allowed.includes('*') ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'If-None-Match'],
    exposeHeaders: ['ETag'],
    maxAge: 600,
  });
  corsHandler = { origins, handler };
  return handler;
}

const CONTENT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

/**
 * Content routes: the bundle only changes with a deploy, so the ETag is the bundle's content
 * hash (plus the API version) and a matching If-None-Match is answered 304 before any work.
 */
export const contentCache: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { contentHash } = await c.var.content();
  const etag = `W/"${contentHash.slice(0, 32)}.${API_VERSION}"`;
  if (etagMatches(c.req.header('If-None-Match'), etag)) {
    return c.body(null, 304, { ETag: etag, 'Cache-Control': CONTENT_CACHE_CONTROL });
  }
  await next();
  if (c.res.status === 200) {
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', CONTENT_CACHE_CONTROL);
  }
};

/** Weak comparison (RFC 9110 §13.1.2): `*` or any listed tag equal to ours, W/ ignored. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** Attempt and admin routes: personal, changing state — never cached. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
};
