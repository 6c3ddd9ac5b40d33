/**
 * The results page as a review: the grid of every question's result, collapsible rows, combinable
 * filters, "Retake missed questions" and no pass/fail verdict for a practice drill. The attempt is
 * started through the exam page (so this browser keeps its key as the web client does), answered
 * and submitted through the API with that key, then reviewed in real Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { countByDomain, countByShow, matches, SHOW_OPTIONS } from '../../apps/web/src/results/filters.ts';
import { outcomeOf } from '../../apps/web/src/results/outcome.ts';
import { correctOptions } from '../support/answer-keys';
import { axeViolations } from './axe';
import { a11yProblems, DESKTOP, horizontalOverflow, newPage, PHONE, screenshot } from './browser';
import { openExam } from './runner';
import { browserSession } from './session';

const EXAM = 'databricks-ml-professional';
const SLOW = 180_000;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const session = browserSession();

interface AttemptQuestion {
  position: number;
  question: { id: string; domain: string; type: string; selectCount: number; options: { id: string }[] };
}

/** The API, called from the page (same origin) with this browser's key to `attemptId`. */
async function callApi<T>(page: Page, method: string, path: string, attemptId: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, attemptId, body }) => {
      const all = JSON.parse(localStorage.getItem('examdown:attempts') ?? '{}');
      const headers: Record<string, string> = { Authorization: `Bearer ${all[attemptId].token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : await res.json();
    },
    { method, path, attemptId, body },
  ) as Promise<T>;
}

/** Starts an attempt from the exam page, as a learner does; returns its id (from the runner's URL). */
async function startFromExamPage(page: Page, mode: 'practice' | 'exam', count = 10): Promise<string> {
  await openExam(page, EXAM);
  if (mode === 'practice') {
    await page.getByLabel('Number of questions').selectOption(String(count));
    await page.getByRole('button', { name: 'Start practice' }).click();
  } else {
    // The rules come first; the clock starts with "Begin exam".
    await page.getByRole('button', { name: 'Start timed exam' }).click();
    await page.getByRole('button', { name: 'Begin exam' }).click();
  }
  await page.waitForURL(/\/attempts\/[A-Za-z0-9_-]{22}\.[0-9a-z]+$/);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

async function questionsOf(page: Page, attemptId: string): Promise<AttemptQuestion[]> {
  const a = await callApi<{ questions: AttemptQuestion[] }>(page, 'GET', `/attempts/${attemptId}`, attemptId);
  return [...a.questions].sort((x, y) => x.position - y.position);
}

/** A wrong answer of the right size: options outside the key first. */
function wrongAnswer(q: AttemptQuestion['question']): string[] {
  const key = correctOptions(q.id);
  const size = q.type === 'multiple' ? q.selectCount : 1;
  const ids = q.options.map((o) => o.id);
  const picks = [...ids.filter((id) => !key.includes(id)), ...ids.filter((id) => key.includes(id))];
  return picks.slice(0, size);
}

/** Ids of the review rows the filters leave visible, in order. */
async function visibleRows(page: Page): Promise<string[]> {
  return page
    .locator('.review-item:not([hidden])')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-question-id') ?? ''));
}

async function chooseShow(page: Page, label: string) {
  await page.locator('.chips label', { hasText: label }).click();
}

describe('filter logic', () => {
  const item = (correct: boolean, answer: string[], flagged: boolean, domain: string, credit = 0) => ({
    correct,
    credit: correct ? 1 : credit,
    answer,
    flagged,
    domain,
  });
  const items = [
    item(true, ['a'], false, 'd1'),
    item(false, ['b'], true, 'd1'),
    item(false, [], false, 'd2'),
    item(false, ['a', 'c'], false, 'd2', 0.5),
    item(false, [], true, 'd1'),
  ];

  test('outcomes: partial credit is its own result, no answer is unanswered', () => {
    expect(items.map(outcomeOf)).toEqual(['correct', 'incorrect', 'unanswered', 'partial', 'unanswered']);
  });

  test('filters combine, and counts are taken within the other filter', () => {
    expect(countByShow(items, null)).toEqual({ all: 5, incorrect: 2, unanswered: 2, flagged: 2 });
    expect(countByShow(items, 'd1')).toEqual({ all: 3, incorrect: 1, unanswered: 1, flagged: 2 });
    expect(Object.fromEntries(countByDomain(items, 'unanswered'))).toEqual({ null: 2, d1: 1, d2: 1 });
    for (const show of SHOW_OPTIONS)
      for (const domain of [null, 'd1', 'd2']) {
        const n = items.filter((r) => matches({ show, domain }, r)).length;
        expect(n).toBe(countByShow(items, domain)[show]);
        expect(n).toBe(countByDomain(items, show).get(domain) ?? 0);
      }
  });
});

describe('results page', () => {
  test(
    'a 10-question drill: grid, collapsed rows, filters, no verdict, and a retake of the missed ones',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      const attemptId = await startFromExamPage(page, 'practice', 10);
      const questions = await questionsOf(page, attemptId);
      expect(questions).toHaveLength(10);

      // 1–4 right, 5–7 wrong, 8–10 left blank; 6 (wrong) and 9 (blank) flagged.
      const expected: { id: string; domain: string; outcome: string; flagged: boolean }[] = [];
      for (const [i, { question: q }] of questions.entries()) {
        const n = i + 1;
        const answer = n <= 4 ? correctOptions(q.id) : n <= 7 ? wrongAnswer(q) : undefined;
        const flagged = n === 6 || n === 9;
        // As the runner saves: with the seconds spent on the question (here 30 + n; none for 10).
        await callApi(page, 'PUT', `/attempts/${attemptId}/answers/${q.id}`, attemptId, {
          ...(answer ? { answer } : {}),
          ...(flagged ? { flagged } : {}),
          ...(n < 10 ? { spentSeconds: 30 + n } : { flagged: false }),
        });
        const outcome = n <= 4 ? 'correct' : n <= 7 ? 'incorrect' : 'unanswered';
        expected.push({ id: q.id, domain: q.domain, outcome, flagged });
      }
      await callApi(page, 'POST', `/attempts/${attemptId}/submit`, attemptId);
      await page.goto(`/attempts/${attemptId}/results`);
      await page.locator('.result-cell').first().waitFor();

      // The grid: one cell per question, named and classed by its result.
      const cells = page.locator('.result-cells a');
      expect(await cells.count()).toBe(10);
      for (const [i, e] of expected.entries()) {
        const name = `Question ${i + 1}, ${e.outcome}${e.flagged ? ', flagged' : ''}`;
        expect(await cells.nth(i).getAttribute('aria-label')).toBe(name);
        expect(await cells.nth(i).getAttribute('class')).toContain(`is-${e.outcome}`);
        expect(await cells.nth(i).locator('.result-cell-flag').count()).toBe(e.flagged ? 1 : 0);
      }
      // Rows match the grid and start collapsed, so the page is short.
      const rows = await page.locator('.review-item').evaluateAll((els) =>
        els.map((e) => ({
          id: e.getAttribute('data-question-id'),
          outcome: e.getAttribute('data-outcome'),
          open: e.querySelector('details')?.open,
          flagged: e.querySelector('.flag-pill') !== null,
          time: e.querySelector('.review-time')?.textContent?.replace(/\u00a0/g, ' ') ?? null,
        })),
      );
      expect(rows).toEqual(
        expected.map((e, i) => ({
          id: e.id,
          outcome: e.outcome,
          open: false,
          flagged: e.flagged,
          time: i < 9 ? `Time spent: ${31 + i} s` : null,
        })),
      );
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(5000);

      // A drill has a score but no pass/fail verdict.
      expect(await page.getByTestId('score-correct').textContent()).toBe('4');
      expect(await page.getByTestId('score-percent').textContent()).toBe('40%');
      expect(await page.getByTestId('pass-state').count()).toBe(0);
      expect(await page.locator('.score-hero').textContent()).not.toMatch(/passed/i);
      await screenshot(page, 'results-review-desktop');
      expect(await a11yProblems(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      // A row opens and closes on its summary.
      const row5 = page.locator('.review-item').nth(4);
      await row5.locator('summary').click();
      expect(await row5.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await row5.locator('.explanation').waitFor();
      expect(await row5.locator('.option.is-wrong').count()).toBeGreaterThan(0);
      expect(await row5.locator('.answer-line').textContent()).toMatch(/Your answer: .+ · Correct: /);
      await row5.locator('summary').click();
      expect(await row5.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

      // The grid is one Tab stop; arrows move within it; a cell opens its row and focuses it.
      expect(await page.locator('.result-cells a[tabindex="0"]').count()).toBe(1);
      await cells.first().focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        `Question 2, correct`,
      );
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
        /^Question 10, /,
      );
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await page.locator('.result-cells a[tabindex="0"]').getAttribute('aria-label')).toMatch(
        /^Question 3, /,
      );
      await page.keyboard.press('Enter');
      const row3 = page.locator('#review-q3');
      await poll(() => row3.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await poll(() => page.evaluate(() => document.activeElement?.closest('.review-item')?.id)).toBe(
        'review-q3',
      );
      expect(await row3.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(DESKTOP.height);
      await screenshot(page, 'results-row-open-desktop', { fullPage: false });
      expect(await axeViolations(page)).toEqual([]);

      // Filters: each shows exactly its rows, with its count on the chip.
      const ids = (pred: (e: (typeof expected)[number]) => boolean) => expected.filter(pred).map((e) => e.id);
      const cases = [
        ['Incorrect', ids((e) => e.outcome === 'incorrect')],
        ['Unanswered', ids((e) => e.outcome === 'unanswered')],
        ['Flagged', ids((e) => e.flagged)],
        ['All', ids(() => true)],
      ] as const;
      for (const [label, want] of cases) {
        await chooseShow(page, label);
        await poll(() => visibleRows(page)).toEqual(want);
        expect(await page.locator('.chips label', { hasText: label }).textContent()).toBe(
          `${label} (${want.length})`,
        );
      }
      expect(await page.locator('.review-count').textContent()).toBe('Showing all 10 questions.');

      // Combined with a domain: incorrect answers of one domain (one that has some, if any does).
      const domain = expected.find((e) => e.outcome === 'incorrect')?.domain ?? '';
      await chooseShow(page, 'Incorrect');
      await page.getByRole('combobox', { name: 'Domain' }).selectOption(domain);
      const want = ids((e) => e.outcome === 'incorrect' && e.domain === domain);
      await poll(() => visibleRows(page)).toEqual(want);
      expect(await page.locator('.chips label', { hasText: 'Incorrect' }).textContent()).toBe(
        `Incorrect (${want.length})`,
      );
      expect(await page.locator('.chips label', { hasText: 'All' }).textContent()).toBe(
        `All (${ids((e) => e.domain === domain).length})`,
      );
      expect(await page.locator('.review-count').textContent()).toBe(
        `Showing ${want.length} of 10 questions.`,
      );
      // The domain's option counts follow the "show" filter.
      expect(await page.locator('select[name="review-domain"] option:checked').textContent()).toMatch(
        new RegExp(`\\(${want.length}\\)$`),
      );
      // A cell whose row the filters hide clears them and opens it.
      const hiddenIndex = expected.findIndex((e) => e.outcome === 'correct');
      await cells.nth(hiddenIndex).click();
      await poll(() => visibleRows(page)).toEqual(ids(() => true));
      await poll(() =>
        page.locator(`#review-q${hiddenIndex + 1} details`).evaluate((d) => (d as HTMLDetailsElement).open),
      ).toBe(true);

      // Phone width: nothing scrolls sideways.
      await chooseShow(page, 'Incorrect');
      await page.setViewportSize(PHONE);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'results-review-phone');
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize(DESKTOP);

      // Retake: a new practice attempt of exactly the incorrect and unanswered questions.
      const missed = ids((e) => e.outcome !== 'correct');
      const retake = page.getByRole('button', { name: `Retake missed questions (${missed.length})` });
      await retake.click();
      await page.waitForURL(
        (url) => /^\/attempts\/[^/]+$/.test(url.pathname) && !url.pathname.includes(attemptId),
      );
      const retakeId = new URL(page.url()).pathname.split('/')[2] ?? '';
      await page.locator('.q-card[data-question-id]').waitFor();
      expect(missed).toContain(await page.locator('.q-card').getAttribute('data-question-id'));
      const retaken = await questionsOf(page, retakeId);
      expect(retaken.map((q) => q.question.id).sort()).toEqual([...missed].sort());
      const state = await callApi<{ mode: string; status: string }>(
        page,
        'GET',
        `/attempts/${retakeId}`,
        retakeId,
      );
      expect(state).toMatchObject({ mode: 'practice', status: 'in_progress' });
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  test(
    'a timed exam keeps its verdict; a retake error is shown inline',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      const attemptId = await startFromExamPage(page, 'exam');
      await callApi(page, 'POST', `/attempts/${attemptId}/submit`, attemptId);
      await page.goto(`/attempts/${attemptId}/results`);
      await page.locator('.result-cell').first().waitFor();
      expect(await page.getByTestId('pass-state').textContent()).toBe('Not passed');
      expect(await page.locator('.result-cells a').count()).toBe(60);
      expect(await page.locator('.result-cells a.is-unanswered').count()).toBe(60);
      // 60 collapsed rows stay far shorter than the 51,000 px of the expanded list.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(8000);
      await screenshot(page, 'results-exam-desktop', { fullPage: false });

      // The API refuses (here: the network is down): the button says why, in place.
      await page.route('**/api/v1/attempts/*/retake', (route) => route.abort('internetdisconnected'));
      await page.getByRole('button', { name: 'Retake missed questions (60)' }).click();
      await page.locator('.retake .inline-error').waitFor();
      expect(await page.locator('.retake .inline-error').textContent()).toContain('You seem to be offline');
      expect(new URL(page.url()).pathname).toBe(`/attempts/${attemptId}/results`);
      expect(problems.filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});
