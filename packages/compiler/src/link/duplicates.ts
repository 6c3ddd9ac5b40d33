/** One id, one entity: exams, guides and questions are looked up by id everywhere downstream. */
import type { FileResult } from '../compile-file.js';
import type { RuleId, Span } from '../diagnostics.js';
import { withOrdinal } from '../extract/derived-id.js';
import type { QuestionDraft } from '../extract/question.js';
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
  claimQuestions(files, model.questions, report);
  return model;
}

/**
 * Question ids. An id the author wrote is claimed first (file order); a second use is an error.
 * A derived id (plain style) never is: the first question to derive it keeps it, and each later
 * one takes its first free fallback (derived-id.ts), else the last fallback with an ordinal. The
 * map keeps file order, whoever won.
 */
function claimQuestions(
  files: readonly FileResult[],
  questions: Map<string, Located<QuestionDraft>>,
  report: Report,
): void {
  const all = files.flatMap((file) => file.questions.map((draft) => ({ file: file.path, draft })));
  const placed: Array<Located<QuestionDraft> | undefined> = all.map(() => undefined);
  const taken = new Map<string, Located<QuestionDraft>>();
  const claim = (i: number, id: string) => {
    const entry = all[i] as Located<QuestionDraft>;
    const located: Located<QuestionDraft> =
      id === entry.draft.public.id
        ? entry
        : { file: entry.file, draft: renamed(entry.draft, id), original: entry.draft };
    taken.set(id, located);
    placed[i] = located;
  };
  all.forEach(({ file, draft }, i) => {
    if (draft.idFallbacks) return;
    const id = draft.public.id;
    const first = taken.get(id);
    if (first) {
      report(
        file,
        'question-duplicate-id',
        `question id '${id}' is already used at ${first.file}:${first.draft.span.start.line}`,
        draft.span,
      );
    } else claim(i, id);
  });
  const later: number[] = [];
  all.forEach(({ draft }, i) => {
    if (!draft.idFallbacks) return;
    if (taken.has(draft.public.id)) later.push(i);
    else claim(i, draft.public.id);
  });
  for (const i of later) {
    const { draft } = all[i] as Located<QuestionDraft>;
    const fallbacks = draft.idFallbacks ?? [];
    let id = fallbacks.find((candidate) => !taken.has(candidate));
    const last = fallbacks.at(-1) ?? draft.public.id;
    for (let n = 2; id === undefined; n++) {
      const candidate = withOrdinal(last, n);
      if (!taken.has(candidate)) id = candidate;
    }
    claim(i, id);
  }
  for (const located of placed) if (located) questions.set(located.draft.public.id, located);
}

/** The draft under another id: a copy, the per-file result (cached, reused by watch builds) stays as it is. */
function renamed(draft: QuestionDraft, id: string): QuestionDraft {
  return { ...draft, public: { ...draft.public, id }, key: { ...draft.key, id } };
}
