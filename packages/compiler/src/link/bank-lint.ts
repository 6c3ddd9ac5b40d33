/** Bank-level linter rules, over all questions of each exam, silenced by any of its files. */
import type { FileResult } from '../compile-file.js';
import type { RuleId } from '../diagnostics.js';
import { lintBank } from '../lint/index.js';
import type { BankQuestion } from '../lint/rule.js';
import type { LinkModel, Report } from './model.js';

export function checkBanks(model: LinkModel, files: readonly FileResult[], report: Report): void {
  const silencedByExam = new Map<string, Set<RuleId>>();
  const silence = (exam: string | undefined, rules: readonly RuleId[]) => {
    if (!exam) return;
    const set = silencedByExam.get(exam) ?? new Set<RuleId>();
    for (const rule of rules) set.add(rule);
    silencedByExam.set(exam, set);
  };
  for (const file of files) {
    if (file.bank) silence(file.bank.exam, file.bank.silenced);
    if (file.exam) silence(file.exam.exam.id, file.exam.silenced);
    if (file.guide) silence(file.guide.guide.exams[0], file.guide.silenced);
  }

  const byExam = new Map<string, BankQuestion[]>();
  // Questions of a guide that lost its slug to another (duplicate-slug) are not part of any bank.
  const keptGuides = new Set([...model.guides.values()].map((g) => g.file));
  for (const { file, draft } of model.questions.values()) {
    if (file.startsWith('guides/') && !keptGuides.has(file)) continue;
    const list = byExam.get(draft.public.exam) ?? [];
    list.push({
      id: draft.public.id,
      optionLengths: draft.lint.optionLengths,
      correct: draft.lint.correct,
      file,
      span: draft.span,
      text: draft.lint.text ?? '',
      cues: draft.lint.cues ?? [],
      silenced: draft.lint.silenced,
    });
    byExam.set(draft.public.exam, list);
  }
  // Bank warnings point at the exam file, where the bank is defined.
  for (const [id, { file, draft }] of model.exams) {
    lintBank(id, byExam.get(id) ?? [], silencedByExam.get(id) ?? new Set(), (rule, message, at) =>
      report(at?.file ?? file, rule, message, at?.span ?? draft.frontmatterSpan),
    );
  }
}
