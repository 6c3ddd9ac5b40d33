/**
 * Invariants every API response must hold, shared by the fuzz, concurrency and security tests:
 * errors in the one JSON shape with a known code, no stack trace, no answer key where the learner
 * has not earned it, security headers. Each check returns a list of problems (empty = fine) so a
 * fast-check counterexample prints every broken rule at once.
 */
import { ERROR_CODES } from '../src/errors.js';
import { real, type Sent } from './helpers.js';

/** Fields that reveal the key; none may appear in a response before the learner has answered. */
export const KEY_FIELDS = [
  'correct',
  'correctOptions',
  'rationales',
  'rationale',
  'explanationHtml',
  'explanation',
  'credit',
  'keys',
] as const;

/** Every rationale and explanation of the real bundle, as it would appear inside a JSON string. */
const secretOwners = new Map<string, Set<string>>();
for (const key of real.keys.keys) {
  for (const secret of [
    ...Object.values(key.rationales),
    ...(key.explanationHtml ? [key.explanationHtml] : []),
  ]) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    const owners = secretOwners.get(escaped) ?? new Set<string>();
    owners.add(key.id);
    secretOwners.set(escaped, owners);
  }
}
export const SECRET_COUNT = secretOwners.size;

/** Secrets indexed by their first PREFIX characters: one Map lookup per text position. */
const PREFIX = 16;
const byPrefix = new Map<string, string[]>();
for (const secret of secretOwners.keys()) {
  if (secret.length < PREFIX) throw new Error(`secret too short to scan for: ${secret}`);
  const prefix = secret.slice(0, PREFIX);
  byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), secret]);
}

/**
 * Rationales/explanations in `text` that belong to none of `allowedQuestions` (the questions the
 * learner has answered or submitted, whose key a check or report may show).
 */
export function leakedSecrets(text: string, allowedQuestions: ReadonlySet<string> = new Set()): string[] {
  const found = new Set<string>();
  for (let i = 0; i + PREFIX <= text.length; i++) {
    const candidates = byPrefix.get(text.slice(i, i + PREFIX));
    if (!candidates) continue;
    for (const secret of candidates) {
      if (!text.startsWith(secret, i)) continue;
      const owners = secretOwners.get(secret) ?? new Set();
      if (![...owners].some((id) => allowedQuestions.has(id))) found.add(secret.slice(0, 60));
    }
  }
  return [...found];
}

/** Every JSON property name anywhere in a value. */
export function fieldsOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) fieldsOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      fieldsOf(v, out);
    }
  }
  return out;
}

/** Key-revealing fields present in a response body. */
export function keyFieldsIn(body: unknown): string[] {
  const fields = fieldsOf(body);
  return KEY_FIELDS.filter((f) => fields.has(f));
}

const STACK_PATTERNS: RegExp[] = [
  /\n\s+at\s/, // V8 frame on its own line
  /\bat\s+\S+\s+\([^)]*:\d+:\d+\)/, // "at fn (file:1:2)"
  /\bat\s+(?:file:|\/)\S*:\d+/, // "at /path/file.js:1:2"
  /\.(?:ts|js|mjs|cjs):\d+(?::\d+)?/, // file:line
  /file:\/\//,
  /node_modules/,
  /\/work\/|\/home\/|\/tmp\/|[A-Z]:\\\\/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|D1_ERROR|SQLITE_\w+)\b/,
];

/**
 * A stack trace, source path or raw runtime error in `text` — meant for error bodies (content
 * responses may quote paths in author prose). `echoes` are request parts the API legitimately
 * repeats in messages (the path of a 404, say), removed before scanning.
 */
export function stackTraceIn(text: string, echoes: readonly string[] = []): string | null {
  let scanned = text;
  for (const echo of echoes) {
    if (!echo) continue;
    for (const form of new Set([echo, JSON.stringify(echo).slice(1, -1)]))
      scanned = scanned.split(form).join('');
  }
  for (const pattern of STACK_PATTERNS) {
    const match = pattern.exec(scanned);
    if (match) return `${pattern}: …${scanned.slice(Math.max(0, match.index - 40), match.index + 80)}…`;
  }
  return null;
}

export const KNOWN_CODES = new Set(Object.keys(ERROR_CODES));

/** An error response must be `{ error: { code, message, issues? } }` with a code matching its status. */
export function errorShapeProblems(res: Sent): string[] {
  const problems: string[] = [];
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) {
    problems.push(`content-type is ${res.headers.get('content-type')}`);
  }
  const error = res.body?.error;
  if (!res.body || typeof res.body !== 'object' || !error || typeof error !== 'object') {
    return [...problems, 'body is not { error: {...} }'];
  }
  const extraTop = Object.keys(res.body).filter((k) => k !== 'error');
  if (extraTop.length > 0) problems.push(`unexpected top-level fields ${extraTop.join(', ')}`);
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'issues'].includes(k));
  if (extra.length > 0) problems.push(`unexpected error fields ${extra.join(', ')}`);
  if (!KNOWN_CODES.has(error.code)) problems.push(`unknown code ${JSON.stringify(error.code)}`);
  else if (ERROR_CODES[error.code as keyof typeof ERROR_CODES] !== res.status) {
    problems.push(`code ${error.code} with status ${res.status}`);
  }
  if (typeof error.message !== 'string' || error.message.length === 0) problems.push('no message');
  if (error.issues !== undefined) {
    const ok =
      Array.isArray(error.issues) &&
      error.issues.every(
        (i: unknown) =>
          i !== null &&
          typeof i === 'object' &&
          typeof (i as { path?: unknown }).path === 'string' &&
          typeof (i as { message?: unknown }).message === 'string',
      );
    if (!ok) problems.push('issues is not [{ path, message }]');
  }
  return problems;
}

/** Headers hono/secure-headers sets on every API response (README "HTTP behaviour"). */
export const SECURITY_HEADERS: Record<string, (value: string) => boolean> = {
  'content-security-policy': (v) => v.includes("default-src 'none'") && v.includes("frame-ancestors 'none'"),
  'x-content-type-options': (v) => v === 'nosniff',
  'x-frame-options': (v) => /^(DENY|SAMEORIGIN)$/i.test(v),
  'strict-transport-security': (v) => /max-age=\d{6,}/.test(v),
  'referrer-policy': (v) => v.length > 0,
  'cross-origin-resource-policy': (v) => v === 'same-origin',
  'cross-origin-opener-policy': (v) => v === 'same-origin',
  'x-permitted-cross-domain-policies': (v) => v === 'none',
};

export function securityHeaderProblems(headers: Headers): string[] {
  const problems: string[] = [];
  for (const [name, ok] of Object.entries(SECURITY_HEADERS)) {
    const value = headers.get(name);
    if (value === null) problems.push(`missing ${name}`);
    else if (!ok(value)) problems.push(`${name}: ${value}`);
  }
  if (headers.get('x-powered-by') !== null) problems.push('x-powered-by is set');
  return problems;
}
