/**
 * The product for the load test: the Worker prebuilt once (the bench entry: the product's app
 * and learner Durable Object, plus the bench-only routes; built into bench/results/cache, so
 * edits elsewhere in the repo never reload it mid-run) under `wrangler dev` on loopback, with the
 * product's bindings and rate limits, on a fresh local state holding the shipped content (KV)
 * and the migrated D1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_DIR, quietEnv, ROOT } from '../edge/common.ts';
import { buildWorker, type RunningWorker, startWorker } from '../edge/worker.ts';

export interface DevServer extends RunningWorker {
  stateDir: string;
}

function run(args: string[]): void {
  const res = spawnSync(process.execPath, args, {
    cwd: API_DIR,
    encoding: 'utf8',
    env: { ...process.env, ...quietEnv },
  });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed:\n${res.stderr}${res.stdout}`.slice(-4000));
}

export async function startDevServer(): Promise<DevServer> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'examdown-learners-'));
  run([path.join(API_DIR, 'scripts/upload-bundle.ts'), '--local', '--persist-to', stateDir, '--quiet']);
  const wrangler = path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
  run([wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir]);
  const built = buildWorker('learners', 'bench-entry.ts');
  const worker = await startWorker(built, stateDir, {}, { productLimits: true });
  return { ...worker, stateDir };
}

export function removeState(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
