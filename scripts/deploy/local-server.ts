/**
 * `wrangler dev` on a throwaway state directory, for the dry run's health check: the same Worker,
 * assets, D1 and KV layout as production, offline. Its own process group, so stop() ends
 * wrangler and workerd together.
 */
import { spawn } from 'node:child_process';
import { API_DIR, wranglerBin } from './context.ts';

export interface LocalServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startWranglerDev(options: {
  port: number;
  inspectorPort: number;
  stateDir: string;
}): Promise<LocalServer> {
  const child = spawn(
    process.execPath,
    [
      wranglerBin(),
      'dev',
      '--port',
      String(options.port),
      '--persist-to',
      options.stateDir,
      '--inspector-port',
      String(options.inspectorPort),
    ],
    {
      cwd: API_DIR,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    url: `http://127.0.0.1:${options.port}`,
    output: () => output,
    async stop() {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      kill('SIGKILL');
    },
  };
}
