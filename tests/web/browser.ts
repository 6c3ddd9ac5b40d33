/**
 * One headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) for a test file,
 * plus helpers for screenshots, keyboard navigation and layout checks.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = join(here, '..', 'artifacts', 'screenshots');

export { CHROMIUM, launchChromium as launch } from '../support/chromium';

/** A fresh profile (own localStorage) whose page records console errors and failed requests. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
  opts: { isMobile?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    deviceScaleFactor: 1,
    isMobile: opts.isMobile ?? false,
    hasTouch: opts.isMobile ?? false,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  // The client must never talk to another origin.
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== new URL(baseURL).origin && url.protocol.startsWith('http')) {
      problems.push(`foreign request: ${r.url()}`);
    }
  });
  return { context, page, problems };
}

/** Counts the requests the page sends with `method` to a path that `path` matches. */
export function countRequests(page: Page, method: string, path: RegExp): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === method && path.test(new URL(r.url()).pathname)) n++;
  });
  return () => n;
}

/** Full-page screenshot, or just the viewport (long guides would make megapixel images). */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const fullPage = opts.fullPage ?? true;
  // Sticky bars are drawn where the page is scrolled to: capture full pages from the top.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/** Presses Tab until `match` holds for the focused element; returns how many presses it took. */
export async function tabTo(
  page: Page,
  match: (el: { tag: string; text: string; type: string; label: string }) => boolean,
  max = 80,
): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName.toLowerCase() ?? '',
        text: (a?.textContent ?? '').trim().replace(/\s+/g, ' '),
        type: a?.getAttribute('type') ?? '',
        label: a?.getAttribute('aria-label') ?? '',
      };
    });
    if (match(el)) return i;
  }
  throw new Error('tabTo: target never received focus');
}

/**
 * Whether the focused element shows the focus ring: an outline, or the ring box-shadow in the
 * accent colour on the element or on the wrapper that draws it (option label, card).
 */
export async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
      const s = getComputedStyle(el);
      if (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0) return true;
      if (s.boxShadow.includes('rgb(29, 78, 216)')) return true;
    }
    return false;
  });
}

/** Horizontal overflow of the document in CSS pixels (0 = no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Interactive elements without an accessible name, and landmarks the page lacks: a cheap,
 * dependency-free screen-reader check (inputs need a label, buttons and links need text).
 */
export async function a11yProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const named = (el: Element) =>
      (el.getAttribute('aria-label') ?? '').trim() !== '' ||
      (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .some((id) => id && (document.getElementById(id)?.textContent ?? '').trim() !== '');
    for (const el of document.querySelectorAll('input, select, textarea')) {
      const input = el as HTMLInputElement;
      if (input.type === 'hidden') continue;
      const labelled =
        (input.labels?.length ?? 0) > 0 && [...(input.labels ?? [])].some((l) => l.textContent?.trim());
      if (!labelled && !named(el))
        out.push(`unlabelled ${el.tagName.toLowerCase()} ${input.name || input.id}`);
    }
    for (const el of document.querySelectorAll('button, a[href], summary')) {
      const text = (el.textContent ?? '').trim();
      if (!text && !named(el)) out.push(`nameless ${el.tagName.toLowerCase()} ${el.outerHTML.slice(0, 80)}`);
    }
    for (const role of ['main', 'banner']) {
      const tag = role === 'main' ? 'main' : 'header';
      if (!document.querySelector(`${tag}, [role="${role}"]`)) out.push(`no ${role} landmark`);
    }
    if (document.querySelectorAll('h1').length !== 1)
      out.push(`${document.querySelectorAll('h1').length} h1 elements`);
    const ids = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) out.push(`duplicate id "${id}"`);
    return out;
  });
}
