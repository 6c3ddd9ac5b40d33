/**
 * Starts the whole product exactly as the README's run command does — `npm run dev` at the repo
 * root (turbo builds the API and everything it serves, then the API's `dev` applies the D1
 * migrations and runs `wrangler dev`) — on a free port, with its own local state directory, and
 * waits until GET /api/v1/healthz answers 200.
 *
 *   const server = await startDevServer();
 *   await fetch(`${server.url}/api/v1/exams`);
 *   await server.stop();
 *
 * The server runs in its own process group; stop() ends the whole group (npm, turbo, wrangler,
 * workerd) and removes the state directory — unless the caller passed its own `stateDir`, which
 * is kept, so a second server can start on the same state (a restart). If the server exits or never becomes healthy, the
 * error carries the tail of its output. Set DEV_SERVER_LOG=1 to stream its output live.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

export interface DevServer {
  /** Base URL, e.g. http://localhost:41234 (no trailing slash). */
  url: string;
  port: number;
  /** The isolated local state directory (D1 lives here). */
  stateDir: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** Port to listen on; default: env PORT, else a free one. */
  port?: number;
  /** How long to wait for a healthy server (the first run builds everything). Default 240 s. */
  timeoutMs?: number;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** Use this local state directory (D1, KV) and keep it on stop(); default: a fresh temp dir, removed on stop(). */
  stateDir?: string;
}

const root = resolve(import.meta.dirname, '../..');
const MAX_OUTPUT = 200_000;

/** The npm that runs this process (npm_execpath under `npm test`), else `npm` from PATH. */
function npmCommand(): { command: string; args: string[] } {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli)) return { command: process.execPath, args: [npmCli] };
  return { command: 'npm', args: [] };
}

export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const port = options.port ?? (Number(process.env.PORT) || (await freePort()));
  const inspectorPort = await freePort();
  const ownState = options.stateDir === undefined;
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'examdown-state-')));
  const url = `http://localhost:${port}`;
  const timeoutMs = options.timeoutMs ?? 240_000;
  const stream = process.env.DEV_SERVER_LOG === '1';

  const npm = npmCommand();
  const child: ChildProcess = spawn(npm.command, [...npm.args, 'run', 'dev'], {
    cwd: root,
    detached: true, // own process group: stop() can end npm, turbo, wrangler and workerd at once
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      EXAMDOWN_STATE_DIR: stateDir,
      INSPECTOR_PORT: String(inspectorPort),
      WRANGLER_SEND_METRICS: 'false',
      TURBO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...options.env,
    },
  });

  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-MAX_OUTPUT);
    if (stream) process.stderr.write(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolveExit();
    });
  });

  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  const onParentExit = () => killGroup('SIGKILL');
  process.once('exit', onParentExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onParentExit);
    if (!exited) {
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    }
    // workerd may outlive its parent for a moment: make sure nothing of the group is left.
    killGroup('SIGKILL');
    if (ownState) await rm(stateDir, { recursive: true, force: true });
  };

  const tail = () => output.split('\n').slice(-80).join('\n');
  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (exited) {
      await stop();
      throw new Error(
        `npm run dev exited (code ${exited.code}, signal ${exited.signal}) before ${url}/api/v1/healthz answered:\n${tail()}`,
      );
    }
    try {
      const res = await fetch(`${url}/api/v1/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${url}/api/v1/healthz did not answer 200 within ${timeoutMs} ms:\n${tail()}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }

  return { url, port, stateDir, output: () => output, stop };
}
