/// <reference lib="dom" />
/**
 * Step 2 of the web benchmark: one page's time to interactive in headless Chromium. A fresh
 * browser context (empty HTTP cache) loads the page ("cold"), then reloads it ("warm"); a
 * MutationObserver installed before any page script records performance.now() (ms since
 * navigation start) the moment the page's ready element appears.
 */
import type { Browser } from 'playwright-core';
import type { Attempt } from '../edge/api-client.ts';

export type PageKind = 'exam' | 'attempt';

/** What the page waits for: the exam page's start button, or the attempt's first enabled option. */
const READY: Record<PageKind, string> = {
  exam: 'button.btn-primary',
  attempt: 'input[type="radio"]:enabled, input[type="checkbox"]:enabled',
};

/** `attempt`: stored in localStorage as the client keeps it, so the attempt page can resume it. */
export async function measurePage(
  browser: Browser,
  base: string,
  pathname: string,
  kind: PageKind,
  attempt?: Pick<Attempt, 'id' | 'token' | 'examId' | 'deadline'>,
): Promise<{ cold: number; warm: number; fcp: number }> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(
      ({ selector, stored }) => {
        if (stored) {
          localStorage.setItem(
            'examdown:attempts',
            JSON.stringify({
              [stored.id]: {
                id: stored.id,
                token: stored.token,
                examId: stored.examId,
                mode: 'exam',
                startedAt: new Date().toISOString(),
                deadline: stored.deadline,
              },
            }),
          );
        }
        const w = window as unknown as { __ready?: number };
        const check = () => {
          if (w.__ready === undefined && document.querySelector(selector)) w.__ready = performance.now();
        };
        new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
      },
      {
        selector: READY[kind],
        // Only what the client stores (the whole attempt would be serialised into the page).
        stored: attempt
          ? { id: attempt.id, token: attempt.token, examId: attempt.examId, deadline: attempt.deadline }
          : null,
      },
    );
    const page = await context.newPage();
    const ready = async () => {
      await page.waitForFunction(
        () => (window as unknown as { __ready?: number }).__ready !== undefined,
        null,
        {
          timeout: 30_000,
          polling: 10,
        },
      );
      return page.evaluate(() => (window as unknown as { __ready: number }).__ready);
    };
    await page.goto(pathname);
    const cold = await ready();
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    await page.reload();
    const warm = await ready();
    return { cold, warm, fcp };
  } finally {
    await context.close();
  }
}
