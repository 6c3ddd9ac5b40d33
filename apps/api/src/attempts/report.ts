/**
 * The score report of a submitted attempt: total, pass/fail, per domain, per question (with the
 * key, explanation and rationales, now that the learner has answered), and what to study next.
 */
import type { PublicQuestion, QuestionKey } from '@examdown/compiler/schema';
import type { ExamIndex } from '../bundle.js';
import type { ScoreReport } from '../schemas/report.js';
import { gradeAnswer, revealedRationales } from './grading.js';
import { orderOptions } from './option-order.js';
import { type AttemptQuestionRow, type AttemptRow, parseAnswer } from './store.js';
import { iso } from './view.js';

export const SCORING_RULES = {
  'all-or-nothing':
    'Each question is worth 1 point. Multiple select is all-or-nothing: the chosen set must equal the correct set.',
  partial:
    'Each question is worth 1 point. Multiple select earns partial credit: max(0, (correct picks − wrong picks) / number of correct options).',
} as const;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** What grading reads from the bundle: the attempt's questions and keys, and guide titles. */
export interface ReportContent {
  contentHash: string;
  questions: ReadonlyMap<string, PublicQuestion>;
  keys: ReadonlyMap<string, QuestionKey>;
  /** Slug → guide (only the title is used, for study links). */
  guides: ReadonlyMap<string, { title: string }>;
}

export interface BuiltReport {
  report: ScoreReport;
  credits: { questionId: string; credit: number }[];
}

export function buildReport(
  bundle: ReportContent,
  examIndex: ExamIndex,
  attempt: AttemptRow,
  rows: readonly AttemptQuestionRow[],
  submittedAt: number,
): BuiltReport {
  const { exam } = examIndex;
  const scoring = exam.scoring.multipleSelect;
  const questions: ScoreReport['questions'] = [];
  const credits: BuiltReport['credits'] = [];
  const perDomain = new Map<string, { total: number; correct: number; points: number }>();

  for (const row of rows) {
    const question = bundle.questions.get(row.question_id);
    const key = bundle.keys.get(row.question_id);
    // A question removed from the content since the attempt started cannot be graded: skip it.
    if (!question || !key) continue;
    const answer = parseAnswer(row.answer);
    const grade = gradeAnswer(question.type, key.correct, answer, scoring);
    credits.push({ questionId: question.id, credit: grade.credit });
    const domain = perDomain.get(question.domain) ?? { total: 0, correct: 0, points: 0 };
    domain.total += 1;
    domain.points += grade.credit;
    if (grade.correct) domain.correct += 1;
    perDomain.set(question.domain, domain);

    questions.push({
      position: row.position,
      questionId: question.id,
      domain: question.domain,
      type: question.type,
      selectCount: question.selectCount,
      ...(question.difficulty ? { difficulty: question.difficulty } : {}),
      stemHtml: question.stemHtml,
      options: orderOptions(question.options, row.option_order),
      answer,
      correctOptions: key.correct,
      correct: grade.correct,
      credit: grade.credit,
      flagged: row.flagged === 1,
      explanationHtml: key.explanationHtml ?? null,
      rationales: revealedRationales(key, answer),
    });
  }

  const total = questions.length;
  const points = questions.reduce((n, q) => n + q.credit, 0);
  const correct = questions.filter((q) => q.correct).length;
  const answered = questions.filter((q) => q.answer !== null && q.answer.length > 0).length;
  const exactPercent = total === 0 ? 0 : (100 * points) / total;
  // Compare unrounded (with a float tolerance): 41.9999… of 60 must not pass a 70% bar.
  const passed = total > 0 && exactPercent + 1e-9 >= exam.passingScore;

  const domains: ScoreReport['domains'] = exam.domains
    .filter((d) => perDomain.has(d.id))
    .map((d) => {
      const s = perDomain.get(d.id) ?? { total: 0, correct: 0, points: 0 };
      return {
        domainId: d.id,
        name: d.name,
        weight: d.weight,
        total: s.total,
        correct: s.correct,
        points: Math.round(s.points * 1000) / 1000,
        percent: s.total === 0 ? 0 : round1((100 * s.points) / s.total),
      };
    });

  return {
    report: {
      attemptId: attempt.id,
      examId: exam.id,
      examTitle: exam.title,
      mode: attempt.mode,
      contentHash: bundle.contentHash,
      startedAt: iso(attempt.created_at),
      submittedAt: iso(submittedAt),
      deadline: attempt.deadline_at === null ? null : iso(attempt.deadline_at),
      overtime: attempt.deadline_at !== null && submittedAt > attempt.deadline_at,
      scoring: { multipleSelect: scoring, rule: SCORING_RULES[scoring] },
      score: {
        percent: round1(exactPercent),
        points: Math.round(points * 1000) / 1000,
        correct,
        answered,
        total,
        passingScore: exam.passingScore,
        passed,
      },
      domains,
      weakestDomains: weakestDomains(bundle, examIndex, domains),
      questions,
    },
    credits,
  };
}

/**
 * What to study next: every domain below the passing score, weakest first; when none is below,
 * the lowest-scoring domain(s) unless everything is perfect. Each links to the exam's study guide
 * section for that domain (`/guides/<slug>#<section>`, a web client route).
 */
export function weakestDomains(
  bundle: Pick<ReportContent, 'guides'>,
  examIndex: ExamIndex,
  domains: ScoreReport['domains'],
): ScoreReport['weakestDomains'] {
  const passing = examIndex.exam.passingScore;
  const scored = domains.filter((d) => d.total > 0);
  let picked = scored.filter((d) => d.percent < passing);
  if (picked.length === 0 && scored.length > 0) {
    const lowest = Math.min(...scored.map((d) => d.percent));
    picked = lowest < 100 ? scored.filter((d) => d.percent === lowest) : [];
  }
  return picked
    .slice()
    .sort((a, b) => a.percent - b.percent || b.weight - a.weight)
    .map((d) => {
      const domain = examIndex.domains.get(d.domainId);
      const study = domain?.studyGuide;
      const guide = study ? bundle.guides.get(study.guide) : undefined;
      return {
        domainId: d.domainId,
        name: d.name,
        percent: d.percent,
        belowPassing: d.percent < passing,
        topics: domain?.topics ?? [],
        studyLink: study ? `/guides/${study.guide}${study.section ? `#${study.section}` : ''}` : null,
        guide: study
          ? { slug: study.guide, section: study.section ?? null, title: guide?.title ?? null }
          : null,
      };
    });
}
