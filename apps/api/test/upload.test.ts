/**
 * The upload (scripts/publish.ts, which scripts/upload-bundle.ts and `npm run dev` run) against a
 * real KV namespace of workerd: how many KV writes a first upload and a one-question edit take
 * (Workers Free allows 1,000 a day), and that the question versions stored attempts drew stay
 * readable — their reports unchanged — after later uploads, pruning included.
 */
import { env } from 'cloudflare:workers';
import type { PrivateBundle, PublicBundle, PublicQuestion, QuestionKey } from '@examdown/compiler/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { bindingTarget, type KvTarget, publish } from '../scripts/publish.js';
import { kvBundleStore } from '../src/kv/store.js';
import {
  bundleEntries,
  GUIDE_PACK_BYTES,
  KV,
  LEGACY_KV,
  MAX_VALUE_BYTES,
  PACK_BYTES,
} from '../src/kv-layout.js';
import { fixturePrivate, fixturePublic, syntheticBank } from './fixtures.js';
import { kvApi, real } from './helpers.js';

const kv = env.UPLOAD_CONTENT;

async function clear() {
  const target = bindingTarget(kv);
  await target.deleteMany(await target.list());
}

/** The namespace as the upload sees it, counting its writes and deletes. */
function counted() {
  const counts = { writes: 0, deletes: 0 };
  const inner = bindingTarget(kv);
  const target: KvTarget = {
    ...inner,
    putMany: (values) => {
      counts.writes += values.length;
      return inner.putMany(values);
    },
    put: (key, value) => {
      counts.writes += 1;
      return inner.put(key, value);
    },
    deleteMany: (keys) => {
      counts.deletes += keys.length;
      return inner.deleteMany(keys);
    },
  };
  return { target, counts };
}

async function upload(pub: PublicBundle, priv: PrivateBundle) {
  const { target, counts } = counted();
  const entries = await bundleEntries(pub, priv);
  const result = await publish(target, entries, { prune: true });
  expect(result.writes).toBe(counts.writes);
  return { ...counts, result, entries };
}

/** The bundle with one question's stem (and so its content hash) changed. */
function edited(pub: PublicBundle, priv: PrivateBundle, id: string, stemHtml: string, contentHash: string) {
  return {
    pub: {
      ...pub,
      manifest: { ...pub.manifest, contentHash },
      questions: pub.questions.map((q) => (q.id === id ? { ...q, stemHtml } : q)),
    },
    priv: { ...priv, contentHash },
  };
}

describe('KV writes of an upload', () => {
  beforeEach(clear);

  it('a first upload writes one value per pack; editing one question writes 4', async () => {
    const first = await upload(fixturePublic, fixturePrivate);
    // Two exams → two question packs and their two key packs, one guide pack, the guide list,
    // the catalog, the pointer.
    expect(first.writes).toBe(8);
    expect(first.entries.catalog.questionPacks).toHaveLength(2);

    const again = await upload(fixturePublic, fixturePrivate);
    expect([again.writes, again.deletes]).toEqual([0, 0]);

    const one = edited(fixturePublic, fixturePrivate, 'fx-alpha-03', '<p>Edited</p>', 'e'.repeat(64));
    const edit = await upload(one.pub, one.priv);
    // The question's pack, its key pack, the catalog, the pointer; nothing pruned yet (the
    // previous bundle stays whole for isolates that have not switched).
    expect([edit.writes, edit.deletes]).toEqual([4, 0]);
    const changed = edit.entries.catalog.questionPacks.filter(
      (hash) => !first.entries.catalog.questionPacks.includes(hash),
    );
    expect(changed).toHaveLength(1);

    const two = edited(one.pub, one.priv, 'fxp-delta-2', '<p>Edited too</p>', 'd'.repeat(64));
    const second = await upload(two.pub, two.priv);
    // The first catalog goes (neither live nor previous); the packs stay: attempts name them.
    expect([second.writes, second.deletes]).toEqual([4, 1]);
    const keys = new Set(await bindingTarget(kv).list());
    for (const { key } of first.entries.entries) {
      if (key !== KV.catalog(fixturePublic.manifest.contentHash)) expect(keys.has(key), key).toBe(true);
    }
  });

  it('the real content: a first upload of a few values, each well under the limits', async () => {
    const { manifest, exams, guides, questions, keys } = real;
    const first = await upload({ manifest, exams, guides, questions }, keys);
    const packs = first.entries.catalog.questionPacks.length;
    // One question pack and one key pack per exam, the guides in one pack, list, catalog, pointer.
    expect(packs).toBe(Object.keys(manifest.questionsByExam).length);
    expect(first.writes).toBe(2 * packs + first.entries.catalog.guidePacks.length + 3);
    expect(first.writes).toBeLessThanOrEqual(12);
    const id = questions[0]?.id as string;
    const one = edited({ manifest, exams, guides, questions }, keys, id, '<p>Edited</p>', 'c'.repeat(64));
    expect((await upload(one.pub, one.priv)).writes).toBe(4);
  });

  it('a bank of 10,000 questions and 1,000 guides: a few dozen writes, packs near their target', async () => {
    const { pub, priv } = syntheticBank(10_000, 1_000);
    const first = await upload(pub, priv);
    const sizes = first.entries.entries.map((e) => e.value.length);
    console.log(
      `synthetic bank: ${first.writes} KV writes, ${first.entries.catalog.questionPacks.length} question packs, ` +
        `${first.entries.catalog.guidePacks.length} guide packs, largest value ${(Math.max(...sizes) / 2 ** 20).toFixed(2)} MiB`,
    );
    expect(first.writes).toBeLessThanOrEqual(48);
    for (const e of first.entries.entries) {
      const target = e.key.startsWith('public/guide-pack/') ? GUIDE_PACK_BYTES : PACK_BYTES;
      if (!e.key.startsWith('bundle/')) expect(e.value.length, e.key).toBeLessThan(target * 1.5);
      expect(e.value.length).toBeLessThan(MAX_VALUE_BYTES);
    }
    const one = edited(pub, priv, 'syn-2-00042', '<p>Edited</p>', 'b'.repeat(64));
    expect((await upload(one.pub, one.priv)).writes).toBe(4);
  });
});

describe('the versions stored attempts drew stay readable', () => {
  beforeEach(clear);

  it('an attempt drawn before an edit is graded and reported on the version it drew', async () => {
    await upload(fixturePublic, fixturePrivate);
    const call = kvApi('UPLOAD_CONTENT');
    const started = await call('POST', '/exams/fx/attempts', { body: { mode: 'exam' } });
    expect(started.status).toBe(201);
    const { id, token } = started.body as { id: string; token: string };
    const drawn = (started.body.questions as { question: { id: string; stemHtml: string } }[]).map(
      (q) => q.question,
    );
    const target = drawn[0] as { id: string; stemHtml: string };

    // Two uploads later (the first catalog pruned), the question reads differently…
    let next = edited(fixturePublic, fixturePrivate, target.id, '<p>Rewritten</p>', 'e'.repeat(64));
    await upload(next.pub, next.priv);
    next = edited(next.pub, next.priv, target.id, '<p>Rewritten again</p>', 'd'.repeat(64));
    await upload(next.pub, next.priv);
    expect((await call('GET', `/questions/${target.id}`)).body.stemHtml).toBe('<p>Rewritten again</p>');

    // …but the attempt shows, grades and reports what it drew.
    const state = await call('GET', `/attempts/${id}`, { token });
    expect(state.body.questions[0].question.stemHtml).toBe(target.stemHtml);
    const submitted = await call('POST', `/attempts/${id}/submit`, { token });
    expect(submitted.status).toBe(200);
    const report = await call('GET', `/attempts/${id}/report`, { token });
    expect(report.status).toBe(200);
    expect(report.body.questions).toHaveLength(drawn.length);
    expect(JSON.stringify(report.body)).toContain(target.stemHtml);
    expect(JSON.stringify(report.body)).not.toContain('Rewritten');
  });

  it('versions of the layout before packs (format 1) are still read, by their own keys', async () => {
    await upload(fixturePublic, fixturePrivate);
    const question = fixturePublic.questions[0] as PublicQuestion;
    const key = fixturePrivate.keys[0] as QuestionKey;
    const { source: _source, ...served } = question;
    const old = { ...served, stemHtml: '<p>As drawn before packs</p>' };
    await kv.put(LEGACY_KV.question(question.id, '0123456789ab'), JSON.stringify(old));
    await kv.put(LEGACY_KV.key(question.id, '0123456789ab'), JSON.stringify(key));
    const content = await kvBundleStore({ binding: 'UPLOAD_CONTENT', pointerTtlMs: 0 }).open(env);
    const ref = [{ id: question.id, hash: '0123456789ab' }];
    expect((await content.questionVersions(ref)).get(question.id)?.stemHtml).toBe(old.stemHtml);
    expect((await content.keyVersions(ref)).get(question.id)).toEqual(key);
    // A version of neither layout: the error names the pack this layout expected.
    await expect(content.questionVersions([{ id: question.id, hash: 'ba9876543210' }])).rejects.toThrow(
      /public\/question-pack\/ba9876543210 is missing from KV/,
    );
  });
});
