/** One id, one entity: exams, guides and questions are looked up by id everywhere downstream. */
import type { FileResult } from '../compile-file.js';
import type { RuleId, Span } from '../diagnostics.js';
import type { LinkModel, Located, Report } from './model.js';

/** Builds the id maps; the first occurrence (by file path, then line) wins, later ones are errors. */
export function collectEntities(files: readonly FileResult[], report: Report): LinkModel {
  const model: LinkModel = {
    exams: new Map(),
    guides: new Map(),
    questions: new Map(),
    brokenExams: new Set(),
    brokenGuides: new Set(),
  };
  /** Registers `draft` under `id` unless an earlier file has it: then `duplicate` says where. */
  const claim = <T>(
    map: Map<string, Located<T>>,
    id: string,
    file: string,
    draft: T,
    at: Span,
    rule: RuleId,
    duplicate: (first: Located<T>) => string,
  ) => {
    const first = map.get(id);
    if (first) report(file, rule, duplicate(first), at);
    else map.set(id, { file, draft });
  };
  for (const file of files) {
    if (file.kind === 'exam' && !file.exam && file.declaredId) model.brokenExams.add(file.declaredId);
    if (file.kind === 'guide' && !file.guide && file.declaredId) model.brokenGuides.add(file.declaredId);
    const { exam, guide } = file;
    if (exam) {
      const id = exam.exam.id;
      claim(model.exams, id, file.path, exam, exam.idSpan, 'duplicate-slug', (first) => {
        return `exam id '${id}' is already used by ${first.file}`;
      });
    }
    if (guide) {
      const slug = guide.guide.slug;
      claim(model.guides, slug, file.path, guide, guide.slugSpan, 'duplicate-slug', (first) => {
        return `guide slug '${slug}' is already used by ${first.file}`;
      });
    }
  }
  for (const file of files) {
    for (const question of file.questions) {
      const id = question.public.id;
      claim(model.questions, id, file.path, question, question.span, 'question-duplicate-id', (first) => {
        return `question id '${id}' is already used at ${first.file}:${first.draft.span.start.line}`;
      });
    }
  }
  return model;
}
