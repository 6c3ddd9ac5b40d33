/**
 * The exam flow as a learner meets it, in real Chromium against `npm run dev`: the rules shown
 * before the clock starts, the question grid as one Tab stop with arrow keys, practice verdicts
 * in the grid with a running tally, and axe (colour contrast included) on each of them.
 * Screenshots go to tests/artifacts/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { correctOptions } from '../support/answer-keys';
import { axeViolations } from './axe';
import { countRequests, focusVisible, newPage, PHONE, screenshot, tabTo } from './browser';
import { currentQuestion, openExam, RUNNER_URL, startPractice } from './runner';
import { browserSession } from './session';

const EXAM = 'databricks-ml-professional';
const SLOW = 180_000;
/** Tab presses allowed from a question's heading to "Submit exam" (the grid used to take 60). */
const TAB_BUDGET = 15;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const session = browserSession();

/** The focused element's text or accessible name (aria-label first). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim();
  });

/** Answers the current card right (its key) or wrong (a full answer that is not the key). */
async function answer(page: Page, right: boolean): Promise<void> {
  const q = await currentQuestion(page);
  const key = correctOptions(q.id);
  const count = q.type === 'multiple' ? q.selectCount : 1;
  const wrong = q.options.filter((o) => !key.includes(o));
  // A wrong answer: one wrong option, then any others to reach the count.
  const picks = right ? key : [wrong[0] ?? '', ...q.options.filter((o) => o !== wrong[0])].slice(0, count);
  for (const value of picks) await page.locator(`.q-card input[value="${value}"]`).check();
}

/** How many cells the grid shows per row at this width. */
const gridColumns = (page: Page) =>
  page.locator('.q-grid button').evaluateAll((cells) => {
    const top = (cells[0] as HTMLElement).offsetTop;
    const n = cells.findIndex((c) => (c as HTMLElement).offsetTop !== top);
    return n === -1 ? cells.length : n;
  });

/** The exam's facts as the API serves them. */
const examFacts = (page: Page) =>
  page.evaluate(async (id) => {
    const r = await fetch(`/api/v1/exams/${id}`);
    return (await r.json()) as { questionCount: number; durationMinutes: number; passingScore: number };
  }, EXAM);

describe('start screen', () => {
  test(
    'Start timed exam shows the rules; Cancel and Escape start nothing; Begin exam starts it',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      const starts = countRequests(page, 'POST', /\/api\/v1\/exams\/[^/]+\/attempts$/);
      await openExam(page, EXAM);
      await page.locator('.blueprint').waitFor();
      const exam = await examFacts(page);
      const examUrl = page.url();
      const startButton = page.getByRole('button', { name: 'Start timed exam' });

      await startButton.click();
      const dialog = page.getByRole('dialog', { name: 'Before you start' });
      await dialog.waitFor();
      const rules = ((await dialog.textContent()) ?? '').replace(/\u00a0/g, ' ');
      expect(rules).toContain(`Questions${exam.questionCount}`);
      expect(rules).toContain(`Time limit${exam.durationMinutes / 60} h`);
      expect(rules).toContain(`Passing score${exam.passingScore}%`);
      expect(rules).toMatch(/save automatically/);
      expect(rules).toMatch(/reload/);
      expect(rules).toMatch(/Flag a question/);
      expect(rules).toMatch(/timer keeps running/);
      expect(rules).toMatch(/submitted automatically/);
      // Focus moved into the dialog (its first button), and the page behind is inert.
      expect(await focused(page)).toBe('Cancel');
      await screenshot(page, 'rules-dialog-desktop', { fullPage: false });
      expect(await axeViolations(page)).toEqual([]);

      // Cancel: nothing started, focus back on the button that opened the rules.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await poll(() => dialog.isVisible()).toBe(false);
      expect(await focused(page)).toBe('Start timed exam');
      // Escape does the same.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await poll(() => dialog.isVisible()).toBe(false);
      expect(await focused(page)).toBe('Start timed exam');
      expect(page.url()).toBe(examUrl);
      expect(starts()).toBe(0);

      // Begin exam starts the attempt (one start) and opens the runner with the clock running.
      await startButton.click();
      await dialog.getByRole('button', { name: 'Begin exam' }).click();
      await page.waitForURL(RUNNER_URL);
      await page.locator('.q-card').waitFor();
      expect(starts()).toBe(1);
      await page.locator('.timer-value').waitFor();
      await screenshot(page, 'runner-exam-desktop');
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});

describe('keyboard only', () => {
  test(
    'start, answer, move through the grid with arrows, open, flag and submit; few Tabs to Submit',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openExam(page, EXAM);
      await page.locator('.blueprint').waitFor();
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Start timed exam');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Before you start' }).waitFor();
      expect(await focused(page)).toBe('Cancel');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('Begin exam');
      await page.keyboard.press('Enter');
      await page.waitForURL(RUNNER_URL);

      // Question 1: Tab into the options, Space to choose (Tab and Space again for "choose N").
      const q1 = await currentQuestion(page);
      await tabTo(page, (el) => el.tag === 'input');
      const picks = q1.type === 'multiple' ? q1.selectCount : 1;
      for (let i = 0; i < picks; i++) {
        if (i > 0) await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
      }
      expect(await page.locator('.q-card input:checked').count()).toBe(picks);
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Next →');
      await page.keyboard.press('Enter');
      await poll(() => page.locator('#q-heading').textContent()).toContain('Question 2');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-heading');

      // From question 2's heading to "Submit exam": the grid is one stop on the way.
      const tabs = await tabTo(page, (el) => el.tag === 'button' && el.text === 'Submit exam', 40);
      console.info(`Tab presses from question 2's heading to "Submit exam": ${tabs}`);
      expect(tabs).toBeLessThanOrEqual(TAB_BUDGET);

      // Back into the grid: it gives focus to the current question's cell.
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toBe('Question 2, unanswered');
      expect(await focusVisible(page)).toBe(true);
      expect(await page.locator('.q-grid button[tabindex="0"]').count()).toBe(1);
      const columns = await gridColumns(page);
      expect(columns).toBeGreaterThan(1);
      await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toBe('Question 3, unanswered');
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('ArrowDown');
      expect(await focused(page)).toBe(`Question ${3 + columns}, unanswered`);
      await page.keyboard.press('ArrowUp');
      expect(await focused(page)).toBe('Question 3, unanswered');
      await page.keyboard.press('End');
      expect(await focused(page)).toBe('Question 60, unanswered');
      await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toBe('Question 60, unanswered');
      await page.keyboard.press('Home');
      expect(await focused(page)).toBe('Question 1, answered');
      await page.keyboard.press('ArrowLeft');
      expect(await focused(page)).toBe('Question 1, answered');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toBe('Question 4, unanswered');
      await screenshot(page, 'grid-keyboard-desktop', { fullPage: false });

      // Enter opens the focused question and moves focus to its heading.
      await page.keyboard.press('Enter');
      await poll(() => page.locator('#q-heading').textContent()).toContain('Question 4');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q-heading');
      await tabTo(page, (el) => el.tag === 'button' && el.text.includes('Flag for review'));
      await page.keyboard.press('Enter');
      await poll(() => page.locator('.flag-btn').getAttribute('aria-pressed')).toBe('true');
      await poll(() => page.getByRole('button', { name: 'Question 4, unanswered, flagged' }).count()).toBe(1);
      // The grid's Tab stop is now question 4's cell; Space opens a cell too.
      await tabTo(page, (el) => el.label.startsWith('Question '));
      expect(await focused(page)).toBe('Question 4, unanswered, flagged');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Space');
      await poll(() => page.locator('#q-heading').textContent()).toContain('Question 3');

      await poll(() => page.locator('.save-state').textContent()).toBe('All answers saved');
      await tabTo(page, (el) => el.tag === 'button' && el.text === 'Submit exam');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('59 questions are unanswered');
      expect(await focused(page)).toBe('Keep working');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('Submit anyway');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/results$/);
      await page.locator('.review-item').first().waitFor();
      const first = page.locator(`.review-item[data-question-id="${q1.id}"]`);
      expect(((await first.getAttribute('data-answer')) ?? '').split(',').filter(Boolean)).toHaveLength(
        picks,
      );
      expect(await page.locator('.review-item .flag-pill').count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});

describe('practice feedback in the grid', () => {
  test(
    'checked answers colour the grid right or wrong, with a tally; after a reload they come back when opened',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openExam(page, EXAM);
      await startPractice(page, 5);
      const tally = page.getByTestId('practice-tally');
      expect(await tally.textContent()).toBe('0 of 5 checked · 0 correct');

      // Two right, one wrong, each checked.
      for (const [i, right] of [true, true, false].entries()) {
        if (i > 0) await page.getByRole('button', { name: 'Next →' }).click();
        await poll(() => page.locator('#q-heading').textContent()).toContain(`Question ${i + 1}`);
        await answer(page, right);
        await page.getByRole('button', { name: 'Check answer' }).click();
        await page.locator('.q-card .verdict').waitFor();
      }
      await poll(() => page.locator('.q-grid .q-cell.is-correct').count()).toBe(2);
      expect(await page.locator('.q-grid .q-cell.is-incorrect').count()).toBe(1);
      for (const name of [
        'Question 1, answered, correct',
        'Question 2, answered, correct',
        'Question 3, answered, incorrect',
        'Question 4, unanswered',
      ])
        expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
      expect(await page.locator('.q-grid .q-cell.is-correct .q-verdict').allTextContents()).toEqual([
        '✓',
        '✓',
      ]);
      expect(await page.locator('.q-grid .q-cell.is-incorrect .q-verdict').textContent()).toBe('✗');
      expect(await tally.textContent()).toBe('3 of 5 checked · 2 correct');
      await screenshot(page, 'practice-grid-desktop');
      expect(await axeViolations(page)).toEqual([]);

      // After a reload the open question's verdict comes back at once; the others when opened.
      await page.reload();
      await page.locator('.q-card .verdict').waitFor();
      await poll(() => tally.textContent()).toContain('3 of 5 checked · 0 correct');
      expect(await tally.textContent()).toContain('2 checked before a reload');
      expect(await page.getByRole('button', { name: 'Question 3, answered, incorrect' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Question 1, answered' }).click();
      await page.locator('.q-card .verdict').waitFor();
      await poll(() => tally.textContent()).toContain('3 of 5 checked · 1 correct');
      expect(await page.getByRole('button', { name: 'Question 1, answered, correct' }).count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});

describe('phone width (375 × 812)', () => {
  test(
    'the rules dialog and the practice runner fit, with no axe violations',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url, PHONE, {
        isMobile: true,
      });
      await openExam(page, EXAM);
      await page.locator('.blueprint').waitFor();
      await page.getByRole('button', { name: 'Start timed exam' }).click();
      const dialog = page.getByRole('dialog', { name: 'Before you start' });
      await dialog.waitFor();
      await screenshot(page, 'rules-dialog-phone', { fullPage: false });
      expect(await axeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await page.getByLabel('Number of questions').selectOption('5');
      await page.getByRole('button', { name: 'Start practice' }).click();
      await page.waitForURL(RUNNER_URL);
      await answer(page, true);
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.q-card .verdict').waitFor();
      await page.getByRole('button', { name: 'Next →' }).click();
      await answer(page, false);
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.q-card .verdict').waitFor();
      await poll(() => page.getByTestId('practice-tally').textContent()).toBe('2 of 5 checked · 1 correct');
      await screenshot(page, 'practice-grid-phone');
      expect(await axeViolations(page)).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});
