/** Opening prerendered pages once their islands are live, and reading the attempt runner. */
import type { Page } from 'playwright-core';

/** The current question card's id, type, "choose N" and option ids in display order. */
export async function currentQuestion(page: Page) {
  const card = page.locator('.q-card');
  await card.waitFor();
  return {
    id: (await card.getAttribute('data-question-id')) ?? '',
    type: (await card.getAttribute('data-type')) ?? 'single',
    selectCount: Number(await card.getAttribute('data-select-count')),
    options: await card.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
  };
}

/** Opens an exam page and waits until its start forms are hydrated (before, clicks do nothing). */
export async function openExam(page: Page, examId: string): Promise<void> {
  await page.goto(`/exams/${examId}`);
  await page.locator('.exam-side[data-hydrated]').first().waitFor();
}

/** The runner's URL: an attempt id (learner id, dot, local number), maybe the open question. */
export const RUNNER_URL = /\/attempts\/[A-Za-z0-9_-]{22}\.[0-9a-z]+(\?q=\d+)?$/;

/**
 * Starts a practice session of `count` questions from an open exam page; resolves with the
 * attempt's id once the runner shows its first question.
 */
export async function startPractice(page: Page, count: number): Promise<string> {
  await page.getByLabel('Number of questions').selectOption(String(count));
  await page.getByRole('button', { name: 'Start practice' }).click();
  await page.waitForURL(RUNNER_URL);
  await page.locator('.q-card').waitFor();
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/** Opens a guide and waits until its try-it questions are hydrated (their buttons work). */
export async function openGuide(page: Page, slug: string): Promise<void> {
  await page.goto(`/guides/${slug}`);
  await page.locator('.examdown-question[data-question-id][data-hydrated]').first().waitFor();
}
