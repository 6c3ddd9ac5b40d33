/**
 * No key of a question in an open timed attempt is reachable through any route: fuzzed
 * sequences of every route, as the attempt's own learner (its learner token, its attempt token,
 * other attempts of the same learner) and anonymously, while the timed attempt is open. Every
 * response is scanned for the rationales and explanations of its questions and for a key field
 * naming one of them. Once the timed attempt is submitted, the same scan finds its keys in the
 * report (the scan works).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api, PRO, real, type Sent } from './helpers.js';
import { leakedSecrets } from './invariants.js';

const bank = real.questions.filter((q) => q.exam === PRO).map((q) => q.id);
const guided = new Set(real.guides.flatMap((g) => g.questionIds));

/** Objects in a body that name a sealed question and carry its key. */
function keyedObjects(body: unknown, sealed: ReadonlySet<string>, out: string[] = []): string[] {
  if (Array.isArray(body)) for (const v of body) keyedObjects(v, sealed, out);
  else if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    const id = o.questionId ?? o.id;
    if (typeof id === 'string' && sealed.has(id) && ('correctOptions' in o || 'rationales' in o))
      out.push(id);
    for (const v of Object.values(o)) keyedObjects(v, sealed, out);
  }
  return out;
}

describe('keys of an open timed attempt', () => {
  it('are unreachable through every route (fuzzed), and shown once it is submitted', async () => {
    const timed = await api('POST', `/exams/${PRO}/attempts`, { body: { mode: 'exam' } });
    expect(timed.status).toBe(201);
    const learner = timed.body.learnerToken as string;
    const T = { id: timed.body.id as string, token: timed.body.token as string };
    const sealedIds: string[] = timed.body.questions.map((q: { question: { id: string } }) => q.question.id);
    const sealed = new Set(sealedIds);
    expect(sealedIds.some((id) => guided.has(id))).toBe(false); // timed draws leave try-it questions out
    const allowed = new Set(real.questions.map((q) => q.id).filter((id) => !sealed.has(id)));
    const asLearner = { 'X-Learner-Token': learner };
    const others: { id: string; token: string; questions: string[]; mode: string }[] = [];
    const problems: string[] = [];
    const scan = (what: string, res: Sent) => {
      const leaks = leakedSecrets(res.text, allowed);
      const keyed = keyedObjects(res.body, sealed);
      if (leaks.length > 0 || keyed.length > 0)
        problems.push(`${what} → ${res.status}: ${[...leaks, ...keyed].join(', ')}`);
      if (res.status >= 500) problems.push(`${what} → ${res.status}`);
    };
    const anyQuestion = fc.oneof(
      fc.constantFrom(...sealedIds),
      fc.constantFrom(...bank),
      fc.constantFrom(...guided),
    );
    const op = fc.oneof(
      fc.record({ kind: fc.constant('practice' as const), count: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ kind: fc.constant('timed' as const) }),
      fc.record({ kind: fc.constant('check' as const), q: anyQuestion, learner: fc.boolean() }),
      fc.record({ kind: fc.constant('question' as const), q: anyQuestion }),
      fc.record({
        kind: fc.constant('save' as const),
        which: fc.nat(),
        pick: fc.nat(),
        check: fc.boolean(),
        q: anyQuestion,
      }),
      fc.record({ kind: fc.constant('submit' as const), which: fc.nat() }),
      fc.record({ kind: fc.constant('report' as const), which: fc.nat() }),
      fc.record({
        kind: fc.constant('timedRoute' as const),
        route: fc.constantFrom('get', 'report', 'save', 'check'),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          const pickAttempt = (n: number) => others[n % Math.max(1, others.length)];
          if (o.kind === 'practice' || o.kind === 'timed') {
            const body = o.kind === 'practice' ? { mode: 'practice', count: o.count } : { mode: 'exam' };
            const res = await api('POST', `/exams/${PRO}/attempts`, { body, headers: asLearner });
            scan('start', res);
            if (res.status === 201) {
              others.push({
                id: res.body.id,
                token: res.body.token,
                mode: body.mode,
                questions: res.body.questions.map((q: { question: { id: string } }) => q.question.id),
              });
            }
          } else if (o.kind === 'check') {
            const q = real.questions.find((x) => x.id === o.q);
            const res = await api('POST', `/questions/${o.q}/check`, {
              body: { answer: [q?.options[0]?.id ?? 'a'] },
              ...(o.learner ? { headers: asLearner } : {}),
            });
            scan('check', res);
          } else if (o.kind === 'question') {
            scan('question', await api('GET', `/questions/${o.q}`));
          } else if (o.kind === 'save') {
            const a = pickAttempt(o.which);
            if (!a) continue;
            const q = a.questions[o.pick % a.questions.length] ?? o.q;
            const res = await api('PUT', `/attempts/${a.id}/answers/${q}`, {
              token: a.token,
              body: { answer: ['a'], ...(o.check ? { check: true } : {}) },
            });
            scan('save', res);
          } else if (o.kind === 'submit' || o.kind === 'report') {
            const a = pickAttempt(o.which);
            if (!a) continue;
            const res =
              o.kind === 'submit'
                ? await api('POST', `/attempts/${a.id}/submit`, { token: a.token })
                : await api('GET', `/attempts/${a.id}/report`, { token: a.token });
            scan(o.kind, res);
          } else {
            const q = sealedIds[0] as string;
            const res =
              o.route === 'get'
                ? await api('GET', `/attempts/${T.id}`, { token: T.token })
                : o.route === 'report'
                  ? await api('GET', `/attempts/${T.id}/report`, { token: T.token })
                  : await api('PUT', `/attempts/${T.id}/answers/${q}`, {
                      token: T.token,
                      body: { answer: ['a'], ...(o.route === 'check' ? { check: true } : {}) },
                    });
            scan(`timed ${o.route}`, res);
          }
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 12 },
    );
    // Once submitted (after the other timed attempts the fuzz opened: they seal it too), its
    // report shows the keys — the scan above would have seen them.
    for (const a of others.filter((x) => x.mode === 'exam')) {
      expect([200, 409]).toContain(
        (await api('POST', `/attempts/${a.id}/submit`, { token: a.token })).status,
      );
    }
    const report = await api('POST', `/attempts/${T.id}/submit`, { token: T.token });
    expect(report.status).toBe(200);
    expect(keyedObjects(report.body, sealed).length).toBe(sealedIds.length);
  });
});
