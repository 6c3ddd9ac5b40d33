/** The blueprint must be coherent (weights add up) and fillable (enough questions per domain). */
import { diagnostic } from '../diagnostics.js';
import type { Emit, LinkModel } from './model.js';

/**
 * Hamilton's largest-remainder method: split `total` seats by percentage weights so that the
 * parts are whole numbers and add up to `total` (60 at 33/33/34 → 20/20/20).
 * Ties in the remainder go to the earlier domain, so the result is deterministic.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left--;
  }
  return parts;
}

export function checkBlueprints(model: LinkModel, emit: Emit): void {
  // Questions per exam and domain, counted in one pass (not one pass per exam).
  const counts = new Map<string, Map<string, number>>();
  for (const { draft: question } of model.questions.values()) {
    const { exam, domain } = question.public;
    let byDomain = counts.get(exam);
    if (!byDomain) {
      byDomain = new Map();
      counts.set(exam, byDomain);
    }
    byDomain.set(domain, (byDomain.get(domain) ?? 0) + 1);
  }
  for (const [id, { file, draft }] of model.exams) {
    const { domains, questionCount } = draft.exam;
    const sum = domains.reduce((total, domain) => total + domain.weight, 0);
    if (Math.abs(sum - 100) > 1e-9) {
      emit(
        diagnostic(
          file,
          'exam-weights-sum',
          `domain weights add up to ${Number(sum.toFixed(4))}, not 100`,
          draft.keys.domains ?? draft.frontmatterSpan,
        ),
      );
      continue;
    }
    const have = counts.get(id) ?? new Map<string, number>();
    const needed = largestRemainder(
      questionCount,
      domains.map((d) => d.weight),
    );
    domains.forEach((domain, index) => {
      const need = needed[index] ?? 0;
      const count = have.get(domain.id) ?? 0;
      if (count < need) {
        emit(
          diagnostic(
            file,
            'exam-bank-too-small',
            `${id} needs ${need} questions in ${domain.id} for one full ${questionCount}-question form (${domain.weight}%), the bank has ${count}`,
            draft.keys[`domains.${index}.id`] ?? draft.keys[`domains.${index}`] ?? draft.frontmatterSpan,
          ),
        );
      }
    });
  }
}
