/**
 * `npm run deploy` — takes the repo to a live site on Cloudflare in one command:
 *
 *   npm run deploy                        build, deploy, migrate D1, upload the bundle, check /healthz
 *   npm run deploy -- --dry-run           the same, offline: nothing leaves this machine
 *   npm run deploy -- --site-url URL      the site's origin for this deploy (else SITE_URL, else wrangler.jsonc)
 *
 * Exit code 0 when every step passed, 1 when one failed (the message says which and why).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { API_DIR, createContext } from './context.ts';
import { configuredSiteUrl } from './site-url.ts';
import { STEPS, StepError } from './steps.ts';

const { values: args } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    'site-url': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  process.stdout.write('usage: npm run deploy [-- --dry-run] [-- --site-url https://prep.example.com]\n');
  process.exit(0);
}

const dryRun = args['dry-run'] ?? false;
const stateDir = await mkdtemp(path.join(tmpdir(), 'examdown-deploy-'));
let siteUrl: string | undefined;
try {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by a root script, not a turbo task
  siteUrl = configuredSiteUrl(args['site-url'], process.env.SITE_URL, path.join(API_DIR, 'wrangler.jsonc'));
} catch (err) {
  process.stderr.write(`deploy: ${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
}
const ctx = createContext({ dryRun, siteUrl, stateDir });

const started = performance.now();
let failed = false;
for (const [i, step] of STEPS.entries()) {
  ctx.log(`\n▶ ${i + 1}/${STEPS.length} ${step.name}${dryRun ? ' (dry run)' : ''}`);
  const t0 = performance.now();
  try {
    await step.run(ctx);
    ctx.log(`✔ ${step.name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    const message =
      err instanceof StepError
        ? err.message
        : err instanceof Error
          ? (err.stack ?? err.message)
          : String(err);
    process.stderr.write(
      `\n✘ ${step.name}: ${message}\n\nNothing after this step ran. Fix the cause and run the command again: every step is safe to repeat.\n`,
    );
    failed = true;
    break;
  }
}
await rm(stateDir, { recursive: true, force: true });
if (!failed) {
  const where = dryRun
    ? 'dry run passed: nothing was deployed'
    : `live at ${ctx.facts.deployedUrl ?? siteUrl}`;
  ctx.log(`\n${where} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
process.exit(failed ? 1 : 0);
