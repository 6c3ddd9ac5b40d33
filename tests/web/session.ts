/**
 * One product (`npm run dev`) and one headless Chromium for a browser test file: started before
 * its tests, stopped after them. Read `session.server` and `session.browser` inside the tests.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type DevServer, startDevServer } from '../support/dev-server';
import { launch } from './browser';

export function browserSession(): { server: DevServer; browser: Browser } {
  const session = {} as { server: DevServer; browser: Browser };
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startDevServer(), launch()]);
  }, 300_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
