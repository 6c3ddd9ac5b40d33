/** What the link phase works on: every file's drafts, first occurrence of each id kept. */
import type { RuleId, Span } from '../diagnostics.js';
import type { ExamDraft } from '../extract/exam.js';
import type { GuideDraft } from '../extract/guide.js';
import type { QuestionDraft } from '../extract/question.js';

export interface Located<T> {
  file: string;
  draft: T;
  /** A question whose derived id was taken: the per-file draft, under its first id (duplicates.ts). */
  original?: T | undefined;
}

export interface LinkModel {
  exams: Map<string, Located<ExamDraft>>;
  guides: Map<string, Located<GuideDraft>>;
  questions: Map<string, Located<QuestionDraft>>;
  /** Ids of exam / guide files whose frontmatter is broken: they exist, so they are not "unknown". */
  brokenExams: Set<string>;
  brokenGuides: Set<string>;
}

/** The link phase's reporter: problems span files, so each names the file it is reported on. */
export type Report = (file: string, rule: RuleId, message: string, at: Span) => void;
