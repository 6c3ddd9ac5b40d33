/**
 * The steps of `npm run deploy`, in order: login → build → deploy → session secret → D1
 * migrations → bundle upload → health check. Each is idempotent (turbo caches the build, wrangler uploads only changed
 * assets, migrations apply only what is pending, the upload writes only missing values, the
 * check only reads), so a failed deploy is resumed by running the command again. With
 * --dry-run every step does what it can offline: no login, `wrangler deploy --dry-run`, and
 * migrations, upload and health check against a throwaway local D1/KV under `wrangler dev`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_DIR, builtContentHash, type DeployContext, ROOT } from './context.ts';
import { tail } from './exec.ts';
import { waitForHealth } from './healthz.ts';
import { startWranglerDev } from './local-server.ts';
import { parseWhoami, workersDevUrl } from './wrangler-output.ts';

export class StepError extends Error {}

export interface Step {
  name: string;
  run(ctx: DeployContext): Promise<void>;
}

const siteEnv = (ctx: DeployContext) => (ctx.siteUrl ? { SITE_URL: ctx.siteUrl } : {});

async function build(ctx: DeployContext, siteUrl?: string): Promise<void> {
  const turbo = path.join(ROOT, 'node_modules/turbo/bin/turbo');
  const res = await ctx.node(
    turbo,
    ['run', 'build', '--filter=@examdown/api...', '--output-logs=errors-only'],
    {
      env: siteUrl ? { SITE_URL: siteUrl } : siteEnv(ctx),
    },
  );
  if (res.code !== 0) throw new StepError(`the build failed:\n${tail(res.output)}`);
}

export const login: Step = {
  name: 'Cloudflare login',
  async run(ctx) {
    if (ctx.dryRun) return ctx.log('dry run: not checking the login');
    const login = parseWhoami((await ctx.wrangler(['whoami', '--json'], { echo: false })).output);
    if (login.state === 'logged-out') {
      throw new StepError(
        'not logged in to Cloudflare. Run `npx wrangler login` (a browser opens), or set CLOUDFLARE_API_TOKEN ' +
          '(and CLOUDFLARE_ACCOUNT_ID) to a token with the scopes listed in README.md#deploy.',
      );
    }
    if (login.state === 'unknown')
      throw new StepError(`could not ask Cloudflare who is logged in:\n${login.reason}`);
    ctx.log(`logged in as ${login.who}`);
  },
};

export const buildStep: Step = { name: 'build (content, web client, Worker)', run: (ctx) => build(ctx) };

export const deploy: Step = {
  name: 'wrangler deploy',
  async run(ctx) {
    if (ctx.dryRun) {
      const res = await ctx.wrangler(['deploy', '--dry-run', '--outdir', path.join(ctx.stateDir, 'dist')]);
      if (res.code !== 0) throw new StepError(`wrangler deploy --dry-run failed:\n${tail(res.output)}`);
      return;
    }
    // First deploy: wrangler creates the D1 database and KV namespace and links them (no ids in config).
    const vars = ctx.siteUrl ? ['--var', `SITE_URL:${ctx.siteUrl}`] : [];
    const res = await ctx.wrangler(['deploy', ...vars]);
    if (res.code !== 0) throw new StepError(`wrangler deploy failed:\n${tail(res.output)}`);
    // The health check goes to workers.dev when there is one: a custom domain's DNS may still be pending.
    ctx.facts.deployedUrl = workersDevUrl(res.output) ?? ctx.siteUrl;
    if (!ctx.siteUrl && ctx.facts.deployedUrl) {
      // No SITE_URL yet: the pages' canonical URLs must still name a real origin, so build again
      // for the workers.dev address and redeploy (only the changed pages are uploaded).
      ctx.log(`SITE_URL is not set: building for ${ctx.facts.deployedUrl} (set vars.SITE_URL to keep it)`);
      await build(ctx, ctx.facts.deployedUrl);
      const again = await ctx.wrangler(['deploy', '--var', `SITE_URL:${ctx.facts.deployedUrl}`]);
      if (again.code !== 0) throw new StepError(`wrangler deploy failed:\n${tail(again.output)}`);
    }
  },
};

/**
 * The learner session cookie's signing key: created once (a random SESSION_SECRET through
 * `wrangler secret bulk`, from a file removed at once), never replaced — a new key would sign
 * every learner out.
 */
export const sessionSecret: Step = {
  name: 'session secret',
  async run(ctx) {
    if (ctx.dryRun) return ctx.log('dry run: the local Worker runs without learner sessions');
    const list = await ctx.wrangler(['secret', 'list', '--format', 'json'], { echo: false });
    if (list.code !== 0) throw new StepError(`could not list the Worker's secrets:\n${tail(list.output)}`);
    if (/"name":\s*"SESSION_SECRET"/.test(list.output)) return ctx.log('SESSION_SECRET is set');
    const dir = mkdtempSync(path.join(tmpdir(), 'examdown-secret-'));
    const file = path.join(dir, 'secrets.json');
    try {
      writeFileSync(file, JSON.stringify({ SESSION_SECRET: randomBytes(32).toString('base64url') }), {
        mode: 0o600,
      });
      const put = await ctx.wrangler(['secret', 'bulk', file], { echo: false });
      if (put.code !== 0) throw new StepError(`could not set SESSION_SECRET:\n${tail(put.output)}`);
      ctx.log('SESSION_SECRET created');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const migrate: Step = {
  name: 'D1 migrations',
  async run(ctx) {
    const where = ctx.dryRun ? ['--local', '--persist-to', ctx.stateDir] : ['--remote'];
    const res = await ctx.wrangler(['d1', 'migrations', 'apply', 'DB', ...where], { env: { CI: 'true' } });
    if (res.code !== 0) throw new StepError(`applying the D1 migrations failed:\n${tail(res.output)}`);
  },
};

export const upload: Step = {
  name: 'content bundle upload',
  async run(ctx) {
    const where = ctx.dryRun ? ['--local', '--persist-to', ctx.stateDir] : ['--remote'];
    const res = await ctx.node('scripts/upload-bundle.ts', where, { cwd: API_DIR });
    if (res.code !== 0) throw new StepError(`uploading the content bundle failed:\n${tail(res.output)}`);
  },
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export const health: Step = {
  name: 'health check',
  async run(ctx) {
    const expectedHash = builtContentHash();
    if (ctx.dryRun) {
      const server = await startWranglerDev({
        port: await freePort(),
        inspectorPort: await freePort(),
        stateDir: ctx.stateDir,
      });
      try {
        const result = await waitForHealth(server.url, { expectedHash, timeoutMs: 60_000, intervalMs: 500 });
        if (!result.ok)
          throw new StepError(`the local Worker is not healthy: ${result.reason}\n${tail(server.output())}`);
        ctx.facts.devUrl = server.url;
        ctx.log(`${server.url}/api/v1/healthz: 200, content ${expectedHash.slice(0, 12)}`);
      } finally {
        await server.stop();
      }
      return;
    }
    const url = ctx.facts.deployedUrl;
    if (!url)
      throw new StepError('wrangler deploy printed no URL to check: set SITE_URL (or pass --site-url)');
    const result = await waitForHealth(url, { expectedHash });
    if (!result.ok) throw new StepError(`the deployed Worker is not healthy: ${result.reason}`);
    ctx.log(`${url}/api/v1/healthz: 200, content ${expectedHash.slice(0, 12)}`);
  },
};

export const STEPS: Step[] = [login, buildStep, deploy, sessionSecret, migrate, upload, health];
