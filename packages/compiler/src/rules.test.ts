/**
 * One fixture per diagnostic: each folder under __fixtures__/rules/<rule-id>/ is laid over
 * the clean sample content, and must produce exactly that diagnostic, at that place, with
 * that message, and nothing else.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_DIR, sampleSources, sampleWith } from './__fixtures__/helpers.js';
import { IMPORT_RULE_CASES } from './__fixtures__/import-rule-cases.js';
import { compileSources, type RuleId } from './index.js';

interface Expected {
  rule: RuleId;
  file: string;
  line: number;
  column: number;
  message: string;
}

const CASES: Expected[] = [
  // Issue 14's rules (imported banks, assets, the new linter rules).
  ...IMPORT_RULE_CASES,
  {
    rule: 'nesting-too-deep',
    file: 'questions/sample-cert/deep.md',
    line: 7,
    column: 201,
    message:
      'blocks or inline elements nest more than 100 levels deep here (blockquotes, lists, emphasis, directives); flatten the structure',
  },
  {
    rule: 'frontmatter-missing',
    file: 'guides/no-frontmatter.md',
    line: 1,
    column: 1,
    message: 'the file must start with a YAML frontmatter block (---)',
  },
  {
    rule: 'frontmatter-yaml',
    file: 'guides/broken-yaml.md',
    line: 4,
    column: 1,
    message: 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    rule: 'frontmatter-invalid',
    file: 'exams/sample-cert.md',
    line: 6,
    column: 1,
    message: "'questionCount': Invalid input: expected number, received string",
  },
  {
    rule: 'frontmatter-unknown-key',
    file: 'guides/typo.md',
    line: 2,
    column: 1,
    message: "unknown key 'titel'; did you mean 'title'?",
  },
  {
    rule: 'directive-unclosed',
    file: 'questions/sample-cert/unclosed.md',
    line: 5,
    column: 1,
    message: "'::::question' is never closed: add a line '::::' where it ends",
  },
  {
    rule: 'directive-unknown',
    file: 'questions/sample-cert/typo.md',
    line: 5,
    column: 1,
    message: "unknown directive ':::questoin'; did you mean 'question'?",
  },
  {
    rule: 'directive-misplaced',
    file: 'questions/sample-cert/faq.md',
    line: 5,
    column: 1,
    message: ':::faq is only meaningful in guides',
  },
  {
    rule: 'question-missing-id',
    file: 'questions/sample-cert/no-id.md',
    line: 5,
    column: 1,
    message: 'question has no id: add {#some-id} after ::::question',
  },
  {
    rule: 'question-invalid-attribute',
    file: 'questions/sample-cert/attr.md',
    line: 6,
    column: 24,
    message: "unknown question attribute 'domian'; did you mean 'domain'?",
  },
  {
    rule: 'question-duplicate-id',
    file: 'questions/sample-cert/zz-duplicate.md',
    line: 5,
    column: 1,
    message: "question id 'sample-monitoring-tables' is already used at questions/sample-cert/core.md:46",
  },
  {
    rule: 'question-no-correct',
    file: 'questions/sample-cert/no-correct.md',
    line: 8,
    column: 1,
    message: "question 'no-correct-one' has no correct option: mark it with [x]",
  },
  {
    rule: 'question-too-few-options',
    file: 'questions/sample-cert/one-option.md',
    line: 8,
    column: 1,
    message: "question 'one-option' has 1 option; it needs at least 2",
  },
  {
    rule: 'question-too-many-options',
    file: 'questions/sample-cert/many.md',
    line: 34,
    column: 1,
    message: "question 'many-options' has more than 26 options",
  },
  {
    rule: 'question-option-checkbox',
    file: 'questions/sample-cert/checkbox.md',
    line: 10,
    column: 1,
    message: 'option has no checkbox: start it with [ ] (wrong) or [x] (correct)',
  },
  {
    rule: 'question-stray-content',
    file: 'questions/sample-cert/stray.md',
    line: 11,
    column: 1,
    message:
      'unexpected content after the options: put it in the stem (before the list) or in a :::explanation block',
  },
  {
    rule: 'question-missing-domain',
    file: 'questions/sample-cert/no-domain.md',
    line: 1,
    column: 1,
    message:
      "question 'no-domain-one' has no domain: add domain=… or a 'domain:' default to the file's frontmatter",
  },
  {
    rule: 'unknown-exam',
    file: 'questions/sample-cert/other-exam.md',
    line: 5,
    column: 30,
    message: "unknown exam 'sample-crt'; did you mean 'sample-cert'?",
  },
  {
    rule: 'unknown-domain',
    file: 'questions/sample-cert/domain-typo.md',
    line: 3,
    column: 1,
    message: "unknown domain 'monitorin' for exam 'sample-cert'; did you mean 'monitoring'?",
  },
  {
    rule: 'exam-weights-sum',
    file: 'exams/sample-cert.md',
    line: 15,
    column: 1,
    message: 'domain weights add up to 99, not 100',
  },
  {
    rule: 'exam-bank-too-small',
    file: 'exams/sample-cert.md',
    line: 21,
    column: 5,
    message: 'sample-cert needs 3 questions in training for one full 6-question form (50%), the bank has 2',
  },
  {
    rule: 'exam-study-guide-unknown',
    file: 'exams/sample-cert.md',
    line: 20,
    column: 45,
    message:
      "guide 'sample-cert-guide' has no section '#domain-1-monitor'; did you mean 'domain-1-monitoring'?",
  },
  {
    rule: 'exam-guide-unknown',
    file: 'exams/sample-cert.md',
    line: 14,
    column: 29,
    message: "unknown guide 'sample-cert-guid'; did you mean 'sample-cert-guide'?",
  },
  {
    rule: 'guide-related-unknown',
    file: 'guides/sample-cert-guide.md',
    line: 10,
    column: 11,
    message: "unknown guide 'sample-cert-guid'; did you mean 'sample-cert-guide'?",
  },
  {
    rule: 'guide-question-unknown',
    file: 'guides/sample-cert-guide.md',
    line: 45,
    column: 1,
    message:
      "'::question{#sample-zero-stage-4}' embeds a question that does not exist; did you mean 'sample-zero-stage-3'?",
  },
  {
    rule: 'duplicate-slug',
    file: 'guides/zz-copy.md',
    line: 2,
    column: 1,
    message: "guide slug 'sample-cert-guide' is already used by guides/sample-cert-guide.md",
  },
  {
    rule: 'longest-correct-option',
    file: 'exams/lint-exam.md',
    line: 1,
    column: 1,
    message:
      'in 4 of 4 questions of lint-exam with 3+ options (100%) the correct option is strictly the longest; ' +
      'make distractors as long and specific as the answers',
  },
  {
    rule: 'answer-position-cluster',
    file: 'exams/lint-exam.md',
    line: 1,
    column: 1,
    message:
      "correct answers of lint-exam's 12 single-choice questions cluster on position B: 9 of 12 (75%, an even " +
      'spread gives 25%); chi-square test p = 0.002',
  },
  {
    rule: 'all-none-of-the-above',
    file: 'questions/sample-cert/all-none.md',
    line: 10,
    column: 1,
    message: "option reads 'All of the above': write a specific option instead",
  },
  {
    rule: 'duplicate-option',
    file: 'questions/sample-cert/dup-option.md',
    line: 10,
    column: 1,
    message: "option C repeats option A ('psi per feature.')",
  },
  {
    rule: 'missing-explanation',
    file: 'questions/sample-cert/no-explanation.md',
    line: 5,
    column: 1,
    message:
      "question 'no-explanation-one' has no explanation: add a :::explanation block saying why the answer is right",
  },
  {
    rule: 'negative-stem',
    file: 'questions/sample-cert/negative.md',
    line: 7,
    column: 21,
    message: "negative stem: 'not' is easy to miss; emphasise it (**NOT**) or ask positively",
  },
  {
    rule: 'lint-ignore-without-reason',
    file: 'questions/sample-cert/no-reason.md',
    line: 5,
    column: 29,
    message: 'ignore="all-none-of-the-above" needs a reason="…" saying why the rule does not apply',
  },
  {
    rule: 'lint-unknown-rule',
    file: 'questions/sample-cert/unknown-rule.md',
    line: 5,
    column: 5,
    message:
      "'longest-correct-options' is not a linter rule that can be ignored here; did you mean 'longest-correct-option'?",
  },
];

describe('one fixture per diagnostic', () => {
  it('the sample content itself is clean', () => {
    const result = compileSources(sampleSources());
    expect(result.diagnostics).toEqual([]);
    expect(result.bundle).toBeDefined();
  });

  it('every fixture folder has a case, and every case a folder', () => {
    expect(readdirSync(RULES_DIR).sort()).toEqual(CASES.map((c) => c.rule).sort());
  });

  it.each(CASES)('$rule', (expected) => {
    const result = compileSources(sampleWith(expected.rule));
    const { rule, file, line, column, message } = expected;
    expect(
      result.diagnostics.map((d) => ({
        rule: d.rule,
        file: d.file,
        line: d.line,
        column: d.column,
        message: d.message,
      })),
    ).toEqual([{ rule, file, line, column, message }]);
    const severity = result.diagnostics[0]?.severity;
    expect(result.bundle === undefined).toBe(severity === 'error');
  });
});
