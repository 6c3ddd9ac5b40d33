/** One id, one entity: exams, guides and questions are looked up by id everywhere downstream. */

import type { FileResult } from '../compile-file.js';
import { diagnostic } from '../diagnostics.js';
import type { Emit, LinkModel } from './model.js';

/** Builds the id maps; the first occurrence (by file path, then line) wins, later ones are errors. */
export function collectEntities(files: readonly FileResult[], emit: Emit): LinkModel {
  const model: LinkModel = {
    exams: new Map(),
    guides: new Map(),
    questions: new Map(),
    brokenExams: new Set(),
    brokenGuides: new Set(),
  };
  for (const file of files) {
    if (file.kind === 'exam' && !file.exam && file.declaredId) model.brokenExams.add(file.declaredId);
    if (file.kind === 'guide' && !file.guide && file.declaredId) model.brokenGuides.add(file.declaredId);
    if (file.exam) {
      const id = file.exam.exam.id;
      const first = model.exams.get(id);
      if (first) {
        emit(
          diagnostic(
            file.path,
            'duplicate-slug',
            `exam id '${id}' is already used by ${first.file}`,
            file.exam.idSpan,
          ),
        );
      } else model.exams.set(id, { file: file.path, draft: file.exam });
    }
    if (file.guide) {
      const slug = file.guide.guide.slug;
      const first = model.guides.get(slug);
      if (first) {
        emit(
          diagnostic(
            file.path,
            'duplicate-slug',
            `guide slug '${slug}' is already used by ${first.file}`,
            file.guide.slugSpan,
          ),
        );
      } else model.guides.set(slug, { file: file.path, draft: file.guide });
    }
  }
  for (const file of files) {
    for (const question of file.questions) {
      const id = question.public.id;
      const first = model.questions.get(id);
      if (first) {
        emit(
          diagnostic(
            file.path,
            'question-duplicate-id',
            `question id '${id}' is already used at ${first.file}:${first.draft.span.start.line}`,
            question.span,
          ),
        );
      } else model.questions.set(id, { file: file.path, draft: question });
    }
  }
  return model;
}
