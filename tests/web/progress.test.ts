/**
 * A learner's progress in the browser, against the real product (`npm run dev`): the exam page's
 * "Your progress" (history, score chart and its table, readiness, review cards) and the home
 * page's recent results and due reviews. Attempts are started, answered and submitted through
 * the API from inside the page (same origin), so the session cookie is the page's own; the review
 * is driven through the UI. Screenshots go to tests/artifacts/screenshots/.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { correctOptions } from '../support/answer-keys';
import { axeViolations } from './axe';
import { a11yProblems, horizontalOverflow, newPage, PHONE, SCREENSHOT_DIR, screenshot } from './browser';
import { openExam } from './runner';
import { browserSession } from './session';

const EXAM = 'databricks-ml-professional';
const SLOW = 180_000;
const DAY = 86_400_000;
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const session = browserSession();

interface Started {
  id: string;
  token: string;
  questions: { id: string; options: string[]; selectCount: number }[];
}

/** Starts an attempt from inside the page, so the learner is the page's session cookie. */
async function start(page: Page, body: object): Promise<Started> {
  return page.evaluate(
    async ([exam, body]) => {
      const r = await fetch(`/api/v1/exams/${exam}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (r.status !== 201) throw new Error(`start: ${r.status} ${await r.text()}`);
      const a = (await r.json()) as {
        id: string;
        token: string;
        questions: {
          position: number;
          question: { id: string; selectCount: number; options: { id: string }[] };
        }[];
      };
      return {
        id: a.id,
        token: a.token,
        questions: [...a.questions]
          .sort((x, y) => x.position - y.position)
          .map((q) => ({
            id: q.question.id,
            selectCount: q.question.selectCount,
            options: q.question.options.map((o) => o.id),
          })),
      };
    },
    [EXAM, body] as const,
  );
}

/** A wrong answer with none of the key's options, as long as the question has enough of them. */
function wrongAnswer(q: Started['questions'][number]): string[] {
  const key = correctOptions(q.id);
  const wrong = q.options.filter((o) => !key.includes(o));
  return [...wrong, ...key].slice(0, Math.max(1, q.selectCount));
}

/** Saves answers (true = the key, false = a wrong one) to the first questions, then submits. */
async function answerAndSubmit(page: Page, a: Started, right: boolean[]): Promise<void> {
  const answers = right.map((ok, i) => {
    const q = a.questions[i];
    if (!q) throw new Error('too few questions');
    return { id: q.id, answer: ok ? correctOptions(q.id) : wrongAnswer(q) };
  });
  await page.evaluate(
    async ([id, token, answers]) => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      for (const a of answers) {
        const r = await fetch(`/api/v1/attempts/${id}/answers/${a.id}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ answer: a.answer }),
        });
        if (!r.ok) throw new Error(`save: ${r.status} ${await r.text()}`);
      }
      const r = await fetch(`/api/v1/attempts/${id}/submit`, { method: 'POST', headers });
      if (!r.ok) throw new Error(`submit: ${r.status} ${await r.text()}`);
    },
    [a.id, a.token, answers] as const,
  );
}

interface Progress {
  history: { id: string; mode: string; score: { percent: number; passed: boolean | null } | null }[];
  due: number;
  nextDueAt: string | null;
  readiness: { probability: number; low: number; high: number; answered: number; enoughData: boolean };
}

/** The API's view of the page's learner, to hold the page against. */
async function progressOf(page: Page): Promise<Progress> {
  return page.evaluate(
    async (exam) => (await (await fetch(`/api/v1/me/exams/${exam}`)).json()) as Progress,
    EXAM,
  );
}

/** Opens the exam page and waits for its progress request (the placeholder is there before it). */
async function openExamPage(page: Page): Promise<void> {
  const loaded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/me/exams/${EXAM}`));
  await openExam(page, EXAM);
  await loaded;
}

/**
 * Moves every review card of `questionIds` a day (and a minute) into the past, in the learner's
 * Durable Object SQLite file: the server's clock cannot be moved, its stored due times can.
 */
function ageCards(stateDir: string, questionIds: string[]): number {
  const root = join(stateDir, 'v3', 'do');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => join(root, f));
  let moved = 0;
  for (const file of files) {
    const db = new DatabaseSync(file);
    try {
      const hasCards = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cards'")
        .get();
      if (!hasCards) continue;
      const row = db.prepare('SELECT data FROM cards WHERE exam_id = ?').get(EXAM) as
        | { data: string }
        | undefined;
      if (!row) continue;
      const cards = JSON.parse(row.data) as Record<string, number[]>;
      // The learner whose cards are exactly these questions (other tests' learners differ).
      if (Object.keys(cards).sort().join() !== [...questionIds].sort().join()) continue;
      for (const card of Object.values(cards)) card[0] = (card[0] ?? 0) - DAY - 60_000;
      db.prepare('UPDATE cards SET data = ? WHERE exam_id = ?').run(JSON.stringify(cards), EXAM);
      moved++;
    } finally {
      db.close();
    }
  }
  return moved;
}

/** The text shown for readiness, from the API's figures (the page's own wording). */
function expectedReadiness(r: Progress['readiness']): RegExp {
  const pct = (p: number) => Math.round(p * 100);
  if (r.enoughData)
    return new RegExp(
      `Estimated chance of passing now: ${pct(r.probability)}% \\(80% interval ${pct(Math.min(r.low, r.high))}%–${pct(Math.max(r.low, r.high))}%\\)`,
    );
  return new RegExp(r.answered < 10 ? `Answer at least ${10 - r.answered} more question` : 'every domain');
}

/** The outermost elements reaching past the viewport's right edge, to say what scrolls sideways. */
async function widest(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
      .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > innerWidth + 1))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} in ${el.parentElement?.tagName}.${el.parentElement?.className} ${getComputedStyle(el.parentElement as Element).overflowX}`,
      )
      .join(', '),
  );
}

async function checkLayoutAndA11y(page: Page, name: string): Promise<void> {
  expect(await a11yProblems(page), `${name}: labels and landmarks`).toEqual([]);
  expect(await axeViolations(page), `${name}: axe-core`).toEqual([]);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  // The progress block alone, at a size that can be read.
  await page
    .locator('.progress, .home-progress')
    .first()
    .screenshot({ path: join(SCREENSHOT_DIR, `${name}-phone-detail.png`) });
  expect(
    await horizontalOverflow(page),
    `${name} scrolls sideways: ${await widest(page)}`,
  ).toBeLessThanOrEqual(0);
  expect(await axeViolations(page), `${name} (phone): axe-core`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('progress on the exam page and the home page', () => {
  test(
    'a new visitor sees the placeholder, and no progress on the home page',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openExamPage(page);
      expect(await page.locator('.progress-placeholder').textContent()).toBe(
        'Your results will appear here after your first attempt.',
      );
      await page.goto('/');
      await page.locator('.exam-card').first().waitFor();
      // Give the summary request time to answer: it must render nothing for a new visitor.
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.home-progress').count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  test(
    'two attempts: the history, the chart and its table show both scores; readiness; home page',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openExam(page, EXAM);
      const practice = await start(page, { mode: 'practice', count: 5 });
      await answerAndSubmit(page, practice, [true, true, true, false, false]);
      const exam = await start(page, { mode: 'exam' });
      await answerAndSubmit(page, exam, [true, true, true, true, true, true]);

      const api = await progressOf(page);
      expect(api.history.map((h) => h.id)).toEqual([exam.id, practice.id]);
      expect(api.history[1]?.score?.percent).toBe(60);
      expect(api.history[0]?.score?.passed).toBe(false);

      await openExamPage(page);
      const items = page.locator('.progress .history-item');
      await poll(() => items.count()).toBe(2);
      // History, newest first: the timed exam (NOT PASSED), then the practice (no pass/fail).
      for (const [i, h] of api.history.entries()) {
        const item = items.nth(i);
        expect(await item.getAttribute('data-attempt-id')).toBe(h.id);
        expect(await item.locator('[data-score]').textContent()).toBe(`${h.score?.percent}%`);
        expect(await item.locator('a').getAttribute('href')).toBe(`/attempts/${h.id}/results`);
      }
      expect(await items.nth(0).textContent()).toContain('Timed exam');
      expect(await items.nth(0).locator('.pass-pill').textContent()).toBe('NOT PASSED');
      expect(await items.nth(1).locator('.pass-pill').count()).toBe(0);

      // The overall chart: two points (a practice diamond, then an exam circle) and the pass line.
      const chart = page.locator('.progress .score-chart').first();
      expect(await chart.getAttribute('role')).toBe('img');
      expect(await chart.getAttribute('aria-label')).toContain('2 attempts');
      expect(await chart.locator('.chart-point').count()).toBe(2);
      expect(await chart.locator('.chart-point-practice path').count()).toBe(1);
      expect(await chart.locator('.chart-point-exam circle').count()).toBe(1);
      expect(await chart.locator('.chart-pass text').textContent()).toBe('Pass 70%');
      // The table holds the same numbers, in time order.
      const rows = page.locator('.score-table tbody tr');
      expect(await rows.count()).toBe(2);
      const tableScores = await rows.locator('[data-score]').allTextContents();
      expect(tableScores).toEqual([...api.history].reverse().map((h) => `${h.score?.percent}%`));
      expect(await page.locator('.score-table caption').textContent()).toContain('Score per attempt');
      // One small chart per domain.
      expect(await page.locator('.trend-grid > li').count()).toBe(3);

      // Readiness: the API's figure, or what is missing, in the page's words; with the docs link.
      const readiness = page.getByTestId('readiness');
      expect(await readiness.textContent()).toMatch(expectedReadiness(api.readiness));
      expect(await page.locator('.readiness a').getAttribute('href')).toMatch(/docs\/readiness\.md$/);

      await page.locator('.score-table summary').click();
      await page.locator('#progress-title').scrollIntoViewIfNeeded();
      await checkLayoutAndA11y(page, 'progress-exam');

      // The home page: both results, newest first, with pass/fail for the exam only.
      await page.goto('/');
      const recent = page.locator('.home-progress .recent-item');
      await poll(() => recent.count()).toBe(2);
      expect(await recent.nth(0).getAttribute('data-attempt-id')).toBe(exam.id);
      expect(await recent.nth(0).locator('[data-score]').textContent()).toBe(
        `${api.history[0]?.score?.percent}%`,
      );
      expect(await recent.nth(0).locator('.pass-pill').textContent()).toBe('NOT PASSED');
      expect(await recent.nth(1).locator('[data-score]').textContent()).toBe('60%');
      expect(await recent.nth(0).locator('a').getAttribute('href')).toBe(`/attempts/${exam.id}/results`);
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  test(
    'wrong answers become review cards: next review tomorrow, then due, reviewed from the page',
    async () => {
      const { page, problems, context } = await newPage(session.browser, session.server.url);
      await openExam(page, EXAM);
      const drill = await start(page, { mode: 'practice', count: 3 });
      await answerAndSubmit(page, drill, [true, false, false]);

      await openExamPage(page);
      const tomorrow = await page.evaluate(
        (day) => new Date(Date.now() + day).toLocaleDateString('en', { dateStyle: 'medium' }),
        DAY,
      );
      const due = page.getByTestId('review-due');
      await poll(() => due.textContent()).toBe(`Next review: ${tomorrow}`);
      // Three answers: too few for a readiness figure, and the page says how many more.
      expect(await page.getByTestId('readiness').textContent()).toContain('Answer at least 7 more questions');

      // A day later (the cards' due times moved back): the two missed questions are due.
      expect(
        ageCards(
          session.server.stateDir,
          drill.questions.map((q) => q.id),
        ),
      ).toBe(1);
      expect((await progressOf(page)).due).toBe(2);
      await page.reload();
      await poll(() => page.getByTestId('due-count').textContent()).toBe('2');
      expect(await due.textContent()).toContain('2 questions due for review');

      // The home page offers the same review.
      await page.goto('/');
      const dueItem = page.locator(`.due-item[data-exam-id="${EXAM}"]`);
      await dueItem.waitFor();
      expect(await dueItem.getByRole('button').textContent()).toContain('Review 2 due');
      expect(await page.locator('.home-progress .recent-item').count()).toBe(1);
      await checkLayoutAndA11y(page, 'progress-home');

      // Review from the exam page: a practice attempt of exactly the due questions.
      await openExamPage(page);
      await page.getByRole('button', { name: 'Review now' }).click();
      await page.waitForURL(/\/attempts\/[A-Za-z0-9_-]{22}\.[0-9a-z]+$/);
      await page.locator('.q-card').waitFor();
      expect(await page.locator('#q-heading').textContent()).toContain('of 2');
      const id = (await page.locator('.q-card').getAttribute('data-question-id')) ?? '';
      for (const option of correctOptions(id)) await page.locator(`.q-card input[value="${option}"]`).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.q-card .verdict').waitFor();

      // Back on the exam page, one fewer is due.
      await openExamPage(page);
      await poll(() => page.getByTestId('due-count').textContent()).toBe('1');
      expect(await page.getByTestId('review-due').textContent()).toContain('1 question due for review');
      expect(problems).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});
