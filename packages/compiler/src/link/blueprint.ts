/** The blueprint must be coherent (weights add up) and fillable (enough questions per domain). */
import { splitSeats } from '../shared/blueprint.js';
import type { LinkModel, Report } from './model.js';

export function checkBlueprints(model: LinkModel, report: Report): void {
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
      report(
        file,
        'exam-weights-sum',
        `domain weights add up to ${Number(sum.toFixed(4))}, not 100`,
        draft.keys.domains ?? draft.frontmatterSpan,
      );
      continue;
    }
    const have = counts.get(id) ?? new Map<string, number>();
    const needed = splitSeats(questionCount, domains);
    domains.forEach((domain, index) => {
      const need = needed[index] ?? 0;
      const count = have.get(domain.id) ?? 0;
      if (count < need) {
        report(
          file,
          'exam-bank-too-small',
          `${id} needs ${need} questions in ${domain.id} for one full ${questionCount}-question form (${domain.weight}%), the bank has ${count}`,
          draft.keys[`domains.${index}.id`] ?? draft.keys[`domains.${index}`] ?? draft.frontmatterSpan,
        );
      }
    });
  }
}
