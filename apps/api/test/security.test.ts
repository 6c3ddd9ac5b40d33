/**
 * Security checks (issue 6, Reliability) as tests. Each `describe` is one row of the table in
 * apps/api/SECURITY.md: constant-time token comparison, unguessable attempt ids and tokens,
 * tokens stored hashed, the admin route's refusals, security headers (API and static files),
 * CORS only for configured origins, no-store on personal routes.
 */
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import webHeaders from '../../web/public/_headers?raw';
import { decodeForm } from '../src/learner/codec.js';
import learnerSource from '../src/learner/durable-object.ts?raw';
import attemptsSource from '../src/routes/attempts.ts?raw';
import statsSource from '../src/routes/stats.ts?raw';
import { hashToken, secretMatches, tokenHashMatches } from '../src/security.js';
import securitySource from '../src/security.ts?raw';
import { TEST_ADMIN_TOKEN } from './constants.js';
import { ASSOCIATE, api, fixtureApi, PRO, type Sent, start } from './helpers.js';
import { securityHeaderProblems } from './invariants.js';
import { inLearner } from './learner.js';

const ATTEMPT_ID = /^[A-Za-z0-9_-]{22}\.[0-9a-z]{1,11}$/;

type Subtle = SubtleCrypto & { timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean };
const subtle = crypto.subtle as Subtle;

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function base64urlBytes(token: string): Uint8Array {
  const b64 = token.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

function bits(bytes: Uint8Array): number[] {
  return Array.from(bytes).flatMap((b) => Array.from({ length: 8 }, (_, i) => (b >> (7 - i)) & 1));
}

/** The 53 random bits of an attempt's local id (base 36 after the dot). */
function localIdBits(id: string): number[] {
  const n = Number.parseInt(id.split('.')[1] ?? '', 36);
  return Array.from({ length: 53 }, (_, i) => Math.floor(n / 2 ** (52 - i)) % 2);
}

/** The 132 bits of a learner id (22 base64url characters of a sha256). */
function learnerIdBits(id: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return [...(id.split('.')[0] ?? '')].flatMap((c) => {
    const v = alphabet.indexOf(c);
    return Array.from({ length: 6 }, (_, i) => (v >> (5 - i)) & 1);
  });
}

/**
 * Every bit position is set in about half of the samples: with n samples a fair bit is
 * Binomial(n, ½); we allow 5.5 σ, so a fair generator fails this about once in 10⁷ runs.
 */
function expectBalancedBits(samples: number[][]) {
  const n = samples.length;
  const width = samples[0]?.length ?? 0;
  const sigma = Math.sqrt(n / 4);
  for (let bit = 0; bit < width; bit++) {
    const ones = samples.reduce((sum, s) => sum + (s[bit] ?? 0), 0);
    expect(Math.abs(ones - n / 2), `bit ${bit}: ${ones} of ${n} set`).toBeLessThan(5.5 * sigma);
  }
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) {
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))),
    );
  }
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('tokens are compared in constant time', () => {
  it('workerd provides crypto.subtle.timingSafeEqual', () => {
    expect(typeof subtle.timingSafeEqual).toBe('function');
  });

  it('tokenHashMatches: right token, wrong token, wrong-length token and malformed stored hashes', async () => {
    const token = 'a'.repeat(43);
    const stored = await hashToken(token);
    expect(stored).toBe(await sha256Hex(token));
    const matches = async (presented: string, storedHex = stored) =>
      tokenHashMatches(await hashToken(presented), storedHex);
    expect(await matches(token)).toBe(true);
    expect(await matches(`${token}x`)).toBe(false);
    expect(await matches(token.slice(0, -1))).toBe(false);
    expect(await matches('')).toBe(false);
    expect(await matches('x'.repeat(10_000))).toBe(false);
    // A stored value of another length never matches (and never throws).
    for (const odd of ['', stored.slice(0, 62), `${stored}00`, 'zz'.repeat(32)]) {
      expect(await matches(token, odd)).toBe(false);
    }
  });

  it('secretMatches: equal and unequal secrets of equal and of different lengths', async () => {
    expect(await secretMatches(TEST_ADMIN_TOKEN, TEST_ADMIN_TOKEN)).toBe(true);
    expect(await secretMatches(`${TEST_ADMIN_TOKEN.slice(0, -1)}X`, TEST_ADMIN_TOKEN)).toBe(false);
    expect(await secretMatches(TEST_ADMIN_TOKEN.slice(0, 5), TEST_ADMIN_TOKEN)).toBe(false);
    expect(await secretMatches(`${TEST_ADMIN_TOKEN} `, TEST_ADMIN_TOKEN)).toBe(false);
    expect(await secretMatches('', TEST_ADMIN_TOKEN)).toBe(false);
    expect(await secretMatches('x'.repeat(100_000), 'y')).toBe(false);
  });

  it('every comparison goes through timingSafeEqual over two 32-byte sha256 digests', async () => {
    const spy = vi.spyOn(subtle, 'timingSafeEqual');
    const token = 'b'.repeat(43);
    const stored = await hashToken(token);
    tokenHashMatches(await hashToken(token), stored);
    tokenHashMatches(await hashToken('short'), stored);
    tokenHashMatches(await hashToken('x'.repeat(5_000)), stored);
    await secretMatches('short', TEST_ADMIN_TOKEN);
    await secretMatches('x'.repeat(5_000), TEST_ADMIN_TOKEN);
    await secretMatches(TEST_ADMIN_TOKEN, TEST_ADMIN_TOKEN);
    expect(spy).toHaveBeenCalledTimes(6);
    for (const [a, b] of spy.mock.calls) expect([a.byteLength, b.byteLength]).toEqual([32, 32]);
  });

  it('over HTTP too: a wrong attempt token and a wrong admin secret are checked by timingSafeEqual', async () => {
    const a = await start(api, ASSOCIATE, { mode: 'practice', count: 1 });
    const spy = vi.spyOn(subtle, 'timingSafeEqual');
    for (const token of ['x', `${a.token}x`, a.token.slice(0, -1), 'y'.repeat(2_000)]) {
      const res = await api('GET', `/attempts/${a.id}`, { token });
      expect([res.status, res.body.error.code]).toEqual([403, 'token_invalid']);
    }
    const admin = await api('GET', `/stats/questions?exam=${PRO}`, { token: 'not-the-secret' });
    expect([admin.status, admin.body.error.code]).toEqual([403, 'token_invalid']);
    expect((await api('GET', `/attempts/${a.id}`, { token: a.token })).status).toBe(200);
    expect(spy).toHaveBeenCalledTimes(6);
    for (const [x, y] of spy.mock.calls) expect([x.byteLength, y.byteLength]).toEqual([32, 32]);
  });

  it('code-level: the compare helper uses timingSafeEqual; routes never compare secrets with ==', () => {
    // The helper: hashes to fixed-length digests and calls crypto.subtle.timingSafeEqual.
    expect(securitySource).toMatch(/subtle\.timingSafeEqual\(/);
    expect(securitySource).toMatch(
      /tokenHashMatches[\s\S]*timingSafeEqual\(fromHex\(tokenHash\), fromHex\(storedHashHex\)\)/,
    );
    expect(securitySource).toMatch(/secretMatches[\s\S]*sha256\(presented\), sha256\(expected\)/);
    // The routes go through the helpers and never compare a token or secret directly.
    expect(attemptsSource).toMatch(/tokenHashMatches\(tokenHash, attempt\.tokenHash\)/);
    expect(statsSource).toMatch(/secretMatches\(/);
    const direct =
      /(token|secret|ADMIN_TOKEN|token_hash|expected)\w*\s*[!=]==?|[!=]==?\s*\w*(token|secret|ADMIN_TOKEN|token_hash)\b/i;
    for (const [name, source] of [
      ['routes/attempts.ts', attemptsSource],
      // The learner's object guards writes by the token digest in SQL, never by comparing in code.
      ['learner/durable-object.ts', learnerSource],
      ['routes/stats.ts', statsSource],
    ] as const) {
      const lines = source.split('\n').filter((l) => direct.test(l) && !/^\s*(\/\/|\*)/.test(l));
      expect(lines, `${name} compares a token directly`).toEqual([]);
    }
  });
});

describe('attempt ids and tokens are unguessable', () => {
  it('1,000 starts: distinct ids (132-bit learner id, 53-bit local id) and 256-bit tokens, bits balanced', async () => {
    const started = await inBatches(1_000, 50, async () => {
      const res = await api('POST', `/exams/${ASSOCIATE}/attempts`, { body: { mode: 'practice', count: 1 } });
      expect(res.status, res.text).toBe(201);
      return { id: res.body.id as string, token: res.body.token as string };
    });
    const ids = started.map((s) => s.id);
    const tokens = started.map((s) => s.token);
    for (const id of ids) expect(id).toMatch(ATTEMPT_ID);
    expect(new Set(ids).size).toBe(1_000);
    expect(new Set(tokens).size).toBe(1_000);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(base64urlBytes(token).byteLength).toBe(32);
    }
    expectBalancedBits(ids.map(localIdBits));
    // Each start without a learner token is a new learner: 1,000 distinct learner ids.
    expect(new Set(ids.map((id) => id.split('.')[0])).size).toBe(1_000);
    expectBalancedBits(ids.map(learnerIdBits));
    expectBalancedBits(tokens.map((t) => bits(base64urlBytes(t))));
    // Consecutive ids share nothing: about half the random bits differ.
    const hamming = ids.slice(1).map((id, i) => {
      const x = [...learnerIdBits(id), ...localIdBits(id)];
      const y = [...learnerIdBits(ids[i] ?? ''), ...localIdBits(ids[i] ?? '')];
      return x.reduce((d, bit, k) => d + (bit === y[k] ? 0 : 1), 0);
    });
    const mean = hamming.reduce((s, d) => s + d, 0) / hamming.length;
    expect(mean).toBeGreaterThan(85);
    expect(mean).toBeLessThan(100);
  }, 120_000);

  it('an unknown well-formed id is 404, a guessed token for a real id is 403', async () => {
    const a = await start(api, ASSOCIATE, { mode: 'practice', count: 1 });
    const unknown = await api('GET', `/attempts/${a.id.split('.')[0]}.${Date.now().toString(36)}`, {
      token: a.token,
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'attempt_not_found']);
    const guessed = await api('GET', `/attempts/${a.id}`, { token: 'A'.repeat(43) });
    expect([guessed.status, guessed.body.error.code]).toEqual([403, 'token_invalid']);
  });
});

describe('tokens are stored hashed', () => {
  it('the learner object holds sha256(token), never the token, before and after saves and submit', async () => {
    const a = await start(api, PRO);
    const q = a.questions[0]?.question;
    if (!q) throw new Error('question');
    const expectNoToken = async () => {
      const rows = await inLearner(a.id, (_i, sql) => sql.exec('SELECT * FROM attempts').toArray());
      const local = Number.parseInt(a.id.split('.')[1] ?? '', 36);
      const row = rows.find((r) => r.id === local);
      expect(row?.token_hash).toBe(await sha256Hex(a.token));
      // Nor any row of any attempt of this learner (the form is stored compressed: decoded too).
      const text = JSON.stringify(rows, (_k, v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v));
      expect(text).not.toContain(a.token);
      for (const r of rows) {
        const form = await decodeForm(r.form as ArrayBuffer);
        expect(JSON.stringify(form)).not.toContain(a.token);
      }
    };
    await expectNoToken();
    expect(
      (await api('PUT', `/attempts/${a.id}/answers/${q.id}`, { token: a.token, body: { flagged: true } }))
        .status,
    ).toBe(200);
    await expectNoToken();
    expect((await api('POST', `/attempts/${a.id}/submit`, { token: a.token })).status).toBe(200);
    await expectNoToken();
  });

  it('the token is shown once: no later response and no header carries it', async () => {
    const started = await api('POST', `/exams/${ASSOCIATE}/attempts`, {
      body: { mode: 'practice', count: 3 },
    });
    const { id, token } = started.body;
    expect(started.headers.get('location')).toBe(`/api/v1/attempts/${id}`);
    const q = started.body.questions[0].question.id;
    const later: Sent[] = [
      await api('GET', `/attempts/${id}`, { token }),
      await api('PUT', `/attempts/${id}/answers/${q}`, { token, body: { answer: ['a'] } }),
      await api('POST', `/attempts/${id}/submit`, { token }),
      await api('GET', `/attempts/${id}/report`, { token }),
    ];
    for (const res of later) {
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(token);
      expect(JSON.stringify([...res.headers])).not.toContain(token);
    }
  });
});

describe('the admin route refuses without the secret', () => {
  const path = `/stats/questions?exam=${PRO}`;

  it('missing, malformed, wrong, near-miss and attempt tokens are refused', async () => {
    const attemptToken = (await start(api, ASSOCIATE, { mode: 'practice', count: 1 })).token;
    const cases: [Record<string, string>, number, string][] = [
      [{}, 401, 'token_missing'],
      [{ Authorization: '' }, 401, 'token_missing'],
      [{ Authorization: 'Bearer' }, 401, 'token_missing'],
      [{ Authorization: `Basic ${btoa(`admin:${TEST_ADMIN_TOKEN}`)}` }, 401, 'token_missing'],
      [{ Authorization: TEST_ADMIN_TOKEN }, 401, 'token_missing'],
      [{ Authorization: `Bearer ${TEST_ADMIN_TOKEN}x` }, 403, 'token_invalid'],
      [{ Authorization: `Bearer ${TEST_ADMIN_TOKEN.slice(0, -1)}` }, 403, 'token_invalid'],
      [{ Authorization: `Bearer ${TEST_ADMIN_TOKEN.toUpperCase()}` }, 403, 'token_invalid'],
      [{ Authorization: `Bearer ${'x'.repeat(10_000)}` }, 403, 'token_invalid'],
      [{ Authorization: `Bearer ${attemptToken}` }, 403, 'token_invalid'],
    ];
    for (const [headers, status, code] of cases) {
      const res = await api('GET', path, { headers });
      expect([res.status, res.body.error?.code], JSON.stringify(headers).slice(0, 80)).toEqual([
        status,
        code,
      ]);
      expect(res.text).not.toContain('"questions"');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const ok = await api('GET', path, { token: TEST_ADMIN_TOKEN });
    expect(ok.status).toBe(200);
  });

  it('with no secret configured it refuses everyone, even a token equal to the empty or usual secret', async () => {
    for (const ADMIN_TOKEN of ['', undefined]) {
      for (const token of [TEST_ADMIN_TOKEN, undefined, '']) {
        const res = await fixtureApi(
          'GET',
          '/stats/questions?exam=fx',
          token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } },
          { ADMIN_TOKEN } as Partial<Cloudflare.Env>,
        );
        expect([res.status, res.body.error.code]).toEqual([403, 'admin_disabled']);
      }
    }
  });
});

/** One response of every kind the API sends: success, cached, every error status, preflight, HEAD. */
async function representativeResponses(): Promise<[string, Sent][]> {
  const a = await start(api, ASSOCIATE, { mode: 'practice', count: 2 });
  const q = a.questions[0]?.question.id ?? '';
  const etag = (await api('GET', '/exams')).headers.get('etag') ?? '';
  const json = { 'Content-Type': 'application/json' };
  return [
    ['200 content', await api('GET', `/exams/${PRO}`)],
    ['304', await api('GET', '/exams', { headers: { 'If-None-Match': etag } })],
    ['200 healthz', await api('GET', '/healthz')],
    ['200 openapi', await api('GET', '/openapi.json')],
    [
      '201 start',
      await api('POST', `/exams/${ASSOCIATE}/attempts`, { body: { mode: 'practice', count: 1 } }),
    ],
    ['200 attempt', await api('GET', `/attempts/${a.id}`, { token: a.token })],
    [
      '200 save',
      await api('PUT', `/attempts/${a.id}/answers/${q}`, { token: a.token, body: { flagged: true } }),
    ],
    ['200 stats', await api('GET', `/stats/questions?exam=${PRO}`, { token: TEST_ADMIN_TOKEN })],
    ['400', await api('GET', '/exams/Not_A_Slug')],
    ['400 json', await api('POST', `/exams/${PRO}/attempts`, { rawBody: '{', headers: json })],
    ['401', await api('GET', `/attempts/${a.id}`)],
    ['403', await api('GET', `/attempts/${a.id}`, { token: 'nope' })],
    ['404', await api('GET', '/no/such/route')],
    ['404 id', await api('GET', '/questions/no-such-question')],
    ['405', await api('DELETE', `/exams/${PRO}`)],
    ['409', await api('GET', `/attempts/${a.id}/report`, { token: a.token })],
    ['413', await api('POST', `/exams/${PRO}/attempts`, { rawBody: 'x'.repeat(20_000), headers: json })],
    [
      '415',
      await api('POST', `/exams/${PRO}/attempts`, {
        rawBody: 'x',
        headers: { 'Content-Type': 'text/plain' },
      }),
    ],
    ['422', await api('PUT', `/attempts/${a.id}/answers/${q}`, { token: a.token, body: { answer: ['z'] } })],
    [
      'OPTIONS',
      await api('OPTIONS', '/exams', {
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
      }),
    ],
    ['HEAD', await api('HEAD', '/exams')],
  ];
}

describe('security headers', () => {
  it('are on every kind of API response, success or error', async () => {
    const responses = await representativeResponses();
    expect(new Set(responses.map(([, r]) => r.status))).toEqual(
      new Set([200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 413, 415, 422]),
    );
    for (const [label, res] of responses) {
      expect(securityHeaderProblems(res.headers), label).toEqual([]);
    }
  });

  it('the web client’s _headers file declares them for static files, and the assets are served with them', async () => {
    const rules = webHeaders.split(/\n(?=\S)/).map((block) => {
      const [pattern = '', ...lines] = block.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
      const headers = new Map(
        lines.map((l) => {
          const at = l.indexOf(':');
          return [l.slice(0, at).trim().toLowerCase(), l.slice(at + 1).trim()] as const;
        }),
      );
      return { pattern: pattern.trim(), headers };
    });
    const all = rules.find((r) => r.pattern === '/*');
    if (!all) throw new Error('_headers has no /* rule');
    const csp = all.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(all.headers.get('x-content-type-options')).toBe('nosniff');
    expect(all.headers.get('x-frame-options')).toBe('DENY');
    expect(all.headers.get('referrer-policy')).toBeTruthy();
    expect(all.headers.get('permissions-policy')).toBeTruthy();
    // Browsers ignore HSTS over plain http (wrangler dev), so it is safe to send everywhere.
    expect(all.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);

    // As served by Workers Static Assets (the path a browser takes: assets bypass the Worker).
    const assets = env.ASSETS;
    if (!assets) throw new Error('the ASSETS binding is configured in wrangler.jsonc');
    // Prerendered pages, the client routes' shell, and an unknown URL (the prerendered 404 page).
    const served: [string, number][] = [
      ['/', 200],
      ['/index.html', 200],
      ['/guides', 200],
      ['/app-shell', 200],
      ['/exams/no-such-exam', 404],
    ];
    for (const [path, status] of served) {
      const res = await assets.fetch(new Request(`http://examdown.test${path}`));
      expect(res.status, path).toBe(status);
      await res.arrayBuffer();
      for (const [name, value] of all.headers) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
    }
  });
});

describe('CORS only for configured origins', () => {
  const preflight = (origin: string) => ({
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    },
  });

  it('none by default: no origin gets a grant, simple or preflighted', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://examdown.test', 'http://localhost:8787']) {
      const simple = await api('GET', '/exams', { headers: { Origin: origin } });
      expect(simple.headers.get('access-control-allow-origin'), origin).toBeNull();
      const pre = await api('OPTIONS', `/exams/${PRO}/attempts`, preflight(origin));
      expect(pre.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('configured origins match exactly; look-alikes do not', async () => {
    const allowed = { ALLOWED_ORIGINS: 'https://prep.example, https://other.example' };
    for (const origin of ['https://prep.example', 'https://other.example']) {
      const res = await fixtureApi('GET', '/exams', { headers: { Origin: origin } }, allowed);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('vary')).toMatch(/origin/i);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      const pre = await fixtureApi('OPTIONS', '/exams/fx/attempts', preflight(origin), allowed);
      expect([pre.status, pre.headers.get('access-control-allow-origin')]).toEqual([204, origin]);
    }
    for (const origin of [
      'https://prep.example.evil.com',
      'https://evil-prep.example',
      'http://prep.example',
      'https://prep.example:8443',
      'https://PREP.EXAMPLE',
      'https://prep.example/',
      'null',
      '',
      'https://prep.example, https://other.example',
    ]) {
      const res = await fixtureApi('GET', '/exams', { headers: { Origin: origin } }, allowed);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      const pre = await fixtureApi('OPTIONS', '/exams/fx/attempts', preflight(origin), allowed);
      expect(pre.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});

describe('no-store on attempt, practice and admin routes', () => {
  it('every attempt response, success or error, is Cache-Control: no-store; content is public', async () => {
    const a = await start(api, ASSOCIATE, { mode: 'practice', count: 2 });
    const q = a.questions[0]?.question.id ?? '';
    const personal: [string, Sent][] = [
      ['start', await api('POST', `/exams/${ASSOCIATE}/attempts`, { body: { mode: 'practice', count: 1 } })],
      [
        'start 422',
        await api('POST', `/exams/${PRO}/attempts`, { body: { mode: 'practice', domains: ['x'] } }),
      ],
      ['get', await api('GET', `/attempts/${a.id}`, { token: a.token })],
      ['get 401', await api('GET', `/attempts/${a.id}`)],
      ['get 403', await api('GET', `/attempts/${a.id}`, { token: 'nope' })],
      ['get 404', await api('GET', `/attempts/AAAAAAAAAAAAAAAAAAAAAA.1`, { token: a.token })],
      [
        'save',
        await api('PUT', `/attempts/${a.id}/answers/${q}`, { token: a.token, body: { answer: ['a'] } }),
      ],
      ['report 409', await api('GET', `/attempts/${a.id}/report`, { token: a.token })],
      ['submit', await api('POST', `/attempts/${a.id}/submit`, { token: a.token })],
      ['report', await api('GET', `/attempts/${a.id}/report`, { token: a.token })],
      [
        'save 409',
        await api('PUT', `/attempts/${a.id}/answers/${q}`, { token: a.token, body: { answer: ['a'] } }),
      ],
      ['check', await api('POST', `/questions/${q}/check`, { body: { answer: ['a'] } })],
      ['stats', await api('GET', `/stats/questions?exam=${PRO}`, { token: TEST_ADMIN_TOKEN })],
      ['healthz', await api('GET', '/healthz')],
    ];
    for (const [label, res] of personal) {
      expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      expect(res.headers.get('cache-control'), label).toBe('no-store');
      expect(res.headers.get('etag'), label).toBeNull();
    }
    const content = await api('GET', `/exams/${PRO}`);
    expect(content.headers.get('cache-control')).toMatch(/^public, /);
  });
});
