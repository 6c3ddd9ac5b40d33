import type { PublicQuestion } from '@examdown/compiler/schema';
import { describe, expect, it } from 'vitest';
import { gradeAnswer, gradeAttempt, revealedRationales, validateAnswer } from '../src/attempts/grading.js';
import { buildReport } from '../src/attempts/report.js';
import { ApiError } from '../src/errors.js';
import type { StoredAttempt } from '../src/learner/stored.js';
import { fixtureBundle } from './fixtures.js';

describe('gradeAnswer', () => {
  it('single choice: the one correct option, or nothing', () => {
    expect(gradeAnswer('single', ['b'], ['b'], 'all-or-nothing')).toEqual({ credit: 1, correct: true });
    expect(gradeAnswer('single', ['b'], ['a'], 'all-or-nothing')).toEqual({ credit: 0, correct: false });
    expect(gradeAnswer('single', ['b'], null, 'all-or-nothing')).toEqual({ credit: 0, correct: false });
    expect(gradeAnswer('single', ['b'], [], 'partial')).toEqual({ credit: 0, correct: false });
  });

  it('multiple select, all-or-nothing: the exact set or nothing', () => {
    const grade = (answer: string[]) => gradeAnswer('multiple', ['a', 'c'], answer, 'all-or-nothing').credit;
    expect(grade(['a', 'c'])).toBe(1);
    expect(grade(['c', 'a'])).toBe(1);
    expect(grade(['a'])).toBe(0);
    expect(grade(['a', 'b', 'c'])).toBe(0);
    expect(grade(['b', 'd'])).toBe(0);
  });

  it('multiple select, partial: max(0, (hits − false picks) / correct)', () => {
    const grade = (answer: string[]) => gradeAnswer('multiple', ['a', 'c'], answer, 'partial');
    expect(grade(['a', 'c'])).toEqual({ credit: 1, correct: true });
    expect(grade(['a'])).toEqual({ credit: 0.5, correct: false });
    expect(grade(['a', 'b', 'c'])).toEqual({ credit: 0.5, correct: false });
    expect(grade(['a', 'b'])).toEqual({ credit: 0, correct: false });
    expect(grade(['a', 'b', 'c', 'd'])).toEqual({ credit: 0, correct: false });
    expect(grade(['b', 'd'])).toEqual({ credit: 0, correct: false });
    expect(gradeAnswer('multiple', ['a', 'b', 'c'], ['a', 'b'], 'partial').credit).toBeCloseTo(2 / 3);
  });
});

describe('validateAnswer', () => {
  const single = fixtureBundle().questions.get('fx-alpha-02') as PublicQuestion;
  const multiple = fixtureBundle().questions.get('fx-alpha-01') as PublicQuestion;
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err instanceof ApiError ? `${err.status} ${err.code}` : String(err);
    }
    return 'ok';
  };

  it('returns the answer in option order', () => {
    expect(validateAnswer(multiple, ['c', 'a'])).toEqual(['a', 'c']);
  });

  it('refuses unknown options with 422 invalid_option', () => {
    expect(codeOf(() => validateAnswer(single, ['e']))).toBe('422 invalid_option');
  });

  it('refuses more than one option for single choice, more than N for "choose N"', () => {
    expect(codeOf(() => validateAnswer(single, ['a', 'b']))).toBe('422 too_many_options');
    expect(codeOf(() => validateAnswer(multiple, ['a', 'b', 'c']))).toBe('422 too_many_options');
    expect(codeOf(() => validateAnswer(multiple, ['a']))).toBe('ok');
  });
});

describe('revealedRationales', () => {
  it('reveals the chosen and the correct options only', () => {
    const key = fixtureBundle().keys.get('fx-alpha-02');
    if (!key) throw new Error('fixture');
    expect(Object.keys(revealedRationales(key, ['d'])).sort()).toEqual(['b', 'd']);
    expect(Object.keys(revealedRationales(key, null))).toEqual(['b']);
  });
});

describe('buildReport', () => {
  const bundle = fixtureBundle();
  /** A graded attempt as the learner store returns it: rows in position order, graded by `gradeAttempt`. */
  const graded = (
    examId: string,
    rows: [questionId: string, answer: string[] | null][],
    submittedAt: number,
  ): StoredAttempt => {
    const index = bundle.exams.get(examId);
    if (!index) throw new Error('fixture');
    const keys = Object.fromEntries(
      rows.map(([id]) => {
        const q = bundle.questions.get(id);
        const k = bundle.keys.get(id);
        if (!q || !k) throw new Error(`fixture ${id}`);
        return [id, { type: q.type, correct: k.correct }];
      }),
    );
    const { exam } = index;
    const grade = gradeAttempt(
      rows.map(([id]) => id),
      rows.map(([, a]) => a),
      keys,
      exam.scoring.multipleSelect,
      exam.passingScore,
    );
    return {
      local: 1,
      tokenHash: '',
      examId,
      mode: 'exam',
      contentHash: bundle.contentHash,
      seed: 1,
      createdAt: Date.UTC(2026, 0, 1),
      deadlineAt: Date.UTC(2026, 0, 1, 0, 20),
      expiresAt: null,
      submittedAt,
      form: rows.map(([questionId]) => ({ questionId, hash: 'h', order: 'dcba' })),
      slots: rows.map(([, answer]) => ({ answer, flagged: false, checked: false, seconds: 0 })),
      credits: grade.credits,
      points: grade.points,
      passed: grade.passed,
      passingScore: exam.passingScore,
      scoring: exam.scoring.multipleSelect,
      domains: null,
    };
  };
  const report = (examId: string, rows: [string, string[] | null][], submittedAt: number) => {
    const index = bundle.exams.get(examId);
    if (!index) throw new Error('fixture');
    const attempt = graded(examId, rows, submittedAt);
    return { report: buildReport(bundle, index, 'learner.1', attempt), credits: attempt.credits ?? [] };
  };

  it('scores a partial-credit exam: total, pass/fail, per domain, per question', () => {
    const { report: r, credits } = report(
      'fx-partial',
      [
        ['fxp-delta-1', ['a', 'c']], // 1
        ['fxp-delta-2', ['a']], // 0.5
        ['fxp-delta-3', ['a', 'b']], // 0
        ['fxp-delta-4', null], // 0
      ],
      Date.UTC(2026, 0, 1, 0, 10),
    );
    const report_ = r;
    expect(credits).toEqual([1, 0.5, 0, 0]);
    expect(report_.score).toEqual({
      percent: 37.5,
      points: 1.5,
      correct: 1,
      answered: 3,
      total: 4,
      passingScore: 50,
      passed: false,
    });
    expect(report_.scoring.multipleSelect).toBe('partial');
    expect(report_.domains).toEqual([
      {
        domainId: 'delta',
        name: 'Domain delta',
        weight: 100,
        total: 4,
        correct: 1,
        points: 1.5,
        percent: 37.5,
      },
    ]);
    expect(report_.weakestDomains).toEqual([
      {
        domainId: 'delta',
        name: 'Domain delta',
        percent: 37.5,
        belowPassing: true,
        topics: ['delta topic'],
        studyLink: '/guides/fixture-guide#section-delta',
        guide: { slug: 'fixture-guide', section: 'section-delta', title: 'Fixture guide' },
      },
    ]);
    const second = report_.questions[1];
    expect(second).toMatchObject({ answer: ['a'], correctOptions: ['a', 'c'], correct: false, credit: 0.5 });
    expect(second?.options.map((o) => o.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(Object.keys(second?.rationales ?? {}).sort()).toEqual(['a', 'c']);
    expect(second?.explanationHtml).toContain('explanation of fxp-delta-2');
    expect(report_.overtime).toBe(false);
  });

  it('passes exactly at the passing score, and names the lowest domain when none is below it', () => {
    // 10 questions, 7 right (70% = the passing score): alpha 5/5, beta 1/3, gamma 1/2.
    const rows: [string, string[] | null][] = [
      ['fx-alpha-02', ['b']],
      ['fx-alpha-03', ['b']],
      ['fx-alpha-04', ['b']],
      ['fx-alpha-05', ['b']],
      ['fx-alpha-01', ['a', 'c']],
      ['fx-beta-02', ['b']],
      ['fx-beta-03', ['a']],
      ['fx-beta-01', ['a']],
      ['fx-gamma-02', ['b']],
      ['fx-gamma-03', ['c']],
    ];
    const r = report('fx', rows, Date.UTC(2026, 0, 1, 1)).report;
    expect(r.score).toMatchObject({ percent: 70, correct: 7, total: 10, passed: true });
    expect(r.overtime).toBe(true);
    expect(r.domains.map((d) => [d.domainId, d.correct, d.total, d.percent])).toEqual([
      ['alpha', 5, 5, 100],
      ['beta', 1, 3, 33.3],
      ['gamma', 1, 2, 50],
    ]);
    expect(r.weakestDomains.map((d) => d.domainId)).toEqual(['beta', 'gamma']);

    const perfect = report('fx', rows.slice(0, 5), Date.UTC(2026, 0, 1));
    expect(perfect.report.score.percent).toBe(100);
    expect(perfect.report.weakestDomains).toEqual([]);
  });
});
