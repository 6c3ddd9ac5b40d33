/**
 * The score report of a submitted attempt: total, pass/fail, per domain, per question (with the
 * key, explanation and rationales, now that the learner has answered), and what to study next.
 */
import type { QuestionKey } from '@examdown/compiler/schema';
import type { ExamIndex, ServedQuestion } from '../bundle.js';
import type { StoredAttempt } from '../learner/stored.js';
import type { ScoreReport } from '../schemas/report.js';
import { revealedRationales } from './grading.js';
import { orderOptions } from './option-order.js';
import { iso } from './view.js';

export const SCORING_RULES = {
  'all-or-nothing':
    'Each question is worth 1 point. Multiple select is all-or-nothing: the chosen set must equal the correct set.',
  partial:
    'Each question is worth 1 point. Multiple select earns partial credit: max(0, (correct picks − wrong picks) / number of correct options).',
} as const;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** What the report reads from the bundle: the versions the attempt drew, and guide titles. */
export interface ReportContent {
  questions: ReadonlyMap<string, ServedQuestion>;
  keys: ReadonlyMap<string, QuestionKey>;
  /** Slug → guide (only the title is used, for study links). */
  guides: ReadonlyMap<string, { title: string }>;
}

/**
 * The report of a graded attempt, rebuilt from its stored grading facts (credits, answers, the
 * bar and the rule it was graded against) and the question versions it drew — so the same
 * attempt always gives the same report. Domain names and study links come from the live exam.
 */
export function buildReport(
  bundle: ReportContent,
  examIndex: ExamIndex,
  id: string,
  attempt: StoredAttempt,
): ScoreReport {
  const { exam } = examIndex;
  const credits = attempt.credits ?? [];
  const questions: ScoreReport['questions'] = [];
  const perDomain = new Map<string, { total: number; correct: number; points: number }>();

  attempt.form.forEach((entry, position) => {
    const question = bundle.questions.get(entry.questionId);
    const key = bundle.keys.get(entry.questionId);
    const slot = attempt.slots[position];
    if (!question || !key || !slot) return;
    const credit = credits[position] ?? 0;
    const correct = credit === 1;
    const domain = perDomain.get(question.domain) ?? { total: 0, correct: 0, points: 0 };
    domain.total += 1;
    domain.points += credit;
    if (correct) domain.correct += 1;
    perDomain.set(question.domain, domain);
    questions.push({
      position,
      questionId: question.id,
      domain: question.domain,
      type: question.type,
      selectCount: question.selectCount,
      ...(question.difficulty ? { difficulty: question.difficulty } : {}),
      stemHtml: question.stemHtml,
      options: orderOptions(question.options, entry.order),
      answer: slot.answer,
      correctOptions: key.correct,
      correct,
      credit,
      flagged: slot.flagged,
      secondsSpent: slot.seconds,
      explanationHtml: key.explanationHtml ?? null,
      rationales: revealedRationales(key, slot.answer),
    });
  });

  const total = questions.length;
  const points = questions.reduce((n, q) => n + q.credit, 0);
  const correct = questions.filter((q) => q.correct).length;
  const answered = questions.filter((q) => q.answer !== null && q.answer.length > 0).length;
  const exactPercent = total === 0 ? 0 : (100 * points) / total;
  const submittedAt = attempt.submittedAt ?? attempt.createdAt;

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
    attemptId: id,
    examId: exam.id,
    examTitle: exam.title,
    mode: attempt.mode,
    contentHash: attempt.contentHash,
    startedAt: iso(attempt.createdAt),
    submittedAt: iso(submittedAt),
    deadline: attempt.deadlineAt === null ? null : iso(attempt.deadlineAt),
    overtime: attempt.deadlineAt !== null && submittedAt > attempt.deadlineAt,
    scoring: { multipleSelect: attempt.scoring, rule: SCORING_RULES[attempt.scoring] },
    score: {
      percent: round1(exactPercent),
      points: Math.round(points * 1000) / 1000,
      correct,
      answered,
      total,
      passingScore: attempt.passingScore,
      passed: attempt.passed === true,
    },
    domains,
    weakestDomains: weakestDomains(bundle, examIndex, domains, attempt.passingScore),
    questions,
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
  passing: number = examIndex.exam.passingScore,
): ScoreReport['weakestDomains'] {
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
