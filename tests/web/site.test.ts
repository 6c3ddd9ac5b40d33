/**
 * The prerendered site in a real browser: every page hydrates without an error and without
 * redrawing what it was served, axe-core finds no accessibility violation on any page (public
 * pages, the not-found page, a practice attempt and its results), a guide ships at most 15 KiB
 * of JavaScript (gzip) and its try-it question and contents highlight work, and the client
 * routes still run from a prerendered page.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publicContent, publicPaths } from '../support/public-content';
import { axeViolations } from './axe';
import { newPage, PHONE, screenshot } from './browser';
import { browserSession } from './session';

const { exams, guides } = publicContent();
const PAGES = publicPaths({ exams, guides });
const GUIDE_JS_BUDGET = 15 * 1024;

const session = browserSession();

/** Opens a page and waits until its scripts have run (hydration included). */
async function open(path: string, viewport = PHONE) {
  const opened = await newPage(session.browser, session.server.url, viewport, {
    isMobile: viewport === PHONE,
  });
  const scripts: { url: string; gzip: number }[] = [];
  opened.page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script') return;
    const body = await res.body().catch(() => Buffer.alloc(0));
    scripts.push({ url: res.url(), gzip: gzipSync(body, { level: 9 }).length });
  });
  const html = await (await fetch(`${session.server.url}${path}`)).text();
  await opened.page.goto(path, { waitUntil: 'networkidle' });
  return { ...opened, scripts, served: html };
}

// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, the rendered text
const mainText = (page: Page) => page.locator('main').innerText();

describe('hydration and accessibility', () => {
  it.each(PAGES)('%s hydrates in place, with no error and no axe violation', async (path) => {
    const { page, context, problems, served } = await open(path);
    try {
      // The served HTML already had the page: hydration keeps it (no loading state, same heading).
      // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, the rendered text
      const h1 = await page.locator('h1').innerText();
      expect(served).toContain(`>${h1.replace(/&/g, '&amp;')}<`);
      expect(await mainText(page)).not.toMatch(/Loading/);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await screenshot(page, `prerendered${path === '/' ? '-home' : path.replace(/\//g, '-')}-375`, {
        fullPage: false,
      });
    } finally {
      await context.close();
    }
  });

  it('the not-found page is accessible and says where to go', async () => {
    const { page, context } = await open('/no-such-page');
    try {
      // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, the rendered text
      expect(await page.locator('h1').innerText()).toBe('Page not found');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a guide page', () => {
  const guide = guides.find((g) => g.questionIds.length > 0 && g.toc.length > 3);

  it(`ships at most ${GUIDE_JS_BUDGET / 1024} KiB of JavaScript (gzip)`, async () => {
    if (!guide) throw new Error('no guide with a try-it question');
    const { context, scripts } = await open(`/guides/${guide.slug}`);
    try {
      const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
      expect(scripts.length).toBeGreaterThan(0);
      expect(total, scripts.map((s) => `${s.url} ${s.gzip}`).join('\n')).toBeLessThanOrEqual(GUIDE_JS_BUDGET);
    } finally {
      await context.close();
    }
  });

  it('answers its try-it question and highlights the section being read', async () => {
    if (!guide) throw new Error('no guide with a try-it question');
    const { page, context, problems } = await open(`/guides/${guide.slug}`);
    try {
      const tryIt = page.locator('.try-it').first();
      await tryIt.scrollIntoViewIfNeeded();
      await tryIt.locator('input').first().check();
      await tryIt.getByRole('button', { name: /check/i }).click();
      await expect
        .poll(() => tryIt.locator('.verdict, [role="status"]').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      // Scroll to a later section: the side contents marks it.
      const target = guide.toc.filter((t) => t.depth <= 3)[2];
      if (!target) throw new Error('the guide has too few sections');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.locator(`#${target.id}`).scrollIntoViewIfNeeded();
      await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), target.id);
      await expect
        .poll(() => page.locator('.toc-side a[aria-current="location"]').getAttribute('href'), {
          timeout: 5_000,
        })
        .toBe(`#${target.id}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('client routes from a prerendered page', () => {
  it('starts a practice session from an exam page and sees its results, accessibly', async () => {
    const exam = exams[0];
    if (!exam) throw new Error('no exam');
    const { page, context, problems } = await open(`/exams/${exam.id}`);
    try {
      await page.getByRole('button', { name: /start practice/i }).click();
      await page.waitForURL(/\/attempts\/[^/]+$/);
      await page.locator('.q-card').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
