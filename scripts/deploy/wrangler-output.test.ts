import { describe, expect, it } from 'vitest';
import { deployedUrls, parseWhoami, workersDevUrl } from './wrangler-output.ts';

describe('parseWhoami', () => {
  it('reads a login from `wrangler whoami --json`', () => {
    const out =
      '\n{"loggedIn":true,"authType":"OAuth Token","email":"a@b.c","accounts":[{"name":"A","id":"1"}]}\n';
    expect(parseWhoami(out)).toEqual({ state: 'logged-in', who: 'a@b.c' });
  });
  it('names the account of an account API token, which has no email', () => {
    const out = '{"loggedIn":true,"authType":"Account API Token","accounts":[{"name":"Prep Ltd","id":"1"}]}';
    expect(parseWhoami(out)).toEqual({ state: 'logged-in', who: 'Prep Ltd' });
  });
  it('reports a logged-out wrangler (what it prints with no credentials)', () => {
    expect(parseWhoami('\n{"loggedIn":false}\n')).toEqual({ state: 'logged-out' });
  });
  it('passes anything else on, e.g. no network', () => {
    const login = parseWhoami("✘ [ERROR] Unable to resolve Cloudflare's API hostname\n");
    expect(login.state).toBe('unknown');
    expect(login.state === 'unknown' && login.reason).toContain('Unable to resolve');
  });
});

describe('deployedUrls', () => {
  const output = [
    'Uploaded examdown (4.12 sec)',
    'Deployed examdown triggers (0.51 sec)',
    '  https://examdown.prep-team.workers.dev',
    '  prep.example.com (custom domain)',
    'Current Version ID: 0d2c…',
    'See https://developers.cloudflare.com/workers/ for more',
  ].join('\n');
  it('finds the workers.dev URL and ignores links to the docs', () => {
    expect(deployedUrls(output)).toEqual(['https://examdown.prep-team.workers.dev']);
    expect(workersDevUrl(output)).toBe('https://examdown.prep-team.workers.dev');
  });
  it('has none when the Worker has no workers.dev route', () => {
    expect(workersDevUrl('Uploaded examdown\n  prep.example.com (custom domain)')).toBeUndefined();
  });
});
