/**
 * The API's bad-input guarantees over real HTTP: the product started as the README's `npm run dev`
 * does (support/dev-server.ts), then
 *
 * - fast-check requests (random methods, paths, params, headers, bodies) through fetch;
 * - hand-made raw HTTP/1.1 over a socket, which fetch would refuse or normalise: dot segments
 *   and encoded traversal in the request target, absolute-form targets, a chunked body over the
 *   16 KiB limit without Content-Length, conflicting framing headers, huge headers and URLs;
 * - concurrent saves and double submits against the local D1 of `wrangler dev`;
 * - the static files' security headers (apps/web `_headers`), as a browser gets them.
 *
 * Whatever is sent: never a 5xx, errors as JSON `{ error: { code, message } }` without a stack
 * trace, no rationale or explanation anywhere, and the Worker logs no unhandled error and stays
 * healthy. (The in-workerd suite, apps/api/test/fuzz.test.ts, checks documented statuses per
 * route; this file checks what only a real server can show.)
 */
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import type { PrivateBundle } from '@examdown/compiler/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../support/dev-server';

const EXAM = 'databricks-ml-professional';
const root = resolve(import.meta.dirname, '../..');

let server: DevServer;
let secrets: string[] = [];
let contentHash = '';

beforeAll(async () => {
  server = await startDevServer();
  const keys: PrivateBundle = JSON.parse(
    await readFile(resolve(root, 'packages/content/bundle/private/keys.json'), 'utf8'),
  );
  contentHash = keys.contentHash;
  secrets = [
    ...new Set(
      keys.keys.flatMap((k) => [
        ...Object.values(k.rationales),
        ...(k.explanationHtml ? [k.explanationHtml] : []),
      ]),
    ),
  ].map((s) => JSON.stringify(s).slice(1, -1));
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

const STACK = [
  /\n\s+at\s/,
  /\bat\s+\S+\s+\([^)]*:\d+:\d+\)/,
  /\.(?:ts|js|mjs):\d+:\d+/,
  /node_modules/,
  /file:\/\//,
];
const ERROR_CODE = /^[a-z_]+$/;

/** What every reply must hold; `api` replies (under /api/v1) also the error shape and headers. */
function problemsOf(reply: Reply, api: boolean, echoes: string[] = []): string[] {
  const problems: string[] = [];
  if (reply.status >= 500) problems.push(`status ${reply.status}`);
  for (const secret of secrets) {
    if (reply.text.includes(secret)) problems.push(`leaks ${secret.slice(0, 60)}`);
  }
  if (reply.text.includes(contentHash) && /"correct"\s*:/.test(reply.text))
    problems.push('serves the key file');
  if (!api) return problems;
  if (reply.headers.get('x-content-type-options') !== 'nosniff') problems.push('no X-Content-Type-Options');
  if (!(reply.headers.get('content-security-policy') ?? '').includes("default-src 'none'"))
    problems.push('no CSP');
  if (reply.headers.get('access-control-allow-origin') !== null)
    problems.push('CORS grant without configured origins');
  if (reply.status >= 400 && reply.text !== '') {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = JSON.parse(reply.text);
    } catch {
      problems.push(`error body is not JSON: ${reply.text.slice(0, 120)}`);
    }
    if (body && (typeof body.error?.code !== 'string' || !ERROR_CODE.test(body.error.code))) {
      problems.push('error without a code');
    }
    if (body && (typeof body.error?.message !== 'string' || body.error.message === '')) {
      problems.push('error without a message');
    }
    let scanned = reply.text;
    for (const echo of echoes) scanned = scanned.split(echo).join('');
    const trace = STACK.find((p) => p.test(scanned));
    if (trace) problems.push(`stack trace or source path (${trace})`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// fetch + fast-check
// ---------------------------------------------------------------------------------------------

const SEGMENTS = [
  EXAM,
  'databricks-ml-associate',
  '..',
  '%2e%2e',
  '..%2F..%2Fprivate%2Fkeys.json',
  '%00',
  '%',
  '%E0%A4%A',
  '🙂',
  'a'.repeat(5_000),
  '00000000-0000-4000-8000-000000000000',
  "' OR 1=1 --",
];
const TEMPLATES = [
  '/api/v1/healthz',
  '/api/v1/openapi.json',
  '/api/v1/exams',
  '/api/v1/exams/{}',
  '/api/v1/exams/{}/attempts',
  '/api/v1/guides/{}',
  '/api/v1/questions/{}',
  '/api/v1/questions/{}/check',
  '/api/v1/attempts/{}',
  '/api/v1/attempts/{}/answers/{}',
  '/api/v1/attempts/{}/submit',
  '/api/v1/attempts/{}/report',
  '/api/v1/stats/questions?exam={}',
  '/api/v1/{}',
  '/{}',
];
const segment = fc.oneof(
  fc.constantFrom(...SEGMENTS),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  fc.uuid(),
);
const path = fc
  .tuple(fc.constantFrom(...TEMPLATES), segment, segment, fc.constantFrom('', '', '/', '?x=1', '/..'))
  .map(([template, a, b, suffix]) => {
    let i = 0;
    return template.replace(/\{\}/g, () => (i++ === 0 ? a : b)) + suffix;
  });
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('', '{', '{"mode":"exam"}', '{"mode":"practice","count":5}', '{"answer":["a"]}', 'null'),
  fc.integer({ min: 10_000, max: 40_000 }).map((n) => JSON.stringify({ pad: 'x'.repeat(n) })),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.string({ maxLength: 200 }),
);
const ascii = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const request = fc.record({
  method: fc.constantFrom('GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  path,
  contentType: fc.option(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
    ),
  ),
  authorization: fc.option(
    fc.oneof(
      ascii.map((s) => `Bearer ${s}`),
      ascii,
    ),
  ),
  ifNoneMatch: fc.option(fc.oneof(fc.constantFrom('*', 'W/"x"'), ascii)),
  origin: fc.option(fc.constantFrom('https://evil.example', 'null')),
  body: fc.option(body),
});

describe('the API over real HTTP', () => {
  it('random requests through fetch: no 5xx, JSON errors, no stack trace, no key', async () => {
    let sent = 0;
    let transportRefusals = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType !== null) headers['Content-Type'] = r.contentType;
        if (r.authorization !== null) headers.Authorization = r.authorization;
        if (r.ifNoneMatch !== null) headers['If-None-Match'] = r.ifNoneMatch;
        if (r.origin !== null) headers.Origin = r.origin;
        const withBody = r.body !== null && r.method !== 'GET' && r.method !== 'HEAD';
        const url = new URL(`${server.url}${r.path}`);
        const api = url.pathname.startsWith('/api/');
        let reply: Reply;
        try {
          const res = await fetch(url, { method: r.method, headers, body: withBody ? r.body : undefined });
          reply = { status: res.status, headers: res.headers, text: await res.text() };
        } catch (err) {
          // Static paths are Workers Static Assets, not our Worker: answering a POST with a large
          // body there before reading it may close the connection under the client. On the API
          // the Worker always answers (413 past 16 KiB), so there a transport error is a failure.
          if (api) throw err;
          transportRefusals++;
          return;
        }
        // The same under wrangler dev, told as a reply: its asset server drops a body it never
        // reads (a DELETE with 20 KB to a static path) and wrangler answers 500 "Network
        // connection lost." itself — not the Worker's answer, and not what production does.
        if (!api && reply.status === 500 && reply.text.trim() === 'Network connection lost.') {
          transportRefusals++;
          return;
        }
        sent++;
        const problems = problemsOf(reply, api, [url.pathname, decodeURIComponentSafe(url.pathname)]);
        if (problems.length > 0) {
          throw new Error(
            `${r.method} ${r.path} → ${reply.status} ${reply.text.slice(0, 300)}\n- ${problems.join('\n- ')}`,
          );
        }
      }),
      { numRuns: 250 },
    );
    expect(sent + transportRefusals).toBe(250);
    expect(transportRefusals).toBeLessThan(25);
  }, 120_000);

  it('raw HTTP/1.1 that fetch cannot send: traversal, odd targets, framing, oversized parts', async () => {
    const host = `Host: localhost:${server.port}`;
    // `byHttpLayer`: the runtime's HTTP parser may refuse it (e.g. 501 for a method token it does
    // not know) before any Worker runs; such a reply must then not be one of ours.
    const cases: { name: string; request: string; byHttpLayer?: boolean; expect?: (r: Reply) => void }[] = [
      { name: 'dot segments', request: `GET /api/v1/../../private/keys.json HTTP/1.1\r\n${host}\r\n\r\n` },
      {
        name: 'dot segments in the api',
        request: `GET /api/v1/exams/../../v1/stats/questions HTTP/1.1\r\n${host}\r\n\r\n`,
      },
      {
        name: 'encoded traversal',
        request: `GET /api/v1/%2e%2e/%2e%2e/private/keys.json HTTP/1.1\r\n${host}\r\n\r\n`,
      },
      {
        name: 'encoded slash param',
        request: `GET /api/v1/exams/..%2f..%2fprivate%2fkeys.json HTTP/1.1\r\n${host}\r\n\r\n`,
      },
      { name: 'backslashes', request: `GET /api/v1\\..\\..\\private\\keys.json HTTP/1.1\r\n${host}\r\n\r\n` },
      {
        name: 'absolute-form target',
        request: `GET http://localhost:${server.port}/api/v1/exams HTTP/1.1\r\n${host}\r\n\r\n`,
      },
      { name: 'HTTP/1.0 without Host', request: 'GET /api/v1/exams HTTP/1.0\r\n\r\n' },
      {
        name: 'lower-case method',
        request: `get /api/v1/exams HTTP/1.1\r\n${host}\r\n\r\n`,
        byHttpLayer: true,
      },
      {
        name: 'unknown method',
        request: `BREW /api/v1/exams HTTP/1.1\r\n${host}\r\n\r\n`,
        byHttpLayer: true,
      },
      {
        name: 'chunked body over the limit, no Content-Length',
        request:
          `POST /api/v1/exams/${EXAM}/attempts HTTP/1.1\r\n${host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
          `${chunked(`{"mode":"practice","pad":"${'x'.repeat(40_000)}"}`)}`,
        expect: (r) => expect(r.status).toBe(413),
      },
      {
        // A client of its own (the fuzzing above may have used up the starts of this one).
        name: 'chunked body within the limit',
        request:
          `POST /api/v1/exams/${EXAM}/attempts HTTP/1.1\r\n${host}\r\nCF-Connecting-IP: 192.0.2.77\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
          `${chunked('{"mode":"practice","count":2}')}`,
        expect: (r) => expect(r.status).toBe(201),
      },
      {
        name: 'Content-Length and Transfer-Encoding both',
        request:
          `POST /api/v1/exams/${EXAM}/attempts HTTP/1.1\r\n${host}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n` +
          `${chunked('{"mode":"exam"}')}`,
      },
      {
        name: 'two Content-Length headers',
        request: `POST /api/v1/exams/${EXAM}/attempts HTTP/1.1\r\n${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 15\r\n\r\n{"mode":"exam"}`,
      },
      {
        name: 'Content-Length larger than the limit (body not sent)',
        request: `POST /api/v1/exams/${EXAM}/attempts HTTP/1.1\r\n${host}\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n{}`,
      },
      {
        name: 'huge header',
        request: `GET /api/v1/exams HTTP/1.1\r\n${host}\r\nX-Big: ${'a'.repeat(200_000)}\r\n\r\n`,
      },
      {
        name: 'huge Authorization',
        request: `GET /api/v1/attempts/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${'A'.repeat(60_000)}\r\n\r\n`,
      },
      { name: 'huge URL', request: `GET /api/v1/exams/${'a'.repeat(100_000)} HTTP/1.1\r\n${host}\r\n\r\n` },
      {
        name: 'many headers',
        request: `GET /api/v1/exams HTTP/1.1\r\n${host}\r\n${'X-A: b\r\n'.repeat(2_000)}\r\n`,
      },
      { name: 'NUL in the target', request: `GET /api/v1/exams/\u0000 HTTP/1.1\r\n${host}\r\n\r\n` },
      {
        name: 'obsolete line folding',
        request: `GET /api/v1/exams HTTP/1.1\r\n${host}\r\nX-Folded: a\r\n b\r\n\r\n`,
      },
      {
        name: 'not HTTP at all',
        request: '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n',
      },
    ];
    for (const c of cases) {
      const reply = await rawHttp(server.port, c.request);
      // A connection the server closes without an answer is a refusal, not a crash.
      if (reply.status === 0) continue;
      if (c.byHttpLayer && reply.status >= 500) {
        expect([501, 505], c.name).toContain(reply.status);
        expect(reply.headers.get('content-security-policy'), `${c.name}: not the Worker's reply`).toBeNull();
        continue;
      }
      const target = /^\S+ (\S+)/.exec(c.request)?.[1] ?? '';
      const problems = problemsOf(reply, reply.headers.get('content-type')?.includes('json') ?? false, [
        target,
        decodeURIComponentSafe(target),
      ]);
      expect(problems, `${c.name} → ${reply.status} ${reply.text.slice(0, 200)}`).toEqual([]);
      c.expect?.(reply);
    }
    const health = await fetch(`${server.url}/api/v1/healthz`);
    expect(health.status).toBe(200);
  }, 120_000);

  it('concurrent saves and double submits against wrangler dev’s local D1', async () => {
    const call = async (method: string, p: string, token?: string, payload?: unknown) => {
      const res = await fetch(`${server.url}/api/v1${p}`, {
        method,
        headers: {
          // One client of its own: the per-IP rate limits are not shared with the fuzzing above.
          'CF-Connecting-IP': '192.0.2.78',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await res.text();
      return { status: res.status, text, body: JSON.parse(text) };
    };
    const started = await call('POST', `/exams/${EXAM}/attempts`, undefined, { mode: 'exam' });
    expect(started.status).toBe(201);
    const { id, token } = started.body as { id: string; token: string };
    const questions = (started.body.questions as { question: { id: string; options: { id: string }[] } }[])
      .slice(0, 20)
      .map((q) => q.question);
    // 20 questions × 5 saves: sequential per question, the questions in parallel.
    const last = new Map<string, string>();
    await Promise.all(
      questions.map(async (q) => {
        const ids = q.options.map((o) => o.id).sort();
        for (let k = 0; k < 5; k++) {
          const pick = ids[k % ids.length] ?? 'a';
          const res = await call('PUT', `/attempts/${id}/answers/${q.id}`, token, { answer: [pick] });
          expect(res.status, res.text).toBe(200);
          last.set(q.id, pick);
        }
      }),
    );
    const state = await call('GET', `/attempts/${id}`, token);
    for (const q of state.body.questions.slice(0, 60) as {
      question: { id: string };
      answer: string[] | null;
    }[]) {
      expect(q.answer).toEqual(last.has(q.question.id) ? [last.get(q.question.id)] : null);
    }
    const submits = await Promise.all([1, 2, 3].map(() => call('POST', `/attempts/${id}/submit`, token)));
    expect(submits.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(new Set(submits.map((s) => s.text)).size).toBe(1);
    expect(submits[0]?.body.score.answered).toBe(20);
  }, 120_000);

  it('1,000 bodies over the limit, chunked and not: 413 JSON every time, never a 500', async () => {
    const statuses = new Map<string, number>();
    const problems: string[] = [];
    const targets = [
      ['POST', `/api/v1/exams/${EXAM}/attempts`],
      ['POST', '/api/v1/questions/mla-dbml-alias-champion/check'],
      ['PUT', '/api/v1/attempts/AAAAAAAAAAAAAAAAAAAAAA.1/answers/q'],
    ] as const;
    for (let i = 0; i < 1_000; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, k) => {
          const n = i + k;
          const [method, path] = targets[n % targets.length] as (typeof targets)[number];
          const body = `{"mode":"practice","pad":"${'x'.repeat(16_400 + (n % 7) * 9_000)}"}`;
          const head = `${method} ${path} HTTP/1.1\r\nHost: localhost:${server.port}\r\nContent-Type: application/json\r\nConnection: close\r\n`;
          const chunkedBody = n % 2 === 0;
          const reply = await rawHttp(
            server.port,
            chunkedBody
              ? `${head}Transfer-Encoding: chunked\r\n\r\n${chunked(body, 1 + ((n * 131) % 8192))}`
              : `${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
          );
          const key = `${chunkedBody ? 'chunked' : 'length'} ${reply.status}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          let code: unknown;
          try {
            code = (JSON.parse(reply.text) as { error?: { code?: string } }).error?.code;
          } catch {
            code = undefined;
          }
          if (reply.status !== 413 || code !== 'payload_too_large')
            problems.push(`${key}: ${reply.text.slice(0, 200)}`);
        }),
      );
    }
    expect(problems).toEqual([]);
    expect(Object.fromEntries(statuses)).toEqual({ 'chunked 413': 500, 'length 413': 500 });
  }, 300_000);

  it('serves the web client’s files with the _headers security headers', async () => {
    const declared = await readFile(resolve(root, 'apps/web/public/_headers'), 'utf8');
    const csp = /Content-Security-Policy:\s*(.+)/.exec(declared)?.[1]?.trim();
    expect(csp).toBeTruthy();
    // A prerendered page, a client route (the app's shell, from the Worker) and an unknown URL
    // (the prerendered 404 page): every document a browser can get carries the headers.
    const documents: [string, number][] = [
      ['/', 200],
      ['/index.html', 200],
      ['/attempts/some-client-route', 200],
      ['/exams/some-client-route', 404],
    ];
    for (const [p, status] of documents) {
      const res = await fetch(`${server.url}${p}`);
      await res.arrayBuffer();
      expect(res.status, p).toBe(status);
      expect(res.headers.get('content-security-policy'), p).toBe(csp);
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), p).toBe('DENY');
      expect(res.headers.get('referrer-policy'), p).toBeTruthy();
    }
  });

  it('stayed healthy, and the Worker logged no unhandled error through all of it', async () => {
    const health = await fetch(`${server.url}/api/v1/healthz`);
    expect(health.status).toBe(200);
    // onError logs "<METHOD> <path> failed:" for every 500 internal_error.
    expect(server.output()).not.toMatch(/\b(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) \/api\S* failed:/);
    expect(server.output()).not.toMatch(/Uncaught|unhandled rejection/i);
  });

  it('an asterisk request target stops in wrangler dev’s own entry worker, before ours', async () => {
    // `OPTIONS * HTTP/1.1` is valid HTTP that no Worker route can name. wrangler dev's entry
    // (miniflare) fails to build a URL from it and answers a text/plain 500 itself; Cloudflare's
    // edge answers such requests before any Worker runs. Either way the examdown Worker is not
    // involved: the reply is not ours (no JSON error, no security headers) and nothing leaks.
    const reply = await rawHttp(server.port, `OPTIONS * HTTP/1.1\r\nHost: localhost:${server.port}\r\n\r\n`);
    if (reply.status >= 500) {
      // Not the examdown Worker's reply: ours always carry the security headers and JSON.
      expect(reply.headers.get('content-security-policy')).toBeNull();
      expect(reply.text).not.toMatch(/"error"\s*:\s*\{/);
    }
    expect(problemsOf({ ...reply, status: 200 }, false)).toEqual([]);
    expect((await fetch(`${server.url}/api/v1/healthz`)).status).toBe(200);
  });
});

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function chunked(text: string, size = 4096): string {
  let out = '';
  for (let i = 0; i < text.length; i += size) {
    const part = text.slice(i, i + size);
    out += `${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`;
  }
  return `${out}0\r\n\r\n`;
}

/** Sends raw bytes, reads until one HTTP/1.x response is complete or the server closes (or 4 s). */
function rawHttp(port: number, request: string): Promise<Reply> {
  return new Promise((done, fail) => {
    const socket = connect({ port, host: 'localhost' });
    const chunks: Buffer[] = [];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      done(parseResponse(Buffer.concat(chunks)));
    };
    socket.setTimeout(4_000, finish);
    socket.on('data', (c) => {
      chunks.push(c);
      const parsed = parseResponse(Buffer.concat(chunks));
      if (parsed.complete) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // The server hanging up on a request it will not read (e.g. huge headers) is a refusal.
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') finish();
      else fail(err);
    });
    socket.write(Buffer.from(request, 'latin1'));
  });
}

function parseResponse(raw: Buffer): Reply & { complete: boolean } {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: new Headers(), text: '', complete: false };
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = new Headers();
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const rest = raw.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
  let body: Buffer = rest;
  let complete = false;
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) {
    const parts: Buffer[] = [];
    let at = 0;
    while (true) {
      const lineEnd = rest.indexOf('\r\n', at);
      if (lineEnd < 0) break;
      const size = Number.parseInt(rest.subarray(at, lineEnd).toString('latin1'), 16);
      if (Number.isNaN(size)) break;
      if (size === 0) {
        complete = true;
        break;
      }
      if (rest.length < lineEnd + 2 + size) break;
      parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else if (headers.has('content-length')) {
    const length = Number(headers.get('content-length'));
    complete = rest.length >= length;
    body = rest.subarray(0, length);
  } else if (status === 204 || status === 304) complete = true;
  return { status, headers, text: body.toString('utf8'), complete };
}
