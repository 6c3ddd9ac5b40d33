/**
 * Over-limit bodies, chunked or not: always 413 `payload_too_large` JSON, never a 500. 1,000
 * bodies over 16 KiB (up to 1 MiB) on every route that takes a body, half declared with
 * Content-Length, half streamed without one (as a chunked request arrives).
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../src/http.js';
import { PRO, real } from './helpers.js';
import { errorShapeProblems, securityHeaderProblems } from './invariants.js';

const tryIt = real.guides.flatMap((g) => g.questionIds)[0] as string;
const targets: [string, string][] = [
  ['POST', `/api/v1/exams/${PRO}/attempts`],
  ['POST', `/api/v1/questions/${tryIt}/check`],
  ['PUT', '/api/v1/attempts/AAAAAAAAAAAAAAAAAAAAAA.1/answers/q'],
];

function streamOf(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

describe('request bodies over the limit', () => {
  it('1,000 of them, chunked and not: 413 JSON every time', async () => {
    const statuses = new Map<string, number>();
    const problems: string[] = [];
    for (let i = 0; i < 1000; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, k) => {
          const n = i + k;
          const size = MAX_BODY_BYTES + 1 + ((n * 7919) % (1 << 20));
          const bytes = new TextEncoder().encode(`{"mode":"practice","pad":"${'x'.repeat(size)}"}`);
          const [method, path] = targets[n % targets.length] as [string, string];
          const chunked = n % 2 === 0;
          const request = new Request(`http://examdown.test${path}`, {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: chunked ? streamOf(bytes, 1 + ((n * 131) % 8192)) : bytes,
            ...(chunked ? { duplex: 'half' } : {}),
          } as RequestInit);
          const res = await exports.default.fetch(request);
          const text = await res.text();
          const key = `${chunked ? 'chunked' : 'length'} ${res.status}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          const sent = { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
          if (res.status !== 413 || sent.body.error?.code !== 'payload_too_large')
            problems.push(`${key}: ${text.slice(0, 120)}`);
          problems.push(...errorShapeProblems(sent), ...securityHeaderProblems(res.headers));
        }),
      );
    }
    expect(problems).toEqual([]);
    expect(Object.fromEntries(statuses)).toEqual({ 'chunked 413': 500, 'length 413': 500 });
  });
});
