/**
 * How examdown starts headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core),
 * in one place for the browser tests (tests/web/browser.ts) and the web benchmark
 * (bench/src/web-bench.ts), so that both measure and test the same browser set-up.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // No sandbox (containers and CI run as root); no GPU, updates or first-run UI that would add
    // noise or network traffic.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
