/**
 * Faults in the content bundle: missing, corrupt or incomplete in KV. The API must answer
 * /healthz and every content and attempt route with 503 `bundle_unavailable` and the reason —
 * JSON, no stack trace, no crash — and serve again as soon as a good bundle is uploaded.
 *
 * The app under test is the real one over a KV store bound to FAULT_CONTENT, a namespace this
 * file breaks at will (the real Worker's CONTENT stays intact for the other files).
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { kvBundleStore } from '../src/kv/store.js';
import { bundleEntries, KV, LEGACY_KV } from '../src/kv-layout.js';
import { TEST_ADMIN_TOKEN } from './constants.js';
import { fixturePrivate, fixturePublic } from './fixtures.js';
import { kvApi } from './helpers.js';

const kv = env.FAULT_CONTENT;
const ATTEMPT = 'AAAAAAAAAAAAAAAAAAAAAA.aa';

async function clear() {
  let cursor: string | undefined;
  do {
    const page = await kv.list(cursor ? { cursor } : {});
    await Promise.all(page.keys.map((k) => kv.delete(k.name)));
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
}

async function upload() {
  const { entries, pointer, catalog } = await bundleEntries(fixturePublic, fixturePrivate);
  await Promise.all(entries.map((e) => kv.put(e.key, e.value)));
  await kv.put(pointer.key, pointer.value);
  return { entries, pointer, catalog };
}

/** A fresh app (fresh isolate cache) that re-reads the pointer on every request. */
const freshApp = () => kvApi('FAULT_CONTENT');

/** Every route that needs the bundle, with a well-formed request. */
const ROUTES: [string, string, { body?: unknown; token?: string }?][] = [
  ['GET', '/healthz'],
  ['GET', '/exams'],
  ['GET', '/exams/fx'],
  ['GET', '/guides'],
  ['GET', '/guides/fixture-guide'],
  ['GET', '/questions/fx-alpha-02'],
  ['POST', '/questions/fx-alpha-02/check', { body: { answer: ['b'] } }],
  ['POST', '/exams/fx/attempts', { body: { mode: 'exam' } }],
  ['GET', `/attempts/${ATTEMPT}`, { token: 'x'.repeat(43) }],
  ['PUT', `/attempts/${ATTEMPT}/answers/fx-alpha-02`, { body: { answer: ['b'] }, token: 'x'.repeat(43) }],
  ['POST', `/attempts/${ATTEMPT}/submit`, { token: 'x'.repeat(43) }],
  ['GET', `/attempts/${ATTEMPT}/report`, { token: 'x'.repeat(43) }],
  ['GET', '/stats/questions?exam=fx', { token: TEST_ADMIN_TOKEN }],
];

async function expectAllUnavailable(call: ReturnType<typeof freshApp>, reason: RegExp) {
  for (const [method, path, init] of ROUTES) {
    const res = await call(method, path, init);
    const label = `${method} ${path}: ${res.text.slice(0, 300)}`;
    expect(res.status, label).toBe(503);
    expect(res.headers.get('content-type'), label).toContain('application/json');
    expect(res.headers.get('retry-after'), label).toBe('30');
    expect(res.headers.get('cache-control'), label).toBe('no-store');
    expect(res.body.error.code, label).toBe('bundle_unavailable');
    expect(res.body.error.message, label).toMatch(reason);
    // The reason, not a stack trace.
    expect(res.text, label).not.toMatch(/\bat \S+ \(|\.ts:\d+|\.js:\d+|BundleError/);
  }
  // The documentation does not need the bundle.
  expect((await call('GET', '/openapi.json')).status).toBe(200);
}

describe('a missing or corrupt bundle: 503 bundle_unavailable with the reason, never a crash', () => {
  beforeEach(clear);

  it('nothing uploaded (no bundle/current)', async () => {
    await expectAllUnavailable(freshApp(), /no bundle in KV: bundle\/current is missing/);
  });

  it('the pointer is not a content hash', async () => {
    await kv.put(KV.current, 'garbage');
    await expectAllUnavailable(freshApp(), /bundle\/current is corrupt/);
  });

  it('the catalog is missing (an interrupted upload)', async () => {
    await kv.put(KV.current, fixturePublic.manifest.contentHash);
    await expectAllUnavailable(freshApp(), /bundle\/catalog-v2\/f+ is corrupt: missing/);
  });

  it('the catalog is of the older layout (format 1, one value per question): upload again', async () => {
    await kv.put(KV.current, fixturePublic.manifest.contentHash);
    await kv.put(LEGACY_KV.catalog(fixturePublic.manifest.contentHash), '{"format":1}');
    await expectAllUnavailable(
      freshApp(),
      /bundle\/catalog\/f+ is of an older layout \(catalog format 1, .*\): upload the bundle again/,
    );
    // A catalog of format 1 under the new name (hand-made) is refused as such too.
    const { entries } = await upload();
    const key = KV.catalog(fixturePublic.manifest.contentHash);
    const catalog = JSON.parse(entries.find((e) => e.key === key)?.value ?? '{}');
    await kv.put(key, JSON.stringify({ ...catalog, format: 1 }));
    await expectAllUnavailable(freshApp(), /is corrupt: format 1 is not 2/);
  });

  it('the catalog is not JSON', async () => {
    await upload();
    await kv.put(KV.catalog(fixturePublic.manifest.contentHash), '{"format":1,"manifest":');
    await expectAllUnavailable(freshApp(), /bundle\/catalog-v2\/f+ is corrupt: not JSON/);
  });

  it('the catalog is of another schema version, or lacks its manifest', async () => {
    const { entries } = await upload();
    const key = KV.catalog(fixturePublic.manifest.contentHash);
    const catalog = JSON.parse(entries.find((e) => e.key === key)?.value ?? '{}');
    await kv.put(key, JSON.stringify({ ...catalog, manifest: { ...catalog.manifest, schemaVersion: 99 } }));
    await expectAllUnavailable(freshApp(), /bundle schema version 99 is not the API's 1/);
    await kv.put(key, JSON.stringify({ ...catalog, manifest: undefined }));
    await expectAllUnavailable(freshApp(), /is corrupt: no manifest/);
    await kv.put(key, JSON.stringify({ ...catalog, keysContentHash: 'a'.repeat(64) }));
    await expectAllUnavailable(freshApp(), /grading keys are of another build/);
  });

  it('no KV namespace bound at all', async () => {
    const app = createApp(kvBundleStore({ binding: 'NO_SUCH_BINDING' }));
    const res = await app.fetch(new Request('http://examdown.test/api/v1/healthz'), env);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /no KV namespace is bound as NO_SUCH_BINDING/,
    );
  });

  it('a corrupt or missing pack: 503 on the routes that read it, the rest keeps serving', async () => {
    const { entries, catalog } = await upload();
    const call = freshApp();
    // fx-alpha-02 is the fixture guide's try-it question: the only one the check route answers.
    const packOf = (id: string) => catalog.questionPacks[catalog.questions[id] as number] as string;
    const fx = packOf('fx-alpha-02');
    const other = catalog.questionPacks.find((h) => h !== fx) as string;
    const otherId = Object.keys(catalog.questions).find((id) => packOf(id) === other) as string;
    expect(otherId).toBeDefined();
    const publicPack = entries.find((e) => e.key === KV.questionPack(fx));
    if (!publicPack) throw new Error('fixture entries');
    await kv.put(KV.keyPack(fx), 'not a pack');

    const check = await call('POST', '/questions/fx-alpha-02/check', { body: { answer: ['b'] } });
    expect(check.status).toBe(503);
    expect(check.body.error).toEqual({
      code: 'bundle_unavailable',
      message: expect.stringMatching(/private\/key-pack\/[0-9a-f]{12} is corrupt: not a pack/),
    });
    // One value of a pack is not JSON: only that question fails.
    // (the same length: the other values' places in the pack stay right)
    await kv.put(publicPack.key, publicPack.value.replace('"id":"fx-alpha-03"', '"id"!"fx-alpha-03"'));
    const get = await freshApp()('GET', '/questions/fx-alpha-03');
    expect(get.status).toBe(503);
    expect(get.body.error.message).toMatch(/public\/question-pack\/[0-9a-f]{12} is corrupt: not JSON/);
    expect((await freshApp()('GET', '/questions/fx-alpha-04')).status).toBe(200);
    // A pack missing altogether.
    await kv.delete(KV.questionPack(other));
    const lost = await freshApp()('GET', `/questions/${otherId}`);
    expect(lost.status).toBe(503);
    expect(lost.body.error.message).toMatch(/public\/question-pack\/[0-9a-f]{12} is missing from KV/);
    // Everything else is unaffected.
    expect((await call('GET', '/healthz')).status).toBe(200);
    expect((await call('GET', '/exams/fx')).status).toBe(200);
    expect((await call('GET', '/guides/fixture-guide')).status).toBe(200);
  });

  it('recovers without a restart once a good bundle is uploaded', async () => {
    const call = freshApp();
    expect((await call('GET', '/healthz')).status).toBe(503);
    await upload();
    const health = await call('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', contentHash: fixturePublic.manifest.contentHash });
    const started = await call('POST', '/exams/fx/attempts', { body: { mode: 'exam' } });
    expect(started.status).toBe(201);
    // The bundle vanishes mid-attempt: the attempt routes answer 503, and work again after.
    await kv.delete(KV.current);
    const lost = await call('GET', `/attempts/${started.body.id}`, { token: started.body.token });
    expect(lost.status).toBe(503);
    expect(lost.body.error.code).toBe('bundle_unavailable');
    await upload();
    const back = await call('GET', `/attempts/${started.body.id}`, { token: started.body.token });
    expect(back.status).toBe(200);
    expect(back.body.questions).toHaveLength(10);
  });

  it('a submit that fails after freezing loses nothing: the report is graded on the next read', async () => {
    const { entries } = await upload();
    const call = freshApp();
    const started = await call('POST', '/exams/fx/attempts', { body: { mode: 'exam' } });
    expect(started.status).toBe(201);
    const { id, token } = started.body as { id: string; token: string };
    const questions = (
      started.body.questions as { question: { id: string; options: { id: string }[] } }[]
    ).map((q) => q.question);
    for (const q of questions) {
      const saved = await call('PUT', `/attempts/${id}/answers/${q.id}`, {
        token,
        body: { answer: [q.options[0]?.id] },
      });
      expect(saved.status).toBe(200);
    }
    // One pack of grading keys vanishes: the submit freezes the attempt, then cannot grade it.
    const { questions: index, questionPacks } = JSON.parse(
      entries.find((e) => e.key === KV.catalog(fixturePublic.manifest.contentHash))?.value ?? '{}',
    );
    const lostKey = entries.find((e) => e.key === KV.keyPack(questionPacks[index[questions[0]?.id ?? '']]));
    if (!lostKey) throw new Error('fixture entries');
    await kv.delete(lostKey.key);
    const failed = await call('POST', `/attempts/${id}/submit`, { token });
    expect([failed.status, failed.body.error.code]).toEqual([503, 'bundle_unavailable']);
    // Frozen: no save lands any more, and the state says submitted (not yet scored).
    const late = await call('PUT', `/attempts/${id}/answers/${questions[1]?.id}`, {
      token,
      body: { answer: [questions[1]?.options[1]?.id] },
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'attempt_submitted']);
    const state = await call('GET', `/attempts/${id}`, { token });
    expect([state.body.status, state.body.score]).toEqual(['submitted', null]);
    // While the key is still missing the report says why; once it is back, the report is graded.
    expect((await call('GET', `/attempts/${id}/report`, { token })).status).toBe(503);
    await kv.put(lostKey.key, lostKey.value);
    const report = await call('GET', `/attempts/${id}/report`, { token });
    expect(report.status, report.text).toBe(200);
    expect(report.body.score.answered).toBe(questions.length);
    expect(report.body.questions.map((q: { answer: string[] }) => q.answer)).toEqual(
      questions.map((q) => [q.options[0]?.id]),
    );
    // Graded once: submit and report agree from now on.
    const again = await call('POST', `/attempts/${id}/submit`, { token });
    expect(again.text).toBe(report.text);
  });
});
