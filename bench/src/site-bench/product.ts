/**
 * The product as `npm run dev` starts it (build, local D1/KV, `wrangler dev` serving the API and
 * the prerendered site) on a free port with its own state directory, for the site benchmark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../../tests/support/free-port.ts';
import { sleep, startGroup } from '../edge/common.ts';

/** The npm that runs this process (npm_execpath under `npm run bench`), else `npm` from PATH. */
function npm(): { command: string; args: string[] } {
  const cli = process.env.npm_execpath;
  return cli && /npm-cli\.js$/.test(cli)
    ? { command: process.execPath, args: [cli] }
    : { command: 'npm', args: [] };
}

export async function startProduct(timeoutMs = 300_000) {
  const [port, inspector] = [await freePort(), await freePort()];
  const stateDir = mkdtempSync(path.join(tmpdir(), 'examdown-site-bench-'));
  const { command, args } = npm();
  const group = startGroup(command, [...args, 'run', 'dev'], {
    env: { PORT: String(port), INSPECTOR_PORT: String(inspector), EXAMDOWN_STATE_DIR: stateDir },
  });
  const url = `http://localhost:${port}`;
  const stop = async () => {
    await group.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/v1/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, stop };
    await sleep(500);
  }
  await stop();
  throw new Error(`npm run dev did not answer ${url}/api/v1/healthz:\n${group.output().slice(-3000)}`);
}
