/** The item-writing linter: when rules fire, when they stay quiet, and how authors silence them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_DIR, sampleSources } from '../__fixtures__/helpers.js';
import { compileSources, type SourceFile } from '../index.js';

const LINT_EXAM: SourceFile = {
  path: 'exams/lint-exam.md',
  text: readFileSync(path.join(RULES_DIR, 'longest-correct-option/exams/lint-exam.md'), 'utf8'),
};

/** A bank for lint-exam: one four-option question per entry, correct at `position`. */
function bank(
  positions: number[],
  options: { longestCorrect?: boolean; frontmatter?: string } = {},
): SourceFile {
  const names = ['Alpha choice', 'Bravo choice', 'Charlie pick', 'Delta choice'];
  const questions = positions.map((position, i) => {
    const lines = names.map((name, k) => {
      const text = options.longestCorrect && k === position ? `${name} with a long qualifying clause` : name;
      return `- [${k === position ? 'x' : ' '}] ${text}`;
    });
    return `::::question{#lint-q-${i}}\nWhich choice fits case ${i}?\n\n${lines.join('\n')}\n\n:::explanation\nBecause.\n:::\n::::\n`;
  });
  return {
    path: 'questions/lint-exam/bank.md',
    text: `---\ndomain: only\n${options.frontmatter ?? ''}---\n\n${questions.join('\n')}`,
  };
}

function rules(...files: SourceFile[]): string[] {
  return compileSources([...sampleSources(), LINT_EXAM, ...files]).diagnostics.map((d) => d.rule);
}

describe('answer-position-cluster', () => {
  it('fires when most single-choice answers sit on one position', () => {
    expect(rules(bank([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 3]))).toEqual(['answer-position-cluster']);
  });

  it('stays quiet for an even spread', () => {
    expect(rules(bank([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]))).toEqual([]);
  });

  it('stays quiet below 8 questions, where no test has power', () => {
    expect(rules(bank([1, 1, 1, 1, 1, 1, 1]))).toEqual([]);
  });

  it('is silenced by a bank file’s frontmatter (with a reason)', () => {
    const frontmatter = 'lint:\n  ignore:\n    answer-position-cluster: the real exam favours B too\n';
    expect(rules(bank([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 3], { frontmatter }))).toEqual([]);
  });

  it('asks for a reason when silenced without one', () => {
    const frontmatter = 'lint:\n  ignore:\n    answer-position-cluster:\n';
    expect(rules(bank([1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 3], { frontmatter }))).toEqual([
      'lint-ignore-without-reason',
    ]);
  });
});

describe('longest-correct-option', () => {
  it('fires when the correct option is strictly the longest in more than half the questions', () => {
    expect(rules(bank([0, 1, 2], { longestCorrect: true }))).toEqual(['longest-correct-option']);
  });

  it('stays quiet at exactly half', () => {
    const half = bank([0, 1, 2, 3], { longestCorrect: true });
    // Questions 2 and 3 lose their giveaway: make every option equally long there.
    half.text = half.text
      .replace(/Charlie pick with a long qualifying clause/, 'Charlie pick')
      .replace(/Delta choice with a long qualifying clause/, 'Delta choice');
    expect(rules(half)).toEqual([]);
  });
});

describe('per-question rules and ignore=', () => {
  const rules = (file: SourceFile) =>
    compileSources([...sampleSources(), file]).diagnostics.map((d) => d.rule);
  const question = (attributes: string, stem: string, options: string) => ({
    path: 'questions/sample-cert/lint.md',
    text: `---\ndomain: monitoring\n---\n\n::::question{#lint-one ${attributes}}\n${stem}\n\n${options}\n\n:::explanation\nWhy.\n:::\n::::\n`,
  });

  it('negative-stem ignores emphasised words and lower-case constraints in the scenario', () => {
    const ok = question(
      '',
      'The team does not want to retrain. Which option is **NOT** a drift metric, and which is *least* useful?',
      '- [x] a\n- [ ] b',
    );
    expect(rules(ok)).toEqual([]);
  });

  it('negative-stem flags capitals anywhere and lower-case words in the asking sentence', () => {
    const bad = question(
      '',
      'All metrics EXCEPT one are fine. Which one does not measure drift?',
      '- [x] a\n- [ ] b',
    );
    expect(
      compileSources([...sampleSources(), bad]).diagnostics.map((d) => [d.rule, d.line, d.column]),
    ).toEqual([
      ['negative-stem', 6, 13],
      ['negative-stem', 6, 49],
    ]);
  });

  it('ignore="rule …" with a reason silences those rules for one question', () => {
    const silenced = question(
      'ignore="all-none-of-the-above negative-stem" reason="the option is the point of the item"',
      'Which is NOT a metric?',
      '- [x] Accuracy\n- [ ] None of the above',
    );
    expect(rules(silenced)).toEqual([]);
  });

  it('bank-wide rules cannot be silenced per question', () => {
    const wrong = question('ignore="longest-correct-option" reason="x"', 'Stem?', '- [x] a\n- [ ] b');
    expect(compileSources([...sampleSources(), wrong]).diagnostics.map((d) => d.message)).toEqual([
      "'longest-correct-option' is not a linter rule that can be ignored here; 'longest-correct-option' is a bank-wide rule: silence it in a bank file's frontmatter (lint.ignore)",
    ]);
  });

  it('errors cannot be silenced', () => {
    const wrong = question('ignore="question-no-correct" reason="x"', 'Stem?', '- [x] a\n- [ ] b');
    expect(rules(wrong)).toEqual(['lint-unknown-rule']);
  });
});
