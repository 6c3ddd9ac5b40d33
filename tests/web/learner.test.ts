/**
 * The learner's side, end to end: the real product started as the README's `npm run dev` does,
 * driven in real headless Chromium. Writes screenshots of every page at desktop and phone width
 * to tests/artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { correctOptions } from '../support/answer-keys';
import { axeViolations } from './axe';
import {
  a11yProblems,
  countRequests,
  focusVisible,
  horizontalOverflow,
  newPage,
  PHONE,
  screenshot,
  tabTo,
} from './browser';
import { currentQuestion, openExam, openGuide, startPractice } from './runner';
import { browserSession } from './session';

const EXAM = 'databricks-ml-professional';
const GUIDE = 'databricks-ml-professional-guide';
const SLOW = 180_000;
/** Polls with room for a cold Worker on a busy 2-core machine. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const session = browserSession();

/** Picks options on the current card (by position) and returns the chosen option ids. */
async function answer(
  page: Page,
  positions: (n: number) => number[],
): Promise<{ id: string; chosen: string[] }> {
  const q = await currentQuestion(page);
  const count = q.type === 'multiple' ? q.selectCount : 1;
  // The wanted positions first, then the next free ones until the question's count is met.
  const picks = [...new Set(positions(q.options.length).map((i) => i % q.options.length))].slice(0, count);
  for (let i = 0; picks.length < count && i < q.options.length; i++) if (!picks.includes(i)) picks.push(i);
  const chosen: string[] = [];
  for (const i of picks) {
    const value = q.options[i] ?? '';
    await page.locator(`.q-card input[value="${value}"]`).check();
    chosen.push(value);
  }
  return { id: q.id, chosen: chosen.sort() };
}

/** Answers the current card with its key (from the content's private bundle). */
async function answerCorrectly(page: Page): Promise<{ id: string; chosen: string[] }> {
  const q = await currentQuestion(page);
  const key = correctOptions(q.id);
  for (const value of key) await page.locator(`.q-card input[value="${value}"]`).check();
  return { id: q.id, chosen: [...key].sort() };
}

/** The attempt's API reads the page sends (GET of the attempt and of its report), counted. */
function countAttemptReads(page: Page): () => { attempt: number; report: number } {
  const attempt = countRequests(page, 'GET', /^\/api\/v1\/attempts\/[^/]+$/);
  const report = countRequests(page, 'GET', /^\/api\/v1\/attempts\/[^/]+\/report$/);
  return () => ({ attempt: attempt(), report: report() });
}

async function waitSaved(page: Page) {
  await poll(() => page.locator('.save-state').textContent()).toBe('All answers saved');
}

describe('guide reader', () => {
  test(
    'reads a guide and answers its embedded question in place',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openGuide(page, GUIDE);
      await poll(() => page.locator('h1').textContent()).toContain('Databricks ML Professional');
      // Table of contents links to headings that exist in the article.
      const tocIds = await page
        .locator('.toc-side .toc-list a')
        .evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash.slice(1))));
      expect(tocIds.length).toBeGreaterThan(3);
      for (const id of tocIds.slice(0, 10)) expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
      // The FAQ comes with the guide's HTML.
      expect(await page.locator('.guide-body').textContent()).toMatch(/FAQ|Frequently asked/i);

      const tryIt = page.locator('.try-it').first();
      await tryIt.locator('input').first().waitFor();
      await screenshot(page, 'guide-desktop', { fullPage: false });
      const questionId = await page
        .locator('.examdown-question[data-question-id]')
        .first()
        .getAttribute('data-question-id');
      const inputs = tryIt.locator('input');
      const type = await inputs.first().getAttribute('type');
      const hint = (await tryIt.locator('.question-hint').textContent()) ?? '';
      const n = type === 'checkbox' ? Number(hint.match(/Choose (\d+)/)?.[1] ?? 1) : 1;
      const chosen: string[] = [];
      for (let i = 0; i < n; i++) {
        await inputs.nth(i).check();
        chosen.push((await inputs.nth(i).getAttribute('value')) ?? '');
      }
      await tryIt.getByRole('button', { name: 'Check answer' }).click();
      const verdict = tryIt.locator('.verdict');
      await verdict.waitFor();

      // The page's verdict agrees with the API's grading of the same answer.
      const truth = await page.evaluate(
        async ([id, answer]) => {
          const r = await fetch(`/api/v1/questions/${id}/check`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ answer }),
          });
          return (await r.json()) as { correct: boolean; correctOptions: string[] };
        },
        [questionId, chosen] as const,
      );
      expect(await verdict.textContent()).toContain(truth.correct ? 'Correct!' : 'Not quite.');
      const marked = await tryIt
        .locator('.option.is-correct input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
      expect(marked).toEqual([...truth.correctOptions].sort());
      await poll(() => tryIt.locator('.explanation').count()).toBe(1);
      expect(await tryIt.locator('.option-rationale').count()).toBeGreaterThan(0);
      await tryIt.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'guide-answered-desktop', { fullPage: false });
      expect(await a11yProblems(page)).toEqual([]);

      // Related guides link to guides that exist.
      const related = page.locator('.related a');
      if ((await related.count()) > 0) {
        await related.first().click();
        await page.waitForURL(/\/guides\/[a-z0-9-]+$/);
        await poll(() => page.locator('h1').count()).toBe(1);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});

describe('practice exam', () => {
  test(
    'short practice exam: answers survive a reload, one is flagged, the report matches the answers',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openExam(page, EXAM);
      await page.locator('.blueprint tbody tr').first().waitFor();
      expect(await page.locator('.blueprint tbody tr').count()).toBe(3);
      await screenshot(page, 'exam-desktop');

      const startReads = countAttemptReads(page);
      await startPractice(page, 5);
      const attemptUrl = page.url();
      // The start's response is the attempt: the runner (a new document) shows it without a read.
      expect(startReads()).toEqual({ attempt: 0, report: 0 });
      const given = new Map<string, string[]>();

      // Q1: answer and check it at once (immediate feedback in practice mode).
      let a = await answer(page, () => [0, 1]);
      given.set(a.id, a.chosen);
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.q-card .verdict').waitFor();
      await screenshot(page, 'practice-feedback-desktop');
      await page.getByRole('button', { name: 'Next →' }).click();

      // Q2: answer and flag for review.
      a = await answer(page, (n) => [n - 1, n - 2]);
      given.set(a.id, a.chosen);
      const flagged = a.id;
      await page.getByRole('button', { name: 'Flag for review' }).click();
      await poll(() => page.locator('.flag-btn').getAttribute('aria-pressed')).toBe('true');
      await page.getByRole('button', { name: 'Next →' }).click();

      // Q3: answer (correctly), then reload mid-way.
      a = await answerCorrectly(page);
      given.set(a.id, a.chosen);
      await waitSaved(page);
      await page.reload();
      await poll(() => page.locator('#q-heading').textContent()).toContain('Question 3');
      const q3 = await currentQuestion(page);
      expect(q3.id).toBe(a.id);
      const checked = await page
        .locator('.q-card input:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
      expect(checked).toEqual(given.get(a.id));
      // The grid remembers what was answered and flagged before the reload.
      await poll(() => page.getByRole('button', { name: 'Question 1, answered' }).count()).toBe(1);
      await poll(() => page.getByRole('button', { name: 'Question 2, answered, flagged' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Question 2, answered, flagged' }).click();
      const q2checked = await page
        .locator('.q-card input:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
      expect(q2checked).toEqual(given.get(flagged));
      // Q1 was checked before the reload: its answer is final and its feedback shows again.
      await page.getByRole('button', { name: 'Question 1, answered' }).click();
      await page.locator('.q-card .verdict').waitFor();
      expect(await page.locator('.q-card input:not(:disabled)').count()).toBe(0);
      await page.getByRole('button', { name: 'Question 2, answered, flagged' }).click();
      // The same attempt resumes in another tab of this browser.
      const tab = await context.newPage();
      await tab.goto(attemptUrl);
      await tab.locator('.q-card').waitFor();
      await poll(() => tab.getByRole('button', { name: 'Question 2, answered, flagged' }).count()).toBe(1);
      expect(await tab.getByRole('button', { name: /^Question \d+, answered/ }).count()).toBe(3);
      await tab.close();

      await page.getByRole('button', { name: /^Question 4, / }).click();

      // Q4 answered correctly; Q5 left unanswered.
      a = await answerCorrectly(page);
      given.set(a.id, a.chosen);
      await page.getByRole('button', { name: 'Next →' }).click();
      const q5 = await currentQuestion(page);
      await waitSaved(page);
      await screenshot(page, 'attempt-practice-desktop');

      await page.getByRole('button', { name: 'Finish practice' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('1 question is unanswered');
      await screenshot(page, 'attempt-confirm-desktop', { fullPage: false });
      const reads = countAttemptReads(page);
      await dialog.getByRole('button', { name: 'Submit anyway' }).click();
      await page.waitForURL(`${attemptUrl}/results`);
      await page.locator('.review-item').first().waitFor();
      // The submit's response is the report: the results page shows it without asking again.
      expect(reads()).toEqual({ attempt: 0, report: 0 });
      await screenshot(page, 'results-desktop');
      expect(await a11yProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      // Check the report against what was clicked: the expected score is computed from the
      // report's correct options and the answers this test gave (all-or-nothing scoring).
      const items = await page.locator('.review-item').evaluateAll((els) =>
        els.map((e) => ({
          id: e.getAttribute('data-question-id') ?? '',
          answer: (e.getAttribute('data-answer') ?? '').split(',').filter(Boolean).sort(),
          correctOptions: (e.getAttribute('data-correct-options') ?? '').split(',').filter(Boolean).sort(),
          flagged: e.querySelector('.flag-pill') !== null,
        })),
      );
      expect(items).toHaveLength(5);
      let expectedCorrect = 0;
      for (const item of items) {
        expect(item.answer).toEqual(given.get(item.id) ?? []);
        if (item.answer.length > 0 && item.answer.join() === item.correctOptions.join()) expectedCorrect++;
        expect(item.flagged).toBe(item.id === flagged);
      }
      expect(items.find((i) => i.id === q5.id)?.answer).toEqual([]);
      // The runner recorded time on the questions (Q1, with its check and screenshot, took seconds).
      expect(await page.locator('.review-item .review-time').count()).toBeGreaterThan(0);
      expect(expectedCorrect).toBeGreaterThanOrEqual(2);
      const expectedPercent = Math.round((expectedCorrect / 5) * 1000) / 10;
      expect(await page.getByTestId('score-correct').textContent()).toBe(String(expectedCorrect));
      expect(await page.getByTestId('score-total').textContent()).toBe('5');
      expect(await page.getByTestId('score-percent').textContent()).toBe(`${expectedPercent}%`);
      // A practice drill has no pass/fail verdict (a timed exam does).
      expect(await page.getByTestId('pass-state').count()).toBe(0);
      // Per-domain bars add up to the same totals.
      const rows = await page.locator('.score-row .score-value .muted').allTextContents();
      let [domainCorrect, domainTotal] = [0, 0];
      for (const t of rows) {
        const m = t.match(/\((\d+)\/(\d+)\)/);
        domainCorrect += Number(m?.[1]);
        domainTotal += Number(m?.[2]);
      }
      expect([domainCorrect, domainTotal]).toEqual([expectedCorrect, 5]);
      // Wrong or unanswered questions are marked for review; every row starts collapsed.
      expect(await page.locator('.review-item.bad').count()).toBe(5 - expectedCorrect);
      expect(await page.locator('.review-item details[open]').count()).toBe(0);
      // A reload reads the attempt and its report from the server: the same results.
      await page.reload();
      await page.locator('.review-item').first().waitFor();
      expect(reads()).toEqual({ attempt: 1, report: 1 });
      expect(await page.getByTestId('score-correct').textContent()).toBe(String(expectedCorrect));
      expect(await page.locator('.review-item').count()).toBe(5);

      // "Study next" links go to guide sections that exist.
      const study = page.locator('.results-grid .panel a').first();
      if ((await study.count()) > 0) {
        const href = (await study.getAttribute('href')) ?? '';
        expect(href).toMatch(/^\/guides\/[a-z0-9-]+(#.+)?$/);
        await study.click();
        await page.waitForURL(/\/guides\//);
        const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
        if (hash) await poll(() => page.locator(`[id="${hash}"]`).count()).toBe(1);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  test(
    'a handed-over attempt is used only fresh and once: otherwise the runner reads the server',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openExam(page, EXAM);
      const id = await startPractice(page, 5);
      await answer(page, () => [0]);
      await waitSaved(page);
      const reads = countAttemptReads(page);
      // What a handoff left behind would show if it were used: an attempt with nothing answered.
      const leave = (entry: { id: string; ageMs: number }) =>
        page.evaluate(({ id, ageMs }) => {
          const value = {
            id,
            examId: 'x',
            examTitle: 'Left behind',
            mode: 'practice',
            status: 'in_progress',
            questions: [],
            answers: {},
            flags: {},
            checked: {},
            deadlineAt: null,
          };
          sessionStorage.setItem(
            'examdown:handoff:started',
            JSON.stringify({ id, at: Date.now() - ageMs, value }),
          );
        }, entry);
      for (const [n, entry] of [
        [1, { id, ageMs: 61_000 }], // this attempt's, but older than a minute
        [2, { id: `${id.slice(0, -1)}x`, ageMs: 0 }], // fresh, another attempt's
      ] as const) {
        await leave(entry);
        await page.reload();
        await poll(() => page.getByRole('button', { name: 'Question 1, answered' }).count()).toBe(1);
        expect(await page.title()).not.toContain('Left behind');
        expect(reads().attempt).toBe(n);
        // Read once, then gone.
        expect(await page.evaluate(() => sessionStorage.getItem('examdown:handoff:started'))).toBeNull();
      }
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  test(
    'timed exam: countdown from the server deadline and auto-submit when time runs out',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await page.clock.install();
      await openExam(page, EXAM);
      await page.getByRole('button', { name: 'Start timed exam' }).click();
      // The rules come first; the clock starts with "Begin exam".
      await page
        .getByRole('dialog', { name: 'Before you start' })
        .getByRole('button', { name: 'Begin exam' })
        .click();
      await page.waitForURL(/\/attempts\/[A-Za-z0-9_-]{22}\.[0-9a-z]+$/);
      await page.locator('.q-card').waitFor();
      expect(await page.locator('#q-heading').textContent()).toContain('of 60');
      expect(await page.locator('.q-grid button').count()).toBe(60);
      const timer = (await page.locator('.timer-value').textContent()) ?? '';
      expect(timer).toMatch(/^(2:00:00|1:59:[0-5]\d)$/);
      await screenshot(page, 'attempt-exam-desktop');
      expect(await a11yProblems(page)).toEqual([]);
      const a = await answer(page, () => [0, 1]);
      await waitSaved(page);

      await page.clock.fastForward('01:55:00');
      await poll(() => page.locator('.timer').getAttribute('class')).toContain('low');
      await page.clock.fastForward('00:06:00');
      await page.waitForURL(/\/results\?timeout=1$/, { timeout: 30_000 });
      await page.locator('.review-item').first().waitFor();
      expect(await page.locator('.notice').textContent()).toContain('Time ran out');
      const first = page.locator(`.review-item[data-question-id="${a.id}"]`);
      expect((await first.getAttribute('data-answer'))?.split(',').sort()).toEqual(a.chosen);
      expect(await page.getByTestId('score-total').textContent()).toBe('60');
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});

describe('keyboard only', () => {
  test(
    'skip link, start an exam, answer, flag and submit with Tab, Space and Enter',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await page.goto('/');
      await page.locator('.exam-card').first().waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      await tabTo(
        page,
        (el) => el.tag === 'a' && el.text === 'Databricks Certified Machine Learning Professional',
      );
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/exams/${EXAM}`);
      await page.locator('.blueprint').waitFor();
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Start timed exam');
      await page.keyboard.press('Enter');
      // The rules dialog opens with focus on Cancel; Tab to "Begin exam" and start.
      await page.getByRole('dialog', { name: 'Before you start' }).waitFor();
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Begin exam', 3);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/attempts\/[A-Za-z0-9_-]{22}\.[0-9a-z]+$/);
      await page.locator('.q-card').waitFor();

      const answered: Record<string, string[]> = {};
      for (let q = 0; q < 2; q++) {
        const info = await currentQuestion(page);
        if (q === 0) {
          await tabTo(page, (el) => el.tag === 'button' && el.text.includes('Flag for review'));
          await page.keyboard.press('Enter');
          expect(await page.locator('.flag-btn').getAttribute('aria-pressed')).toBe('true');
        }
        // First option: Tab into the group, Space to choose; for "choose N", Tab on and Space again.
        await tabTo(page, (el) => el.tag === 'input');
        expect(await focusVisible(page)).toBe(true);
        if (q === 0) await screenshot(page, 'keyboard-focus-desktop', { fullPage: false });
        const picks = info.type === 'multiple' ? info.selectCount : 1;
        for (let i = 0; i < picks; i++) {
          if (i > 0) await page.keyboard.press('Tab');
          await page.keyboard.press('Space');
        }
        answered[info.id] = await page
          .locator('.q-card input:checked')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
        expect(answered[info.id]).toHaveLength(picks);
        await tabTo(page, (el) => el.tag === 'button' && el.text === 'Next →');
        await page.keyboard.press('Enter');
        await poll(() => page.locator('#q-heading').textContent()).toContain(`Question ${q + 2}`);
        // Focus moved to the new question's heading, so the next Tab continues from there.
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-heading');
      }
      await waitSaved(page);
      // The question grid is one Tab stop (arrow keys move inside it), so Submit is a few Tabs on.
      expect(await tabTo(page, (el) => el.tag === 'button' && el.text === 'Submit exam')).toBeLessThanOrEqual(
        15,
      );
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('58 questions are unanswered');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep working');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Submit anyway');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/results$/);
      await page.locator('.review-item').first().waitFor();
      for (const [id, chosen] of Object.entries(answered)) {
        const item = page.locator(`.review-item[data-question-id="${id}"]`);
        expect((await item.getAttribute('data-answer'))?.split(',').sort()).toEqual(chosen);
      }
      expect(await page.locator('.review-item .flag-pill').count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});

describe('phone width (375 × 812)', () => {
  test(
    'every page fits without sideways scrolling, and a practice run works',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url, PHONE, {
        isMobile: true,
      });
      const check = async (name: string, fullPage = true) => {
        expect(await horizontalOverflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await a11yProblems(page), `${name}: labels and landmarks`).toEqual([]);
        expect(await axeViolations(page), `${name}: axe-core`).toEqual([]);
        await screenshot(page, `${name}-phone`, { fullPage });
      };
      await page.goto('/');
      await page.locator('.exam-card').first().waitFor();
      await check('home');
      await page.goto('/guides');
      await page.locator('.guide-card').first().waitFor();
      await check('guides');
      await openGuide(page, GUIDE);
      await page.locator('.try-it input').first().waitFor();
      await check('guide', false);
      await page.locator('.try-it input').first().check();
      const tryIt = page.locator('.try-it').first();
      if ((await tryIt.locator('input[type="checkbox"]').count()) > 0)
        await tryIt.locator('input').nth(1).check();
      await tryIt.getByRole('button', { name: 'Check answer' }).click();
      await tryIt.locator('.verdict').waitFor();
      await tryIt.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await check('guide-answered', false);

      await openExam(page, EXAM);
      await page.locator('.blueprint').waitFor();
      await check('exam');
      await startPractice(page, 5);
      await check('attempt');
      for (let i = 0; i < 5; i++) {
        await answer(page, () => [0, 1]);
        if (i === 0) {
          await page.getByRole('button', { name: 'Check answer' }).click();
          await page.locator('.q-card .verdict').waitFor();
          await check('practice-feedback');
        }
        if (i < 4) await page.getByRole('button', { name: 'Next →' }).click();
      }
      await waitSaved(page);
      await page.getByRole('button', { name: 'Finish practice' }).click();
      await page.getByRole('dialog').waitFor();
      await check('attempt-confirm', false);
      await page.getByRole('dialog').getByRole('button', { name: 'Submit practice' }).click();
      await page.waitForURL(/\/results$/);
      await page.locator('.review-item').first().waitFor();
      await check('results');
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});

describe('empty, error and not-found states', () => {
  test(
    'offline, unknown pages and attempts from another browser say what happened',
    async () => {
      const { page, context } = await newPage(session.browser, session.server.url);
      // Public pages are prerendered; their loading, empty and error states are the app's, seen
      // when it navigates to them from a client route (here, an attempt of another browser).
      await page.goto('/attempts/00000000-0000-4000-8000-000000000000');
      await page.getByText('This attempt belongs to another browser').waitFor();
      await screenshot(page, 'attempt-foreign-desktop');
      const inApp = async (name: string) => {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      };

      // Network down: the API cannot be reached, then comes back.
      await page.route('**/api/v1/**', (route) => route.abort('internetdisconnected'));
      await inApp('Exams');
      await page.getByText('You seem to be offline').first().waitFor();
      await screenshot(page, 'offline-desktop');
      await page.unroute('**/api/v1/**');
      await page.getByRole('button', { name: 'Try again' }).first().click();
      await page.locator('.exam-card').first().waitFor();

      // Empty list, and a slow API shows its loading state.
      await page.route('**/api/v1/guides', (route) => route.fulfill({ json: { guides: [] } }));
      await inApp('Guides');
      await page.getByText('No guides are published yet.').waitFor();
      await page.unroute('**/api/v1/guides');
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      await page.route('**/api/v1/exams', async (route) => {
        await held;
        await route.continue();
      });
      await inApp('Exams');
      await page.getByText('Loading exams…').waitFor();
      await screenshot(page, 'empty-and-loading-desktop');
      release();
      await page.locator('.exam-card').first().waitFor();
      await page.unroute('**/api/v1/exams');

      // Unknown addresses: the prerendered not-found page, with status 404.
      const missing = await page.goto('/no/such/page');
      expect(missing?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await screenshot(page, 'not-found-desktop');
      expect((await page.goto('/exams/no-such-exam'))?.status()).toBe(404);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await context.close();

      const phone = await newPage(session.browser, session.server.url, PHONE, { isMobile: true });
      await phone.page.goto('/no/such/page');
      await phone.page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
      await screenshot(phone.page, 'not-found-phone');
      await phone.context.close();
    },
    SLOW,
  );

  test(
    'autosave survives a network outage and refuses to submit unsaved answers',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openExam(page, EXAM);
      await startPractice(page, 5);

      await page.route('**/api/v1/attempts/*/answers/*', (route) => route.abort('internetdisconnected'));
      const a = await answer(page, () => [0, 1]);
      await poll(() => page.locator('.save-state').textContent()).toBe('Offline — will retry');
      await page.getByRole('button', { name: 'Finish and see report' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Submit anyway' }).click();
      await page.getByText('Some answers are not saved yet').waitFor();
      await screenshot(page, 'attempt-offline-desktop', { fullPage: false });
      expect(page.url()).not.toContain('/results');

      // Back online: the queued answer is sent by the retry, and is there after a reload.
      await page.unroute('**/api/v1/attempts/*/answers/*');
      await waitSaved(page);
      await page.reload();
      await page.locator('.q-card').waitFor();
      const checked = await page
        .locator('.q-card input:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
      expect(checked).toEqual(a.chosen);
      // Failed requests are logged by the browser as console errors; nothing else may be.
      expect(problems.filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  test(
    'desktop screenshots of the catalogue and guide list',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      const res = await page.goto('/');
      // The client's files carry their own CSP (apps/web/public/_headers); a violation would
      // show up as a console error in `problems`.
      expect(res?.headers()['content-security-policy']).toContain("default-src 'self'");
      await page.locator('.exam-card').first().waitFor();
      await page.locator('.guide-card').first().waitFor();
      await screenshot(page, 'home-desktop');
      await page.getByRole('link', { name: 'Guides', exact: true }).click();
      await page.waitForURL('**/guides');
      await page.locator('.guide-card').first().waitFor();
      await screenshot(page, 'guides-desktop');
      expect(await a11yProblems(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});
