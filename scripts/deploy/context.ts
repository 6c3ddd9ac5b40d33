/** What every deploy step works with: paths, options, and how to run wrangler and node. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type ExecResult, exec } from './exec.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const API_DIR = path.join(ROOT, 'apps/api');
export const BUNDLE_DIR = path.join(ROOT, 'packages/content/bundle');

const require = createRequire(path.join(API_DIR, 'package.json'));

export interface DeployOptions {
  dryRun: boolean;
  /** The site's origin for this deploy (--site-url, else SITE_URL, else wrangler.jsonc). */
  siteUrl?: string;
  /** Where a dry run keeps its local D1 and KV (a temporary directory). */
  stateDir: string;
}

export interface DeployContext extends DeployOptions {
  /** Runs wrangler in apps/api with its config. */
  wrangler(
    args: string[],
    opts?: { echo?: boolean; env?: Record<string, string | undefined> },
  ): Promise<ExecResult>;
  /** Runs a Node script with this Node. */
  node(
    script: string,
    args: string[],
    opts?: { cwd?: string; env?: Record<string, string | undefined> },
  ): Promise<ExecResult>;
  /** What earlier steps found out, e.g. the deployed URL. */
  facts: { deployedUrl?: string; devUrl?: string };
  log(message: string): void;
}

export function wranglerBin(): string {
  return path.join(path.dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
}

export function createContext(options: DeployOptions): DeployContext {
  const quietEnv = { WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' };
  return {
    ...options,
    facts: {},
    wrangler: (args, opts = {}) =>
      exec(process.execPath, [wranglerBin(), ...args], {
        cwd: API_DIR,
        echo: opts.echo,
        env: { ...quietEnv, ...opts.env },
      }),
    node: (script, args, opts = {}) =>
      exec(process.execPath, [script, ...args], { cwd: opts.cwd ?? ROOT, env: { ...quietEnv, ...opts.env } }),
    log: (message) => process.stdout.write(`${message}\n`),
  };
}

/** The content hash of the bundle the build produced: what the health check expects to see live. */
export function builtContentHash(): string {
  const manifest = JSON.parse(readFileSync(path.join(BUNDLE_DIR, 'public/manifest.json'), 'utf8')) as {
    contentHash: string;
  };
  return manifest.contentHash;
}
