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
 * Question and key packs (`public/question-pack/<hash>`, `private/key-pack/<hash>`, and the
 * per-question values of format 1) are never pruned: stored attempts name the packs they drew
 * from, and their reports are rebuilt from them (retention: as long as the attempts; an edited
 * question keeps the previous version of its pack pair, about 1.5 MiB at most).
 *
 * Steps: list the keys already there; write only the missing immutable values (packs are named by
 * their hash, so an unchanged pack is never written again: Workers Free allows 1,000 KV writes a
 * day, and editing one question writes its question pack, its key pack, the catalog and the
 * pointer); then switch `bundle/current` to the new content hash — readers move to the new bundle
 * only when everything it refers to is there; then, when the live bundle changed, delete values
 * that neither the new nor the previous bundle refers to (isolates still on the previous one keep
 * working).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { KVNamespace } from '@cloudflare/workers-types';
import type { Manifest, PrivateBundle, PublicBundle } from '@examdown/compiler/schema';
import { bundleEntries, type KvEntry } from '../src/kv-layout.ts';
import { bindingTarget, type KvTarget, publish } from './publish.ts';

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
const bundle = await bundleEntries(pub, priv);
const { contentHash, entries } = bundle;

/** Where the values go: the local KV (through wrangler's platform proxy), or Cloudflare's. */
interface Target extends KvTarget {
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
  return {
    ...bindingTarget(kv),
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
    // One request of `kv bulk put` takes at most 100 MB: files of at most 50 MiB of values.
    putMany: async (values) => {
      for (const batch of batches(values, 50 * 1024 * 1024)) {
        wrangler(['kv', 'bulk', 'put', file('put.json', batch)]);
      }
    },
    put: async (key, value) => void wrangler(['kv', 'key', 'put', key, value]),
    deleteMany: async (keys) => void wrangler(['kv', 'bulk', 'delete', file('delete.json', keys), '--force']),
    close: async () => rmSync(tmp, { recursive: true, force: true }),
  };
}

const kv = args.local ? await localTarget() : remoteTarget();
try {
  const { written, writes, pruned } = await publish(kv, bundle, { prune: !args['no-prune'] });
  if (!args.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const largest = Math.max(0, ...entries.map((e) => e.value.length));
    console.log(
      `uploaded bundle ${contentHash.slice(0, 12)} to KV ${args.binding} (${args.local ? 'local' : 'remote'}): ` +
        `${entries.length} values (largest ${mib(largest)}), ${writes} KV writes (${mib(bytesOf(written))}; the pointer included), ` +
        `${entries.length - written.length} unchanged, ${pruned} pruned; ` +
        `${pub.exams.length} exams, ${pub.guides.length} guides, ${pub.questions.length} questions in ${seconds} s`,
    );
  }
} finally {
  await kv.close();
}

/** Values in order, cut into batches of at most `bytes` (a larger value goes alone). */
function batches(values: KvEntry[], bytes: number): KvEntry[][] {
  const out: KvEntry[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const value of values) {
    if (size + value.value.length > bytes) {
      out.push([]);
      size = 0;
    }
    out.at(-1)?.push(value);
    size += value.value.length;
  }
  return out;
}

function bytesOf(values: KvEntry[]): number {
  return values.reduce((sum, e) => sum + e.value.length, 0);
}

function mib(chars: number): string {
  return `${(chars / 1024 / 1024).toFixed(2)} MiB`;
}

function fail(message: string): never {
  console.error(`upload-bundle: ${message}`);
  process.exit(1);
}
