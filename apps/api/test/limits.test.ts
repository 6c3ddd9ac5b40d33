/**
 * Per-client rate limits, with the limits exactly as wrangler.jsonc declares them (this file runs
 * in its own vitest project: the other suites raise them). Each limited route answers a burst
 * over its limit with 429 `rate_limited` JSON and `Retry-After`, per IP and per learner.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/limits.js';
import wranglerText from '../wrangler.jsonc?raw';
import { api, PRO, real, type Sent } from './helpers.js';
import { errorShapeProblems, securityHeaderProblems } from './invariants.js';

const declared = JSON.parse(
  wranglerText
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n')
    .replace(/,(\s*[}\]])/g, '$1'),
) as { ratelimits: { name: string; simple: { limit: number; period: number } }[] };
const limitOf = (binding: string) => {
  const r = declared.ratelimits.find((x) => x.name === binding);
  if (!r) throw new Error(`no ratelimit ${binding} in wrangler.jsonc`);
  return r.simple;
};
const tryIt = real.guides.flatMap((g) => g.questionIds)[0] as string;

/**
 * Locally the limiter's windows are aligned to the clock (miniflare counts per floor(now/period)):
 * a burst that straddles a boundary would start counting again. Start each burst early enough in
 * a window to finish inside it.
 */
async function freshWindow(seconds: number, period = 60) {
  const left = period - ((Date.now() / 1000) % period);
  if (left < seconds) await new Promise((r) => setTimeout(r, left * 1000 + 100));
}

function expect429(res: Sent, period: number) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('rate_limited');
  expect(res.headers.get('retry-after')).toBe(String(period));
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(errorShapeProblems(res)).toEqual([]);
  expect(securityHeaderProblems(res.headers)).toEqual([]);
}

describe('rate limits (wrangler.jsonc)', () => {
  it('declares each limited action with the period the code announces', () => {
    for (const { binding, period } of Object.values(LIMITS)) expect(limitOf(binding).period).toBe(period);
  });

  it('starts: a burst from one IP gets 429 with Retry-After; another IP is not affected', async () => {
    const { limit, period } = limitOf('START_LIMIT');
    const ip = { 'CF-Connecting-IP': '198.51.100.1' };
    await freshWindow(10, period);
    const statuses: number[] = [];
    let last: Sent | undefined;
    for (let i = 0; i <= limit; i++) {
      last = await api('POST', `/exams/${PRO}/attempts`, {
        body: { mode: 'practice', count: 1 },
        headers: ip,
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, limit).every((s) => s === 201)).toBe(true);
    expect429(last as Sent, period);
    const other = await api('POST', `/exams/${PRO}/attempts`, {
      body: { mode: 'practice', count: 1 },
      headers: { 'CF-Connecting-IP': '198.51.100.2' },
    });
    expect(other.status).toBe(201);
  });

  it('checks: a burst from one IP gets 429', async () => {
    const { limit, period } = limitOf('CHECK_LIMIT');
    const ip = { 'CF-Connecting-IP': '198.51.100.3' };
    await freshWindow(10, period);
    const burst = await Promise.all(
      Array.from({ length: limit + 5 }, () =>
        api('POST', `/questions/${tryIt}/check`, { body: { answer: ['a'] }, headers: ip }),
      ),
    );
    expect(burst.filter((r) => r.status === 200)).toHaveLength(limit);
    expect429(burst.find((r) => r.status === 429) as Sent, period);
  });

  it('saves and submits: limited per learner, whatever the IP', async () => {
    const started = await api('POST', `/exams/${PRO}/attempts`, {
      body: { mode: 'practice', count: 5 },
      headers: { 'CF-Connecting-IP': '198.51.100.4' },
    });
    const { id, token, questions } = started.body;
    const q = questions[0].question.id as string;
    const save = limitOf('SAVE_LIMIT');
    await freshWindow(40, save.period);
    const saves: Sent[] = [];
    for (let i = 0; i <= save.limit; i += 25) {
      const n = Math.min(25, save.limit + 1 - i);
      saves.push(
        ...(await Promise.all(
          Array.from({ length: n }, (_, k) =>
            api('PUT', `/attempts/${id}/answers/${q}`, {
              token,
              body: { flagged: (i + k) % 2 === 0 },
              // A different IP each time: the learner key alone must stop the burst.
              headers: { 'CF-Connecting-IP': `203.0.113.${(i + k) % 250}` },
            }),
          ),
        )),
      );
    }
    expect(saves.filter((r) => r.status === 200)).toHaveLength(save.limit);
    expect429(saves.find((r) => r.status === 429) as Sent, save.period);

    const submit = limitOf('SUBMIT_LIMIT');
    const submits: Sent[] = [];
    for (let i = 0; i <= submit.limit; i++) {
      submits.push(
        await api('POST', `/attempts/${id}/submit`, {
          token,
          headers: { 'CF-Connecting-IP': `192.0.2.${i}` },
        }),
      );
    }
    expect(submits.slice(0, submit.limit).every((r) => r.status === 200)).toBe(true);
    expect429(submits[submit.limit] as Sent, submit.period);
  });
});
