/**
 * Progress that follows the learner: a passkey registered in one browser context signs a fresh
 * context in as the same learner (Chromium's virtual authenticator through the DevTools protocol;
 * the credential is copied across, as a synced passkey would be). Then sign out, export, delete.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { correctOptions } from '../support/answer-keys';
import { axeViolations } from './axe';
import { newPage, PHONE, screenshot } from './browser';
import { browserSession } from './session';

const EXAM = 'databricks-ml-associate';
const session = browserSession();
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });

interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

/** A platform authenticator with user verification, answering every request at once. */
async function authenticator(page: Page): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, id: authenticatorId };
}

/** A graded practice attempt of this page's learner (the session cookie rides along). */
async function practiceOnce(page: Page): Promise<string> {
  const started = await page.evaluate(async (exam) => {
    const r = await fetch(`/api/v1/exams/${exam}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'practice', count: 2 }),
    });
    return (await r.json()) as { id: string; token: string; questions: { question: { id: string } }[] };
  }, EXAM);
  const first = started.questions[0]?.question.id ?? '';
  await page.evaluate(
    async ({ id, token, qid, answer }) => {
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      await fetch(`/api/v1/attempts/${id}/answers/${qid}`, {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({ answer }),
      });
      await fetch(`/api/v1/attempts/${id}/submit`, { method: 'POST', headers: auth });
    },
    { id: started.id, token: started.token, qid: first, answer: correctOptions(first) },
  );
  return started.id;
}

const history = (page: Page) =>
  page.evaluate(async (exam) => {
    const r = await fetch(`/api/v1/me/exams/${exam}`);
    return ((await r.json()) as { history: { id: string }[] }).history.map((h) => h.id);
  }, EXAM);

describe('passkeys', () => {
  test('register in one browser, sign in in a fresh one, see the same history; sign out', async () => {
    const a = await newPage(session.browser, session.server.url);
    const authA = await authenticator(a.page);
    await a.page.goto('/');
    const attemptId = await practiceOnce(a.page);

    await a.page.goto('/account');
    await a.page.getByRole('button', { name: 'Save my progress with a passkey' }).click();
    await poll(() => a.page.locator('.account-notice').textContent()).toContain('Passkey saved');
    await poll(() => a.page.locator('#progress-title + p').textContent()).toContain('1 passkey saved');
    expect(await axeViolations(a.page)).toEqual([]);
    await screenshot(a.page, 'account-desktop');
    const { credentials } = (await authA.cdp.send('WebAuthn.getCredentials', {
      authenticatorId: authA.id,
    })) as { credentials: VirtualCredential[] };
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);

    // Another device: a fresh context (no cookie), the same passkey in its authenticator.
    const b = await newPage(session.browser, session.server.url, PHONE, { isMobile: true });
    const authB = await authenticator(b.page);
    for (const credential of credentials) {
      await authB.cdp.send('WebAuthn.addCredential', { authenticatorId: authB.id, credential });
    }
    await b.page.goto('/account');
    await poll(() => b.page.locator('#progress-title + p').textContent()).toContain('Nothing yet');
    expect(await history(b.page)).toEqual([]);
    await b.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await poll(() => b.page.locator('.account-notice').textContent()).toContain('Signed in');
    expect(await history(b.page)).toEqual([attemptId]);
    await poll(() => b.page.locator('#progress-title + p').textContent()).toContain('1 attempt across');
    await screenshot(b.page, 'account-phone');

    await b.page.getByRole('button', { name: 'Sign out' }).click();
    await poll(() => b.page.locator('.account-notice').textContent()).toContain('Signed out');
    expect(await history(b.page)).toEqual([]);
    // The first browser is still signed in.
    expect(await history(a.page)).toEqual([attemptId]);
    expect([...a.problems, ...b.problems]).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('export my data as JSON, then delete it: history empty, the passkey no longer signs in', async () => {
    const { page, context, problems } = await newPage(session.browser, session.server.url);
    const auth = await authenticator(page);
    await page.goto('/');
    const attemptId = await practiceOnce(page);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Save my progress with a passkey' }).click();
    await poll(() => page.locator('.account-notice').textContent()).toContain('Passkey saved');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export my data (JSON)' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
      attempts: { local: number }[];
      reviewCards: Record<string, unknown>;
    };
    expect(exported.attempts).toHaveLength(1);
    expect(attemptId.endsWith(`.${exported.attempts[0]?.local.toString(36)}`)).toBe(true);
    expect(Object.keys(exported.reviewCards)).toEqual([EXAM]);

    await page.getByRole('button', { name: 'Delete my data' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await poll(() => page.locator('.account-notice').textContent()).toContain('deleted');
    expect(await history(page)).toEqual([]);
    await poll(() => page.locator('#progress-title + p').textContent()).toContain('Nothing yet');

    // The authenticator still holds the passkey, but its learner's data (and key) are gone.
    expect(
      (
        (await auth.cdp.send('WebAuthn.getCredentials', { authenticatorId: auth.id })) as {
          credentials: unknown[];
        }
      ).credentials,
    ).toHaveLength(1);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await poll(() => page.locator('.account-notice').textContent()).toContain('not known here');
    // The refused sign-in is an expected 400 in the console; nothing else went wrong.
    expect(problems.filter((p) => !/400/.test(p))).toEqual([]);
    await context.close();
  });
});
