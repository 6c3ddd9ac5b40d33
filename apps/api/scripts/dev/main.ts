/**
 * `npm run dev` for the API workspace: the product on http://localhost:$PORT with live preview.
 *
 *   1. apply the D1 migrations to the local state (as before);
 *   2. compile the content (EXAMDOWN_CONTENT_DIR, default packages/content) and publish it to the
 *      local KV that wrangler serves;
 *   3. start `wrangler dev` on a private port, with the bundle pointer re-read on every request;
 *   4. serve $PORT through a same-origin proxy that adds the preview client to every page;
 *   5. on every save under the content dir: recompile incrementally, publish the changed
 *      entities and tell open pages to refresh — or show them the errors, keeping the last good
 *      content live.
 *
 * Environment: PORT (8787), EXAMDOWN_STATE_DIR (.wrangler/state), INSPECTOR_PORT,
 * EXAMDOWN_CONTENT_DIR, EXAMDOWN_PREVIEW=0 (no watching: the content is compiled once).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { openLocalKv } from './local-kv.ts';
import { type PreviewProxy, startProxy } from './proxy.ts';
import { startRebuilder } from './rebuild.ts';
import { localSessionSecret } from './session-secret.ts';

const require = createRequire(import.meta.url);
const apiDir = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT) || 8787;
const persistTo = path.resolve(apiDir, process.env.EXAMDOWN_STATE_DIR || '.wrangler/state');
const contentDir = path.resolve(
  process.env.EXAMDOWN_CONTENT_DIR || path.dirname(require.resolve('@examdown/content/package.json')),
);
const watching = process.env.EXAMDOWN_PREVIEW !== '0';
const wranglerBin = path.join(path.dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const log = (message: string) => console.log(`[examdown] ${message}`);

const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
const migrate = spawnSync(
  process.execPath,
  [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo],
  { cwd: apiDir, stdio: 'inherit', env: wranglerEnv },
);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const kv = await openLocalKv(apiDir, persistTo);
let proxy: PreviewProxy | undefined;
let assets: Readonly<Record<string, Uint8Array>> = {};
/** The content hash the dev server started with; once the live one differs, prerendered pages are stale. */
let startHash: string | undefined;
let liveHash: string | undefined;
const rebuilder = await startRebuilder(contentDir, {
  async onGood(result) {
    const bundle = result.bundle;
    if (!bundle) return;
    assets = result.output?.assets ?? {};
    const started = performance.now();
    const { contentHash, written } = await kv.publish(bundle.public, bundle.private);
    const ms = Math.round(performance.now() - started);
    log(`published ${contentHash.slice(0, 12)} (${written} values written) in ${ms} ms`);
    startHash ??= contentHash;
    liveHash = contentHash;
    proxy?.broadcast({ event: 'content', data: { hash: contentHash, at: Date.now() } });
  },
  onProblems(problems) {
    for (const p of problems) log(`${p.file}:${p.line ?? ''}:${p.column ?? ''}: ${p.message} [${p.rule}]`);
    proxy?.broadcast({ event: 'problems', data: { problems, at: Date.now() } });
  },
  log,
});
if (!watching) rebuilder.close();

const upstreamPort = await freePort();
const wrangler: ChildProcess = spawn(
  process.execPath,
  [
    wranglerBin,
    'dev',
    '--port',
    String(upstreamPort),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    persistTo,
    '--var',
    'CONTENT_POINTER_TTL_MS:0',
    '--var',
    `SESSION_SECRET:${process.env.SESSION_SECRET || localSessionSecret(persistTo)}`,
    // The Worker's own address (its OpenAPI `servers`), whatever port this run uses.
    '--var',
    `SITE_URL:http://localhost:${port}`,
    ...(process.env.INSPECTOR_PORT ? ['--inspector-port', process.env.INSPECTOR_PORT] : []),
  ],
  { cwd: apiDir, stdio: 'inherit', env: wranglerEnv },
);
proxy = await startProxy({
  port,
  upstreamPort,
  assets: () => assets,
  // The web build prerendered the public pages from the content as it was at start: after an
  // edit they are stale, so pages are rendered by the client from the live API instead.
  livePages: () => liveHash !== startHash,
});
const first = rebuilder.initial;
if (first.errors === 0 && first.output) {
  proxy.broadcast({ event: 'content', data: { hash: first.output.manifest.contentHash, at: Date.now() } });
}
log(`http://localhost:${port} (live preview ${watching ? `of ${contentDir}` : 'off'})`);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  rebuilder.close();
  wrangler.kill('SIGTERM');
  await proxy?.close();
  await kv.close().catch(() => {});
  process.exit(code);
};
wrangler.on('exit', (code) => void stop(code ?? 1));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
