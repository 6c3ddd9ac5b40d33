/**
 * `npm run deploy` itself, run as an operator would: without credentials it stops at the login
 * step with instructions; with --dry-run it builds, checks the deploy, applies the migrations,
 * uploads the bundle and passes the health check against a throwaway local Worker.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'scripts/deploy/main.ts');

function deploy(args: string[], env: Record<string, string | undefined> = {}) {
  const res = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: res.status, output: `${res.stdout}${res.stderr}` };
}

describe('npm run deploy', () => {
  it('stops at the login step, with what to do, when nobody is logged in', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'deploy-home-'));
    try {
      const { code, output } = deploy([], {
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        CLOUDFLARE_API_TOKEN: undefined,
        CLOUDFLARE_ACCOUNT_ID: undefined,
      });
      expect(code).toBe(1);
      expect(output).toContain('✘ Cloudflare login: not logged in to Cloudflare');
      expect(output).toContain('npx wrangler login');
      expect(output).not.toContain('▶ 2/7');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it('--dry-run runs every step offline and passes', () => {
    const { code, output } = deploy(['--dry-run']);
    expect(output).toContain('dry run passed');
    expect(code).toBe(0);
    for (const step of [
      'build',
      'wrangler deploy',
      'session secret',
      'D1 migrations',
      'content bundle upload',
      'health check',
    ]) {
      expect(output).toMatch(new RegExp(`✔ ${step}`));
    }
    expect(output).toMatch(/\/api\/v1\/healthz: 200, content [0-9a-f]{12}/);
  }, 300_000);
});
