import type { PublicQuestion } from '@examdown/compiler/schema';
import { describe, expect, it } from 'vitest';
import { gradeAnswer, revealedRationales, validateAnswer } from '../src/attempts/grading.js';
import { buildReport } from '../src/attempts/report.js';
import type { AttemptQuestionRow, AttemptRow } from '../src/attempts/store.js';
import { ApiError } from '../src/errors.js';
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
  const attempt = (examId: string): AttemptRow => ({
    id: '00000000-0000-4000-8000-000000000001',
    token_hash: '',
    exam_id: examId,
    mode: 'exam',
    content_hash: bundle.contentHash,
    seed: 1,
    created_at: Date.UTC(2026, 0, 1),
    deadline_at: Date.UTC(2026, 0, 1, 0, 20),
    submitted_at: null,
    score_points: null,
    score_percent: null,
    passed: null,
    report_json: null,
  });
  const row = (position: number, questionId: string, answer: string[] | null): AttemptQuestionRow => ({
    attempt_id: '',
    position,
    question_id: questionId,
    option_order: 'dcba',
    answer: answer === null ? null : JSON.stringify(answer),
    flagged: 0,
    updated_at: null,
    credit: null,
  });

  it('scores a partial-credit exam: total, pass/fail, per domain, per question', () => {
    const index = bundle.exams.get('fx-partial');
    if (!index) throw new Error('fixture');
    const rows = [
      row(0, 'fxp-delta-1', ['a', 'c']), // 1
      row(1, 'fxp-delta-2', ['a']), // 0.5
      row(2, 'fxp-delta-3', ['a', 'b']), // 0
      row(3, 'fxp-delta-4', null), // 0
    ];
    const { report, credits } = buildReport(
      bundle,
      index,
      attempt('fx-partial'),
      rows,
      Date.UTC(2026, 0, 1, 0, 10),
    );
    expect(credits.map((c) => c.credit)).toEqual([1, 0.5, 0, 0]);
    expect(report.score).toEqual({
      percent: 37.5,
      points: 1.5,
      correct: 1,
      answered: 3,
      total: 4,
      passingScore: 50,
      passed: false,
    });
    expect(report.scoring.multipleSelect).toBe('partial');
    expect(report.domains).toEqual([
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
    expect(report.weakestDomains).toEqual([
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
    const second = report.questions[1];
    expect(second).toMatchObject({ answer: ['a'], correctOptions: ['a', 'c'], correct: false, credit: 0.5 });
    expect(second?.options.map((o) => o.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(Object.keys(second?.rationales ?? {}).sort()).toEqual(['a', 'c']);
    expect(second?.explanationHtml).toContain('explanation of fxp-delta-2');
    expect(report.overtime).toBe(false);
  });

  it('passes exactly at the passing score, and names the lowest domain when none is below it', () => {
    const index = bundle.exams.get('fx');
    if (!index) throw new Error('fixture');
    // 10 questions, 7 right (70% = the passing score): alpha 5/5, beta 1/3, gamma 1/2.
    const rows = [
      row(0, 'fx-alpha-02', ['b']),
      row(1, 'fx-alpha-03', ['b']),
      row(2, 'fx-alpha-04', ['b']),
      row(3, 'fx-alpha-05', ['b']),
      row(4, 'fx-alpha-01', ['a', 'c']),
      row(5, 'fx-beta-02', ['b']),
      row(6, 'fx-beta-03', ['a']),
      row(7, 'fx-beta-01', ['a']),
      row(8, 'fx-gamma-02', ['b']),
      row(9, 'fx-gamma-03', ['c']),
    ];
    const { report } = buildReport(bundle, index, attempt('fx'), rows, Date.UTC(2026, 0, 1, 1));
    expect(report.score).toMatchObject({ percent: 70, correct: 7, total: 10, passed: true });
    expect(report.overtime).toBe(true);
    expect(report.domains.map((d) => [d.domainId, d.correct, d.total, d.percent])).toEqual([
      ['alpha', 5, 5, 100],
      ['beta', 1, 3, 33.3],
      ['gamma', 1, 2, 50],
    ]);
    expect(report.weakestDomains.map((d) => d.domainId)).toEqual(['beta', 'gamma']);

    const perfect = buildReport(bundle, index, attempt('fx'), rows.slice(0, 5), Date.UTC(2026, 0, 1));
    expect(perfect.report.score.percent).toBe(100);
    expect(perfect.report.weakestDomains).toEqual([]);
  });
});
