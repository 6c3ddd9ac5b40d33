import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForHealth } from './healthz.ts';

const HASH = 'a'.repeat(64);
let server: Server | undefined;

/** A real HTTP server answering each GET /api/v1/healthz from a script of responses. */
async function serve(answers: { status: number; body: unknown }[]): Promise<string> {
  let i = 0;
  server = createServer((req, res) => {
    const answer = answers[Math.min(i++, answers.length - 1)] ?? { status: 500, body: null };
    res.writeHead(req.url === '/api/v1/healthz' ? answer.status : 404, {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(() => {
  server?.close();
  server = undefined;
});

describe('waitForHealth', () => {
  it('waits through a 503 and an older bundle until the uploaded content is live', async () => {
    const url = await serve([
      { status: 503, body: { error: { code: 'bundle_unavailable' } } },
      { status: 200, body: { contentHash: 'b'.repeat(64) } },
      { status: 200, body: { contentHash: HASH, database: 'ok' } },
    ]);
    const result = await waitForHealth(url, { expectedHash: HASH, intervalMs: 10, timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: true, attempts: 3, health: { contentHash: HASH } });
  });

  it('gives up after its time limit and says why', async () => {
    const url = await serve([{ status: 503, body: { error: { code: 'bundle_unavailable' } } }]);
    const result = await waitForHealth(url, { expectedHash: HASH, intervalMs: 20, timeoutMs: 200 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/answered 503: .*bundle_unavailable/);
  });

  it('reports a server that is not there', async () => {
    const result = await waitForHealth('http://127.0.0.1:9', {
      expectedHash: HASH,
      intervalMs: 10,
      timeoutMs: 50,
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('/api/v1/healthz');
  });
});
