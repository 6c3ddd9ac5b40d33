/**
 * Every error the API sends has one JSON shape: `{ "error": { "code", "message", "issues"? } }`.
 * `code` is stable (clients switch on it); `message` is for people and may change.
 */
import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERROR_CODES = {
  invalid_request: 400,
  malformed_json: 400,
  token_missing: 401,
  token_invalid: 403,
  admin_disabled: 403,
  not_found: 404,
  exam_not_found: 404,
  guide_not_found: 404,
  asset_not_found: 404,
  question_not_found: 404,
  attempt_not_found: 404,
  question_not_in_attempt: 404,
  method_not_allowed: 405,
  attempt_submitted: 409,
  attempt_expired: 409,
  attempt_not_submitted: 409,
  too_many_open_attempts: 409,
  question_checked: 409,
  question_sealed: 409,
  report_sealed: 409,
  check_not_available: 403,
  cross_site_request: 403,
  no_session: 401,
  nothing_to_retake: 422,
  nothing_due: 422,
  passkey_failed: 400,
  check_not_allowed: 422,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_option: 422,
  too_many_options: 422,
  unknown_domain: 422,
  not_enough_questions: 422,
  internal_error: 500,
  bundle_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorIssue = z
  .object({
    path: z.string().openapi({ example: 'json.answer.0' }),
    message: z.string(),
  })
  .openapi('ErrorIssue');
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      issues: z.array(ErrorIssue).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly issues: ErrorIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: ErrorIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.issues = options.issues;
    this.headers = options.headers;
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    };
  }
}

/** Turns zod issues into `{ path, message }` pairs, the path prefixed by the request part (json, param, query). */
export function issuesOf(error: z.ZodError, target: string): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: [target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/** Error responses to declare in a route's OpenAPI `responses`. */
export function errorResponses<const S extends readonly ContentfulStatusCode[]>(...statuses: S) {
  const out = {} as {
    [K in S[number]]: { description: string; content: { 'application/json': { schema: typeof ErrorBody } } };
  };
  for (const status of statuses) {
    (out as Record<number, unknown>)[status] = {
      description: DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/json': { schema: ErrorBody } },
    };
  }
  return out;
}

const DESCRIPTIONS: Partial<Record<number, string>> = {
  400: 'Invalid request (`invalid_request`, `malformed_json`)',
  401: 'Missing bearer token (`token_missing`)',
  403: 'Refused (`token_invalid`, `admin_disabled`, `check_not_available`)',
  404: 'Unknown resource',
  409: 'Conflicts with the attempt state (`attempt_submitted`, `attempt_expired`, `attempt_not_submitted`, `too_many_open_attempts`, `question_checked`, `question_sealed`, `report_sealed`)',
  413: 'Body too large (`payload_too_large`)',
  415: 'Body is not JSON (`unsupported_media_type`)',
  422: 'Well-formed but not acceptable (`invalid_option`, `too_many_options`, `unknown_domain`, `not_enough_questions`, `check_not_allowed`)',
  429: 'Rate limited (`rate_limited`, with `Retry-After`)',
  503: 'The content bundle is missing or corrupt (`bundle_unavailable`, with the reason)',
};
