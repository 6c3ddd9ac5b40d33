/**
 * Uploads the compiled bundle (packages/content/bundle) to the Worker's KV namespace CONTENT, laid
 * out as src/kv-layout.ts describes: locally through wrangler's platform proxy (the storage of
 * `wrangler dev --persist-to`), remotely with `wrangler kv … --remote`:
 *
 *   node scripts/upload-bundle.ts --local [--persist-to DIR]    what `npm run dev` runs
 *   node scripts/upload-bundle.ts --remote                      production, before `wrangler deploy`
 *
 *   --bundle DIR      the bundle to upload (default: packages/content/bundle)
 *   --binding NAME    the KV binding in wrangler.jsonc (default: CONTENT)
 *   --env NAME        a wrangler environment
 *   --no-prune        keep values no live version refers to (default: delete them)
 *
 * Question versions (`public/question/<id>/<hash>` and `private/key/<id>/<hash>`) are never
 * pruned: stored attempts name the versions they drew, and their reports are rebuilt from them
 * (retention: as long as the attempts; an edited question adds two values).
 *
 * Steps: list the keys already there; write only the missing immutable values (entities are
 * named by their hash, so an unchanged question is never written again: Workers Free allows 1,000
 * KV writes a day); then switch `bundle/current` to the new content hash — readers move to the
 * new bundle only when everything it refers to is there; then, when the live bundle changed,
 * delete values that neither the new nor the previous bundle refers to (isolates still on the
 * previous one keep working).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { KVNamespace } from '@cloudflare/workers-types';
import type { Manifest, PrivateBundle, PublicBundle } from '@examdown/compiler/schema';
import {
  bundleEntries,
  type Catalog,
  catalogKeys,
  KV,
  type KvEntry,
  PRIVATE_PREFIX,
} from '../src/kv-layout.ts';
import { listKeys } from './kv-keys.ts';

const require = createRequire(import.meta.url);
const apiDir = path.resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    local: { type: 'boolean', default: false },
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    bundle: { type: 'string' },
    binding: { type: 'string', default: 'CONTENT' },
    env: { type: 'string' },
    'no-prune': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

if (args.local === args.remote) fail('say where to upload: --local or --remote');

const bundleDir =
  args.bundle !== undefined
    ? path.resolve(args.bundle)
    : path.resolve(path.dirname(require.resolve('@examdown/content/bundle/public/manifest.json')), '..');

const readJson = <T>(file: string): T => {
  try {
    return JSON.parse(readFileSync(path.join(bundleDir, file), 'utf8')) as T;
  } catch (err) {
    return fail(`cannot read ${path.join(bundleDir, file)} (build the content first: npm run build): ${err}`);
  }
};

const started = performance.now();
const pub: PublicBundle = {
  manifest: readJson<Manifest>('public/manifest.json'),
  exams: readJson('public/exams.json'),
  guides: readJson('public/guides.json'),
  questions: readJson('public/questions.json'),
};
const priv = readJson<PrivateBundle>('private/keys.json');
const { contentHash, catalog, entries, pointer } = await bundleEntries(pub, priv);

/** Where the values go: the local KV (through wrangler's platform proxy), or Cloudflare's. */
interface Target {
  list(): Promise<string[]>;
  get(key: string): Promise<string | null>;
  putMany(values: KvEntry[]): Promise<void>;
  put(key: string, value: string): Promise<void>;
  deleteMany(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

async function localTarget(): Promise<Target> {
  // The same storage `wrangler dev --persist-to DIR` and `wrangler kv … --local --persist-to DIR` use.
  const persistTo = path.resolve(apiDir, args['persist-to'] ?? '.wrangler/state');
  const { getPlatformProxy } = await import('wrangler');
  const proxy = await getPlatformProxy<Record<string, KVNamespace>>({
    configPath: path.join(apiDir, 'wrangler.jsonc'),
    ...(args.env ? { environment: args.env } : {}),
    persist: { path: path.join(persistTo, 'v3') },
  });
  const kv = proxy.env[args.binding];
  if (!kv) fail(`wrangler.jsonc binds no KV namespace as ${args.binding}`);
  const parallel = async <T>(items: T[], each: (item: T) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 256) await Promise.all(items.slice(i, i + 256).map(each));
  };
  return {
    list: () => listKeys(kv),
    get: (key) => kv.get(key),
    putMany: (values) => parallel(values, (e) => kv.put(e.key, e.value)),
    put: (key, value) => kv.put(key, value),
    deleteMany: (keys) => parallel(keys, (key) => kv.delete(key)),
    close: () => proxy.dispose(),
  };
}

function remoteTarget(): Target {
  const target = ['--binding', args.binding, '--remote', ...(args.env ? ['--env', args.env] : [])];
  const wranglerBin = path.join(path.dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
  const run = (argv: string[]) =>
    spawnSync(process.execPath, [wranglerBin, ...argv, ...target], {
      cwd: apiDir,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['inherit', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
  const wrangler = (argv: string[]) => {
    const res = run(argv);
    if (res.status !== 0) {
      fail(`wrangler ${argv.slice(0, 3).join(' ')} failed (${res.status}):\n${res.stderr}${res.stdout}`);
    }
    return res.stdout;
  };
  const tmp = mkdtempSync(path.join(tmpdir(), 'examdown-upload-'));
  const file = (name: string, value: unknown) => {
    const out = path.join(tmp, name);
    writeFileSync(out, JSON.stringify(value));
    return out;
  };
  return {
    list: async () => (JSON.parse(wrangler(['kv', 'key', 'list'])) as { name: string }[]).map((k) => k.name),
    async get(key) {
      const res = run(['kv', 'key', 'get', key, '--text']);
      return res.status !== 0 || /^Value not found/m.test(res.stdout) ? null : res.stdout;
    },
    putMany: async (values) => void wrangler(['kv', 'bulk', 'put', file('put.json', values)]),
    put: async (key, value) => void wrangler(['kv', 'key', 'put', key, value]),
    deleteMany: async (keys) => void wrangler(['kv', 'bulk', 'delete', file('delete.json', keys), '--force']),
    close: async () => rmSync(tmp, { recursive: true, force: true }),
  };
}

const kv = args.local ? await localTarget() : remoteTarget();
try {
  // 1. What is there already.
  const existing = new Set(await kv.list());
  const previousHash = existing.has(KV.current) ? (await kv.get(KV.current))?.trim() : undefined;

  // 2. The missing immutable values.
  const missing = entries.filter((e) => !existing.has(e.key));
  if (missing.length > 0) await kv.putMany(missing);

  // 3. Switch readers to this bundle.
  if (previousHash !== contentHash) await kv.put(pointer.key, pointer.value);

  // 4. Delete what neither this nor the previous bundle refers to — only when the live bundle
  //    changed, so isolates that have not yet seen the previous switch keep their values.
  let pruned = 0;
  if (!args['no-prune'] && previousHash !== contentHash) {
    const keep = new Set([KV.current, ...catalogKeys(catalog)]);
    if (previousHash) {
      const previous = await kv.get(KV.catalog(previousHash));
      if (previous) {
        try {
          for (const key of catalogKeys(JSON.parse(previous) as Catalog)) keep.add(key);
        } catch {
          // A corrupt previous catalog: nothing of it is worth keeping.
        }
      }
    }
    const garbage = [...existing].filter((key) => !keep.has(key) && !isQuestionVersion(key));
    if (garbage.length > 0) await kv.deleteMany(garbage);
    pruned = garbage.length;
  }

  if (!args.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `uploaded bundle ${contentHash.slice(0, 12)} to KV ${args.binding} (${args.local ? 'local' : 'remote'}): ` +
        `${entries.length} values, ${missing.length} written, ${entries.length - missing.length} unchanged, ` +
        `${pruned} pruned; ${pub.exams.length} exams, ${pub.guides.length} guides, ${pub.questions.length} questions in ${seconds} s`,
    );
  }
} finally {
  await kv.close();
}

/** A question's public form or key, of any version: attempts refer to them by hash. */
function isQuestionVersion(key: string): boolean {
  return key.startsWith('public/question/') || key.startsWith(`${PRIVATE_PREFIX}key/`);
}

function fail(message: string): never {
  console.error(`upload-bundle: ${message}`);
  process.exit(1);
}
