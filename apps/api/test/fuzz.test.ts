/**
 * API fuzzing (issue 6, Reliability): every route of the real Worker (its default export over the
 * real bundle, local D1) with random methods, paths, params, headers and bodies (fast-check,
 * bounded runs). Whatever a client sends, the response must:
 *
 * - have a status the route documents (its OpenAPI `responses`; 304 on content routes with
 *   If-None-Match; 204 for a CORS preflight; 404/405 off the routes, a 405 never listing the method
 *   it refuses) and never be a 5xx;
 * - on errors, be `{ error: { code, message, issues? } }` with a known code matching the status,
 *   as JSON, with no stack trace, source path or raw runtime error;
 * - never carry a rationale, an explanation or a key field, except a check (that question) or a
 *   submitted attempt's report (its questions);
 * - carry the security headers, no CORS grant (no origin is configured), `no-store` on errors and
 *   on attempt, practice and admin routes;
 * - be 2xx on an attempt or admin route only with exactly that attempt's token / the admin token.
 *
 * The route table is read from GET /openapi.json, so a new route is fuzzed with its own statuses.
 */
import { exports } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from './constants.js';
import { ASSOCIATE, api, PRO, real, type Sent, start } from './helpers.js';
import {
  errorShapeProblems,
  keyFieldsIn,
  leakedSecrets,
  securityHeaderProblems,
  stackTraceIn,
} from './invariants.js';

const ORIGIN = 'http://examdown.test';
const API = '/api/v1';
/** fast-check runs per property; the whole file stays well under 30 s. */
const RUNS = { anyRoute: 1000, bodies: 1000, attempts: 600, admin: 300 };

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | undefined;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  statuses: Set<number>;
  content: boolean;
}

const describeReq = (r: Req) =>
  `${r.method} ${r.path.length > 300 ? `${r.path.slice(0, 300)}…(${r.path.length})` : r.path} ${JSON.stringify(
    Object.fromEntries(
      Object.entries(r.headers).map(([k, v]) => [k, v.length > 120 ? `${v.slice(0, 120)}…` : v]),
    ),
  )} body=${
    r.body === undefined
      ? '-'
      : typeof r.body === 'string'
        ? JSON.stringify(r.body.length > 200 ? `${r.body.slice(0, 200)}…(${r.body.length})` : r.body)
        : `<${r.body.byteLength} bytes>`
  }`;

/** Sends to the real Worker; null when the runtime refuses to build such a request at all. */
async function send(req: Req): Promise<{ url: URL; res: Sent } | null> {
  let request: Request;
  try {
    request = new Request(`${ORIGIN}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
    });
  } catch {
    return null;
  }
  const response = await exports.default.fetch(request);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: errorShapeProblems says so where it matters
  }
  return {
    url: new URL(request.url),
    res: { status: response.status, headers: response.headers, text, body },
  };
}

// ---------------------------------------------------------------------------------------------
// Fixtures: two attempts, the route table, the content ETag
// ---------------------------------------------------------------------------------------------

type Started = Awaited<ReturnType<typeof start>>;
/** Fuzzed freely (saves, reads) but never submitted by the fuzzer. */
let open: Started;
/** May be submitted by the fuzzer (then saves on it are 409s). */
let spare: Started;
let routes: Route[] = [];
let etag = '';
const tokens = new Map<string, string>();

beforeAll(async () => {
  open = await start(api, PRO);
  spare = await start(api, ASSOCIATE, { mode: 'practice', count: 5 });
  tokens.set(open.id, open.token);
  tokens.set(spare.id, spare.token);
  etag = (await api('GET', '/exams')).headers.get('etag') ?? '';

  const doc = await api('GET', '/openapi.json');
  routes = [];
  for (const [template, operations] of Object.entries(
    doc.body.paths as Record<string, Record<string, { responses: Record<string, unknown>; tags?: string[] }>>,
  )) {
    for (const [method, op] of Object.entries(operations)) {
      const source = template
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      routes.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        statuses: new Set(Object.keys(op.responses).map(Number)),
        content: op.tags?.includes('content') ?? false,
      });
    }
  }
  // The document itself is not in the document.
  routes.push({
    method: 'GET',
    template: `${API}/openapi.json`,
    pattern: /^\/api\/v1\/openapi\.json$/,
    statuses: new Set([200]),
    content: false,
  });
});

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

/** The path as the router sees it (percent-decoding that keeps reserved characters encoded). */
function routedPath(pathname: string): string {
  try {
    return decodeURI(pathname.replace(/%25/g, '%2525'));
  } catch {
    return pathname;
  }
}

function presentedToken(header: string | undefined): string | undefined {
  return header ? /^bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
}

function headerOf(req: Req, name: string): string | undefined {
  const hit = Object.entries(req.headers).find(([k]) => k.toLowerCase() === name.toLowerCase());
  return hit?.[1];
}

const FETCH_NORMALIZED = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

function problemsOf(req: Req, url: URL, res: Sent): string[] {
  const problems: string[] = [];
  // The Fetch API upper-cases the six standard methods; any other is sent as written.
  const method = FETCH_NORMALIZED.includes(req.method.toUpperCase()) ? req.method.toUpperCase() : req.method;
  if (res.status >= 500) problems.push(`status ${res.status}`);

  const pathname = url.pathname;
  const isApi = pathname === API || pathname.startsWith(`${API}/`);
  if (!isApi) {
    // A path that left /api/v1 (e.g. through `..`) is the web client's business: never the key.
    const leaked = leakedSecrets(res.text);
    if (leaked.length > 0) problems.push(`static path leaks ${leaked[0]}`);
    if (/"correct(Options)?"\s*:/.test(res.text)) problems.push('static path serves key fields');
    return problems;
  }

  const routed = routedPath(pathname);
  const lookup = method === 'HEAD' ? 'GET' : method;
  const route = routes.find((r) => r.method === lookup && r.pattern.test(routed));
  let allowed: Set<number>;
  if (method === 'OPTIONS') allowed = new Set([204]);
  else if (route) {
    allowed = new Set(route.statuses);
    if (route.content && headerOf(req, 'If-None-Match') !== undefined) allowed.add(304);
  } else allowed = new Set([404, 405]);
  if (!allowed.has(res.status)) {
    problems.push(
      `status ${res.status} not documented for ${route?.template ?? 'this path'} (${[...allowed]})`,
    );
  }

  problems.push(...securityHeaderProblems(res.headers));
  if (res.headers.get('access-control-allow-origin') !== null) {
    problems.push('Access-Control-Allow-Origin sent though no origin is configured');
  }

  const head = method === 'HEAD';
  if (head && res.text !== '') problems.push('HEAD response with a body');
  if (res.status === 304 && res.text !== '') problems.push('304 with a body');
  if (res.status >= 400 && !head) {
    if (!(route?.template === `${API}/healthz` && res.status === 503))
      problems.push(...errorShapeProblems(res));
    const trace = stackTraceIn(res.text, [pathname, routed, method]);
    if (trace) problems.push(`stack trace or source path: ${trace}`);
    if (!route && !['not_found', 'method_not_allowed'].includes(res.body?.error?.code)) {
      problems.push(`off-route error code ${res.body?.error?.code}`);
    }
  }
  if (res.status >= 200 && res.status < 300 && res.status !== 204 && !head) {
    if (res.body === null || typeof res.body !== 'object') problems.push('2xx body is not JSON');
  }
  if (res.status === 405) {
    const allow = (res.headers.get('allow') ?? '').split(',').map((m) => m.trim());
    if (allow.length === 0 || allow[0] === '') problems.push('405 without Allow');
    if (allow.includes(method) || (head && allow.includes('GET'))) {
      problems.push(`405 for ${method} while Allow lists it (${allow.join(', ')})`);
    }
  }

  const cacheControl = res.headers.get('cache-control');
  if (res.status >= 400 && cacheControl !== 'no-store')
    problems.push(`error with Cache-Control ${cacheControl}`);
  if (route && !route.content && method !== 'OPTIONS' && route.template !== `${API}/openapi.json`) {
    if (cacheControl !== 'no-store') problems.push(`personal route with Cache-Control ${cacheControl}`);
  }

  // The key: a check shows its own question's, a submitted report its questions'; nothing else.
  const ok = res.status >= 200 && res.status < 300;
  const segments = pathname.split('/');
  let allowedQuestions = new Set<string>();
  let privileged = false;
  if (ok && route?.template === `${API}/questions/{id}/check`) {
    privileged = true;
    allowedQuestions = new Set([res.body?.questionId]);
  }
  if (ok && (route?.template.endsWith('/submit') || route?.template.endsWith('/report'))) {
    privileged = true;
    allowedQuestions = new Set((res.body?.questions ?? []).map((q: { questionId: string }) => q.questionId));
  }
  const leaked = leakedSecrets(res.text, allowedQuestions);
  if (leaked.length > 0) problems.push(`leaks a rationale/explanation: ${leaked[0]}`);
  if (!privileged && route?.template !== `${API}/openapi.json`) {
    const fields = keyFieldsIn(res.body);
    if (fields.length > 0) problems.push(`key fields ${fields.join(', ')} before the learner answered`);
  }

  // Authorization: 2xx only for exactly the right token.
  if (ok && route?.template.startsWith(`${API}/attempts/`)) {
    const id = decodeURIComponent(segments[4] ?? '');
    if (presentedToken(headerOf(req, 'Authorization')) !== tokens.get(id)) {
      problems.push(`attempt ${id} answered 2xx without its token`);
    }
  }
  if (ok && route?.template.startsWith(`${API}/stats/`)) {
    if (presentedToken(headerOf(req, 'Authorization')) !== TEST_ADMIN_TOKEN) {
      problems.push('admin route answered 2xx without the admin token');
    }
  }
  return problems;
}

let sent = 0;
let refused = 0;
/** Statuses seen: the generators must reach past validation, not only bounce off it. */
const seen = new Set<number>();

async function check(req: Req): Promise<Sent | null> {
  const out = await send(req);
  if (!out) {
    refused++;
    return null;
  }
  sent++;
  seen.add(out.res.status);
  const problems = problemsOf(req, out.url, out.res);
  if (problems.length > 0) {
    throw new Error(
      `${describeReq(req)}\n→ ${out.res.status} ${out.res.text.slice(0, 400)}\n- ${problems.join('\n- ')}`,
    );
  }
  return out.res;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const WEIRD_SEGMENTS = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E%2F%2E%2E',
  '..%2F..%2Fprivate%2Fkeys.json',
  '..%5C..%5Cprivate%5Ckeys.json',
  '%2F',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '%FF%FE',
  '%C0%AE%C0%AE',
  '%0d%0aSet-Cookie:%20x=1',
  '%u002e',
  'NUL',
  'con.json',
  '~',
  '*',
  ' ',
  '%20',
  '+',
  '🙂',
  'ü',
  'Ａ',
  '\u202e',
  'e\u0301',
  '\u0000',
  'a'.repeat(121),
  'a'.repeat(120),
  'a'.repeat(5000),
  `${'a-'.repeat(60)}a`,
  'DATABRICKS-ML-PROFESSIONAL',
  `${PRO} `,
  `${PRO}%20`,
  `${PRO}.json`,
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '0',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  "' OR '1'='1",
  '1;DROP TABLE attempts',
];

const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WEIRD_SEGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,4}$/) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => 'a'.repeat(n)) },
);

const SUFFIXES = [
  '',
  '',
  '',
  '/',
  '//',
  '/..',
  '/x',
  '?',
  '?x=1',
  '?exam=&mode=',
  '#frag',
  '/%2e%2e/%2e%2e/private/keys.json',
  '/../../../private/keys.json',
  ';jsessionid=1',
];

const METHODS = [
  'GET',
  'GET',
  'HEAD',
  'POST',
  'POST',
  'PUT',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'get',
  'post',
  'patch',
  'Put',
  'PROPFIND',
  'QUERY',
  'CONNECT',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=UTF-16',
  'APPLICATION/JSON',
  'application/json ; charset=utf-8',
  'application/json;',
  'application/json, text/plain',
  'application/vnd.api+json',
  'application/problem+json',
  'application/jsonx',
  'application/x-json',
  'text/json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zzz',
  'application/octet-stream',
  '*/*',
  '',
];

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

const jsonish = fc.jsonValue({ maxDepth: 4 });

/** Bodies shaped like the routes' requests, with wrong types and extra fields mixed in. */
const shapedBody = fc.oneof(
  fc.record(
    {
      mode: fc.oneof(fc.constantFrom('exam', 'practice', 'EXAM', '', 'timed'), jsonish),
      domains: fc.oneof(
        fc.subarray(real.exams.flatMap((e) => e.domains.map((d) => d.id))),
        fc.array(fc.oneof(fc.constantFrom('ml-solution-design', 'model-deployment'), fc.string(), jsonish), {
          maxLength: 60,
        }),
        jsonish,
      ),
      count: fc.oneof(fc.integer({ min: -5, max: 600 }), fc.double(), fc.constant(1e308), jsonish),
      extra: jsonish,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      answer: fc.oneof(
        fc.constant(null),
        fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']),
        fc.array(fc.constantFrom(...'abcdefz'), { maxLength: 30 }),
        fc.array(fc.oneof(fc.string(), jsonish), { maxLength: 5 }),
        jsonish,
      ),
      flagged: fc.oneof(fc.boolean(), jsonish),
      note: jsonish,
    },
    { requiredKeys: [] },
  ),
);

const nest = (n: number, open: string, inner: string, close: string) =>
  open.repeat(n) + inner + close.repeat(n);

/** Any body a client could send: JSON, wrong JSON, huge, deep, truncated, not JSON at all, binary. */
const anyBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: shapedBody.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: jsonish.map((v) => JSON.stringify(v)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'null',
      'true',
      '0',
      '"a"',
      '[]',
      '{}',
      '\uFEFF{"mode":"exam"}',
      '{"mode":"exam"}\u0000',
      '{"mode":"exam"} trailing',
      '{"__proto__":{"mode":"practice"}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '{"mode":"exam","mode":"practice","count":3}',
      '{"answer":["a"],"answer":null}',
      'NaN',
      '1e999',
      '{"mode":"practice","count":1e999}',
      '{"mode":"practice","count":-0}',
      '{"mode":"practice","count":1.0}',
      '{"answer":["\\u0061"]}',
      '{"answer":["a\\u0000"]}',
      '{"answer":"a"}',
      '{"answer":[["a"]]}',
      '{"flagged":1}',
      "{'mode':'exam'}",
      'mode=exam&count=5',
      '<xml/>',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1_000, max: 40_000 })
      .map((n) => JSON.stringify({ answer: ['a'], pad: 'x'.repeat(n) })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 9_000 }).map((n) => nest(n, '[', '', ']')) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3_000 }).map((n) => nest(n, '{"a":', '1', '}')) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 5_000 }).map((n) => `{"answer":${nest(n, '[', '"a"', ']')}}`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(shapedBody, fc.nat()).map(([b, cut]) => {
      const text = JSON.stringify(b);
      return text.slice(0, cut % Math.max(1, text.length));
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: 16 * 1024 - 2, max: 16 * 1024 + 2 }).map(exactSizeBody) },
);

/** A valid-looking JSON body of exactly n bytes (around the 16 KiB limit). */
function exactSizeBody(n: number): string {
  const base = '{"mode":"practice","pad":""}';
  return `${base.slice(0, -2)}${'p'.repeat(Math.max(0, n - base.length))}"}`;
}

function authVariants(token: string): string[] {
  return [
    `Bearer ${token}`,
    `Bearer ${token}`,
    `bearer ${token}`,
    `BEARER   ${token}  `,
    `Bearer\t${token}`,
    `Bearer ${token}=`,
    `Bearer ${token}x`,
    `Bearer ${token.slice(0, -1)}`,
    `Bearer ${token.toUpperCase()}`,
    `Bearer ${token}, Bearer ${token}`,
    `Token ${token}`,
    token,
    `Basic ${btoa(`user:${token}`)}`,
  ];
}

function authorization(): fc.Arbitrary<string | undefined> {
  const fixed = [
    ...authVariants(open.token),
    ...authVariants(spare.token),
    ...authVariants(TEST_ADMIN_TOKEN),
    'Bearer',
    'Bearer ',
    '',
    `Bearer ${'A'.repeat(20_000)}`,
    'Bearer null',
    'Bearer undefined',
    'Bearer ../../etc/passwd',
  ];
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 5, arbitrary: fc.constantFrom(...fixed) },
    { weight: 1, arbitrary: printable.map((s) => `Bearer ${s}`) },
    { weight: 1, arbitrary: printable },
  );
}

function headers(): fc.Arbitrary<Record<string, string>> {
  return fc
    .record(
      {
        Authorization: authorization(),
        'Content-Type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), printable),
        'If-None-Match': fc.oneof(
          fc.constantFrom(etag, '*', 'W/"x"', '"', ',,,', etag.replace('W/', ''), `${etag}, "other"`),
          fc.constant(Array.from({ length: 500 }, (_, i) => `"${i}"`).join(', ')),
          printable,
        ),
        Origin: fc.oneof(
          fc.constantFrom('https://evil.example', 'null', ORIGIN, 'http://localhost:8787'),
          printable,
        ),
        Accept: fc.oneof(fc.constantFrom('*/*', 'text/html', 'application/xml', ''), printable),
        'Content-Encoding': fc.constantFrom('gzip', 'br', 'identity'),
        Cookie: printable,
        'X-HTTP-Method-Override': fc.constantFrom('DELETE', 'PUT', 'GET'),
        Range: fc.constantFrom('bytes=0-10', 'bytes=-1', 'bytes=99999999-'),
      },
      { requiredKeys: [] },
    )
    .map(
      (h) =>
        Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>,
    );
}

function paramFor(name: string, template: string): fc.Arbitrary<string> {
  const questionIds = real.questions.map((q) => q.id);
  const inAttempt = open.questions.map((q) => q.question.id);
  const pick = (values: string[]) => fc.constantFrom(...values.map(encodeURIComponent));
  switch (name) {
    case 'examId':
      return fc.oneof(
        { weight: 3, arbitrary: pick(real.exams.map((e) => e.id)) },
        { weight: 2, arbitrary: segment },
      );
    case 'slug':
      return fc.oneof(
        { weight: 3, arbitrary: pick(real.guides.map((g) => g.slug)) },
        { weight: 2, arbitrary: segment },
      );
    case 'questionId':
      return fc.oneof(
        { weight: 3, arbitrary: pick(inAttempt) },
        { weight: 1, arbitrary: pick(questionIds) },
        { weight: 2, arbitrary: segment },
      );
    case 'id':
      if (template.startsWith(`${API}/questions/`)) {
        return fc.oneof({ weight: 3, arbitrary: pick(questionIds) }, { weight: 2, arbitrary: segment });
      }
      // Never submit the open attempt: the fuzzer keeps saving on it.
      return fc.oneof(
        { weight: 3, arbitrary: pick(template.endsWith('/submit') ? [spare.id] : [open.id, spare.id]) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constant(open.id.toUpperCase()) },
        { weight: 2, arbitrary: segment },
      );
    default:
      return segment;
  }
}

const OFF_ROUTE = [
  `${API}`,
  `${API}/`,
  `${API}/exams/`,
  `${API}/EXAMS`,
  `${API}//exams`,
  `${API}/openapiXjson`,
  `${API}/exams/{examId}/attempts/extra`,
  `${API}/attempts`,
  `${API}/attempts/{id}/answers`,
  `${API}/stats`,
  `${API}/private/keys.json`,
  '/api/v2/exams',
  '/api',
  '/private/keys.json',
];

function pathArb(templates?: readonly string[]): fc.Arbitrary<string> {
  const all = templates ?? [...new Set([...routes.map((r) => r.template), ...OFF_ROUTE])];
  return fc
    .constantFrom(...all)
    .chain((template) => {
      const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
      return fc.tuple(fc.constant(template), fc.tuple(...names.map((n) => paramFor(n, template))));
    })
    .chain(([template, values]) => {
      let i = 0;
      const filled = template.replace(/\{[^}]+\}/g, () => values[i++] ?? '');
      return fc.constantFrom(...SUFFIXES).map((suffix) => `${filled}${suffix}`);
    });
}

function request(
  paths: fc.Arbitrary<string>,
  methods: fc.Arbitrary<string>,
  bodies: fc.Arbitrary<string | Uint8Array | undefined>,
): fc.Arbitrary<Req> {
  return fc.record({ method: methods, path: paths, headers: headers(), body: bodies }).map((r) => {
    const upper = r.method.toUpperCase();
    return upper === 'GET' || upper === 'HEAD' ? { ...r, body: undefined } : r;
  });
}

const property = (arb: fc.Arbitrary<Req>) =>
  fc.asyncProperty(arb, async (req) => {
    await check(req);
  });

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

describe('API fuzzing (fast-check over the real Worker)', () => {
  it('any route, any method, odd params and headers: documented statuses, no 5xx, no leak', async () => {
    await fc.assert(
      property(request(pathArb(), fc.constantFrom(...METHODS), fc.option(anyBody, { nil: undefined }))),
      { numRuns: RUNS.anyRoute },
    );
  });

  it('random bodies and content types on the routes that take one', async () => {
    const bodyRoutes = [
      `${API}/exams/{examId}/attempts`,
      `${API}/questions/{id}/check`,
      `${API}/attempts/{id}/answers/{questionId}`,
    ];
    const arb = pathArb(bodyRoutes).chain((path) =>
      request(
        fc.constant(path),
        fc.constantFrom(path.includes('/answers/') ? 'PUT' : 'POST'),
        fc.option(anyBody, { nil: undefined, freq: 10 }),
      ),
    );
    await fc.assert(property(arb), { numRuns: RUNS.bodies });
  });

  it('attempt routes: ids and tokens — only the attempt’s own token ever gets a 2xx', async () => {
    const attemptRoutes = routes.filter((r) => r.template.startsWith(`${API}/attempts/`));
    const arb = fc
      .constantFrom(...attemptRoutes)
      .chain((route) =>
        request(
          pathArb([route.template]),
          fc.constantFrom(route.method, route.method, route.method, 'HEAD', 'DELETE'),
          fc.option(anyBody, { nil: undefined }),
        ),
      );
    await fc.assert(property(arb), { numRuns: RUNS.attempts });
  });

  it('the admin route: random queries and tokens', async () => {
    const query = fc
      .array(
        fc.tuple(
          fc.constantFrom('exam', 'mode', 'exam[]', 'EXAM', 'x'),
          fc.oneof(fc.constantFrom(PRO, ASSOCIATE, 'exam', 'practice', '', 'no-such-exam'), segment),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'));
    const arb = fc
      .record({ query, method: fc.constantFrom('GET', 'GET', 'HEAD', 'POST'), headers: headers() })
      .map(({ query: q, method, headers: h }) => ({
        method,
        path: `${API}/stats/questions?${q}`,
        headers: h,
      }));
    await fc.assert(property(arb), { numRuns: RUNS.admin });
  });

  it('known nasty inputs (a fixed corpus, run every time)', async () => {
    const json = { 'Content-Type': 'application/json' };
    const auth = { ...json, Authorization: `Bearer ${open.token}` };
    const q = open.questions[0]?.question.id ?? '';
    const corpus: Req[] = [
      {
        method: 'POST',
        path: `${API}/exams/${PRO}/attempts`,
        headers: json,
        body: nest(8_000, '[', '', ']'),
      },
      {
        method: 'POST',
        path: `${API}/exams/${PRO}/attempts`,
        headers: json,
        body: nest(2_700, '{"a":', '1', '}'),
      },
      {
        method: 'PUT',
        path: `${API}/attempts/${open.id}/answers/${q}`,
        headers: auth,
        body: nest(5_000, '[', '', ']'),
      },
      { method: 'POST', path: `${API}/exams/${PRO}/attempts`, headers: json, body: exactSizeBody(16 * 1024) },
      {
        method: 'POST',
        path: `${API}/exams/${PRO}/attempts`,
        headers: json,
        body: exactSizeBody(16 * 1024 + 1),
      },
      { method: 'POST', path: `${API}/exams/${PRO}/attempts`, headers: json, body: 'x'.repeat(1024 * 1024) },
      { method: 'POST', path: `${API}/exams/${PRO}/attempts`, headers: {}, body: '{"mode":"exam"}' },
      { method: 'POST', path: `${API}/exams/${PRO}/attempts`, headers: json, body: '' },
      {
        method: 'PUT',
        path: `${API}/attempts/${open.id}/answers/${q}`,
        headers: auth,
        body: JSON.stringify({
          answer: Array.from({ length: 27 }, (_, i) => String.fromCharCode(97 + (i % 26))),
        }),
      },
      {
        method: 'PUT',
        path: `${API}/attempts/${open.id}/answers/${q}`,
        headers: auth,
        body: JSON.stringify({ answer: ['a'.repeat(15_000)] }),
      },
      {
        method: 'POST',
        path: `${API}/questions/${real.questions[0]?.id}/check`,
        headers: json,
        body: JSON.stringify({ answer: 'abcdefghijklmnopqrstuvwxyz'.split('') }),
      },
      {
        method: 'POST',
        path: `${API}/exams/${PRO}/attempts`,
        headers: json,
        body: JSON.stringify({
          mode: 'practice',
          domains: Array.from({ length: 51 }, () => 'ml-solution-design'),
        }),
      },
      {
        method: 'POST',
        path: `${API}/exams/${PRO}/attempts`,
        headers: json,
        body: JSON.stringify({
          mode: 'practice',
          domains: ['ml-solution-design', 'ml-solution-design'],
          count: 3,
        }),
      },
      {
        method: 'GET',
        path: `${API}/attempts/${open.id}`,
        headers: { Authorization: `Bearer ${'x'.repeat(100_000)}` },
      },
      { method: 'GET', path: `${API}/exams/${'a'.repeat(100_000)}`, headers: {} },
      { method: 'GET', path: `${API}/exams`, headers: { 'If-None-Match': `${'"x", '.repeat(20_000)}*` } },
      { method: 'GET', path: `${API}/stats/questions?${'exam=x&'.repeat(2_000)}`, headers: {} },
      { method: 'GET', path: `${API}/exams/%2e%2e%2f%2e%2e%2fprivate%2fkeys.json`, headers: {} },
      { method: 'GET', path: '/api/v1/../../private/keys.json', headers: {} },
      { method: 'GET', path: '/api/v1/%2e%2e/%2e%2e/private/keys.json', headers: {} },
      { method: 'GET', path: '/bundle/private/keys.json', headers: {} },
      // One of each outcome, so every invariant is exercised on every status whatever the seed.
      { method: 'GET', path: `${API}/exams`, headers: {} },
      { method: 'GET', path: `${API}/exams`, headers: { 'If-None-Match': etag } },
      { method: 'OPTIONS', path: `${API}/exams`, headers: { Origin: 'https://evil.example' } },
      {
        method: 'POST',
        path: `${API}/exams/${ASSOCIATE}/attempts`,
        headers: json,
        body: '{"mode":"practice","count":1}',
      },
      { method: 'GET', path: `${API}/attempts/${open.id}`, headers: {} },
      {
        method: 'GET',
        path: `${API}/attempts/${open.id}`,
        headers: { Authorization: `Bearer ${spare.token}` },
      },
      { method: 'DELETE', path: `${API}/exams`, headers: {} },
      { method: 'GET', path: `${API}/attempts/${open.id}/report`, headers: auth },
      {
        method: 'POST',
        path: `${API}/exams/${PRO}/attempts`,
        headers: { 'Content-Type': 'text/plain' },
        body: '{}',
      },
      {
        method: 'PUT',
        path: `${API}/attempts/${open.id}/answers/${q}`,
        headers: auth,
        body: '{"answer":["z"]}',
      },
    ];
    const results: number[] = [];
    for (const req of corpus) {
      const res = await check(req);
      results.push(res?.status ?? -1);
    }
    // The body limit holds at exactly 16 KiB, whatever the body looks like.
    expect(results[3]).not.toBe(413);
    expect([results[4], results[5]]).toEqual([413, 413]);
    // A body without Content-Type is refused, not guessed.
    expect(results[6]).toBe(415);
  });

  it('sent real requests that reached every outcome (the runtime refused only a few)', () => {
    expect(sent).toBeGreaterThan(RUNS.anyRoute + RUNS.bodies);
    expect(refused).toBeLessThan(sent / 4);
    for (const status of [200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 413, 415, 422]) {
      expect(seen, `no response with status ${status}`).toContain(status);
    }
  });
});
