import { env, exports } from 'cloudflare:workers';
import type { Exam, Guide, Manifest, PrivateBundle, PublicQuestion } from '@examdown/compiler/schema';
import keysJson from '@examdown/content/bundle/private/keys.json';
import examsJson from '@examdown/content/bundle/public/exams.json';
import guidesJson from '@examdown/content/bundle/public/guides.json';
import manifestJson from '@examdown/content/bundle/public/manifest.json';
import questionsJson from '@examdown/content/bundle/public/questions.json';
import { createApp } from '../src/app.js';
import { memoryBundleStore } from '../src/bundle-store.js';
import { kvBundleStore } from '../src/kv/store.js';
import { fixtureBundle } from './fixtures.js';

/** The real compiled bundle (packages/content/bundle), as the Worker serves it. */
export const real = {
  manifest: manifestJson as unknown as Manifest,
  exams: examsJson as unknown as Exam[],
  guides: guidesJson as unknown as Guide[],
  questions: questionsJson as unknown as PublicQuestion[],
  keys: keysJson as unknown as PrivateBundle,
};

export const PRO = 'databricks-ml-professional';
export const ASSOCIATE = 'databricks-ml-associate';

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON of many shapes, asserted field by field
  body: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

type Fetch = (request: Request) => Promise<Response> | Response;

async function send(fetcher: Fetch, method: string, path: string, o: CallOptions = {}): Promise<Sent> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.Authorization = `Bearer ${o.token}`;
  let body: string | undefined = o.rawBody;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const url = path.startsWith('http')
    ? path
    : `http://examdown.test${path.startsWith('/api') ? '' : '/api/v1'}${path}`;
  const res = await fetcher(new Request(url, { method, headers, body }));
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** The real Worker (its default export, over the real bundle in the test KV: seed-content.ts). */
export function api(method: string, path: string, o?: CallOptions): Promise<Sent> {
  return send((r) => exports.default.fetch(r), method, path, o);
}

/**
 * The real app over the bundle in another KV namespace (`binding`, one a test fills or breaks at
 * will): a fresh isolate cache, and the pointer re-read on every request.
 */
export function kvApi(binding: string) {
  const app = createApp(kvBundleStore({ binding, pointerTtlMs: 0 }));
  return (method: string, path: string, o?: CallOptions) => send((r) => app.fetch(r, env), method, path, o);
}

const fixtureApp = createApp(memoryBundleStore(fixtureBundle()));

/** The app over the constructed fixture bundle, with the test D1 and optional env overrides. */
export function fixtureApi(
  method: string,
  path: string,
  o?: CallOptions,
  envOverrides: Partial<Cloudflare.Env> = {},
) {
  return send((r) => fixtureApp.fetch(r, { ...env, ...envOverrides }), method, path, o);
}

/** Starts an attempt and returns the started body (asserting 201). */
export async function start(call: typeof api, examId: string, body: unknown = { mode: 'exam' }) {
  const res = await call('POST', `/exams/${examId}/attempts`, { body });
  if (res.status !== 201) throw new Error(`start failed: ${res.status} ${res.text}`);
  return res.body as {
    id: string;
    token: string;
    deadline: string | null;
    questions: { position: number; question: PublicQuestion; answer: string[] | null; flagged: boolean }[];
  };
}

export function keyOf(id: string) {
  const key = real.keys.keys.find((k) => k.id === id);
  if (!key) throw new Error(`no key for ${id}`);
  return key;
}
