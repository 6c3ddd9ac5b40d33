/**
 * Live preview, as an author uses it: `npm run dev` on a copy of the real content, a guide open
 * in headless Chromium, the guide's Markdown saved with a change → the page shows it; saved
 * broken → an error overlay (file:line:col, message, rule id, code frame) over the last good
 * content; fixed → the overlay is gone and the page shows the fix. Latency is measured from the
 * file write to the changed DOM.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, startDevServer } from '../support/dev-server';
import { launch, newPage, screenshot } from './browser';

const GUIDE = 'databricks-certifications-overview';
const content = path.resolve(import.meta.dirname, '../../packages/content');
let dir: string;
let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'examdown-preview-'));
  cpSync(content, dir, {
    recursive: true,
    filter: (src) => !/[\\/](bundle|node_modules)([\\/]|$)/.test(path.relative(content, src)),
  });
  server = await startDevServer({ env: { EXAMDOWN_CONTENT_DIR: dir } });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const guideFile = () => path.join(dir, 'guides', `${GUIDE}.md`);

/** What the page must show: a title text in the h1, and/or the overlay present or absent. */
interface Done {
  title?: string;
  overlay?: boolean;
}

/** Rewrites the guide's title line and returns ms from the write until `done` holds in the page. */
async function saveAndWait(page: Page, edit: (text: string) => string, done: Done): Promise<number> {
  const text = readFileSync(guideFile(), 'utf8');
  const started = Date.now();
  writeFileSync(guideFile(), edit(text));
  // A function, not a string: the site's CSP forbids eval.
  await page.waitForFunction(
    ({ title, overlay }) => {
      const shown = document.getElementById('examdown-preview-overlay') !== null;
      if (overlay !== undefined && shown !== overlay) return false;
      return title === undefined || (document.querySelector('h1')?.textContent ?? '').includes(title);
    },
    done,
    { timeout: 15_000, polling: 10 },
  );
  return Date.now() - started;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

describe('live preview in Chromium', () => {
  it('save → the page shows the change; broken → overlay; fixed → overlay gone', async () => {
    const { page, context, problems } = await newPage(browser, server.url);
    await page.goto(`/guides/${GUIDE}`);
    await page.waitForSelector('h1');
    await page.waitForFunction(() => document.querySelector('script[src="/__examdown/preview.js"]') !== null);
    // Let the event stream connect before the first save.
    await page.waitForTimeout(300);

    const latencies: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const title = `Certifications overview, revision ${i}`;
      latencies.push(
        await saveAndWait(page, (t) => t.replace(/^title: .*$/m, `title: "${title}"`), { title }),
      );
      await page.waitForTimeout(150);
    }
    const med = median(latencies);
    console.log(
      `live preview latency (file write → DOM), shipped content: ${latencies.join(', ')} ms; median ${med} ms`,
    );
    // The target (≤ 1 s) is a figure the bench reports; this bound only catches a preview that
    // stopped pushing (the old path was a 30 s poll), never a busy machine.
    expect(med).toBeLessThanOrEqual(Number(process.env.PREVIEW_MAX_MEDIAN_MS ?? 10_000));

    // Broken: an unknown frontmatter key. The overlay names the place and the rule; the page keeps the last good title.
    const good = readFileSync(guideFile(), 'utf8');
    await saveAndWait(page, (t) => t.replace(/^title: /m, 'titel: '), { overlay: true });
    const overlay = await page.evaluate(
      () => document.getElementById('examdown-preview-overlay')?.shadowRoot?.textContent ?? '',
    );
    expect(overlay).toContain(`guides/${GUIDE}.md:2:1`);
    expect(overlay).toContain('[frontmatter-unknown-key]');
    expect(overlay).toContain("did you mean 'title'?");
    expect(overlay).toMatch(/> +2 \| titel:/);
    expect(await page.textContent('h1')).toContain('revision 5');
    await screenshot(page, 'preview-overlay', { fullPage: false });

    // Fixed: the overlay goes away and the fix is shown.
    await saveAndWait(page, () => good.replace(/^title: .*$/m, 'title: "Certifications overview, fixed"'), {
      overlay: false,
      title: 'fixed',
    });
    expect(problems.filter((p) => !p.includes('/__examdown/events'))).toEqual([]);
    await context.close();
  });
});
