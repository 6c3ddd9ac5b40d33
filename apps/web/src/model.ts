/**
 * What the pages work with. Bundle entities come from the compiler's schema (the single source
 * of truth); attempt and report views are narrowed from the API's typed responses in api.ts.
 */
import type {
  PublicQuestion as BundleQuestion,
  Domain,
  Exam,
  Guide,
  GuideSummary,
  OptionId,
} from '@examdown/compiler/schema';

export type { Domain, Exam, Guide, GuideSummary, OptionId };

/** A question as the API serves it: the bundle's public form without its authoring metadata. */
export type PublicQuestion = Omit<BundleQuestion, 'source'>;

/** What a question needs to be displayed (the public form, or a report's copy of it). */
export type QuestionLike = Pick<PublicQuestion, 'id' | 'type' | 'selectCount' | 'stemHtml' | 'options'>;

export type ExamSummary = Pick<
  Exam,
  'id' | 'title' | 'vendor' | 'level' | 'summary' | 'questionCount' | 'durationMinutes' | 'passingScore'
>;

export type { AttemptMode } from '@examdown/compiler/shared';

import type { AttemptMode } from '@examdown/compiler/shared';

export interface AttemptView {
  id: string;
  examId: string;
  examTitle: string;
  mode: AttemptMode;
  status: 'in_progress' | 'submitted' | 'expired';
  /** In this attempt's order, options in this attempt's order. */
  questions: PublicQuestion[];
  answers: Record<string, OptionId[]>;
  flags: Record<string, boolean>;
  /** Practice: questions whose answer was checked (final; checking it again shows the feedback). */
  checked: Record<string, boolean>;
  /** The server's deadline on this device's clock (ms since epoch); null when untimed. */
  deadlineAt: number | null;
}

export interface CheckResult {
  correct: boolean;
  correctOptions: OptionId[];
  explanationHtml?: string;
  /** Option id → rationale HTML, for the options the API reveals (chosen and correct). */
  rationales: Record<string, string>;
}

export interface DomainScore {
  id: string;
  name: string;
  correct: number;
  points: number;
  total: number;
  percent: number;
}

export interface QuestionResult {
  question: QuestionLike;
  domain: string;
  answer: OptionId[];
  correctOptions: OptionId[];
  correct: boolean;
  /** 0..1; 1 or 0 under all-or-nothing scoring. */
  credit: number;
  flagged: boolean;
  /** Seconds spent on it, as the runner recorded with autosaves (0: none recorded). */
  secondsSpent: number;
  explanationHtml?: string;
  rationales: Record<string, string>;
}

export interface StudyLink {
  domain: string;
  name: string;
  percent: number;
  belowPassing: boolean;
  topics: string[];
  href: string | null;
  guideTitle: string | null;
}

export interface ReportView {
  attemptId: string;
  examId: string;
  examTitle: string;
  mode: AttemptMode;
  percent: number;
  correct: number;
  points: number;
  total: number;
  passed: boolean;
  passingScore: number;
  overtime: boolean;
  scoringRule: string;
  submittedAt: string;
  domains: DomainScore[];
  questions: QuestionResult[];
  studyNext: StudyLink[];
}
