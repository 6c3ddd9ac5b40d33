/**
 * Real public banks compile unchanged: one fixture tree per shape found in public GitHub banks
 * (written anew; the shapes are theirs, the questions are ours). Each tree is what an author has
 * after copying a bank and its images under questions/<exam>/ and adding one exam file.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, readTree, toSources } from '../__fixtures__/helpers.js';
import { type CompileResult, compileContent, compileSources } from '../index.js';

const BANKS = path.join(FIXTURES, 'banks');
const results = new Map<string, CompileResult>();
beforeAll(async () => {
  for (const name of [
    'headings-long',
    'numbered-code',
    'numbered-headings',
    'choose-n',
    'unusable',
    'identical-stems',
    'details-answers',
  ]) {
    results.set(name, await compileContent(path.join(BANKS, name), { root: '.' }));
  }
});
const compileBank = (name: string) => results.get(name) as CompileResult;

/** A bank's result and summary, filled in before its tests run. */
function useBank(name: string): { result: CompileResult; s: ReturnType<typeof summary> } {
  const state = {} as { result: CompileResult; s: ReturnType<typeof summary> };
  beforeAll(() => {
    state.result = compileBank(name);
    state.s = summary(state.result);
  });
  return state;
}

const keyOf = (result: CompileResult, id: string) => result.bundle?.private.keys.find((k) => k.id === id);

function summary(result: CompileResult) {
  const questions = result.bundle?.public.questions ?? [];
  return {
    errors: result.diagnostics.filter((d) => d.severity === 'error'),
    count: questions.length,
    options: Object.fromEntries(questions.map((q) => [q.id, q.options.length])),
    multiple: questions.filter((q) => q.type === 'multiple').map((q) => [q.id, q.selectCount]),
    ids: questions.map((q) => q.id),
  };
}

describe('bank: long headings, relative images, back-to-top links, a table of contents (no frontmatter)', () => {
  const bank = useBank('headings-long');
  it('compiles without errors: 5 questions, one domain from the exam', () => {
    expect(bank.s.errors).toEqual([]);
    expect(bank.s.count).toBe(5);
    expect(new Set(bank.result.bundle?.public.questions.map((q) => q.domain))).toEqual(
      new Set(['ml-on-cloud']),
    );
  });
  it('gives distinct ids to questions with the same long opening', () => {
    expect(new Set(bank.s.ids).size).toBe(5);
    for (const id of bank.s.ids) expect(id.length).toBeLessThanOrEqual(64);
    const grocery = bank.s.ids.filter((id) =>
      id.startsWith('a-data-science-team-at-a-regional-grocery-chain'),
    );
    expect(grocery).toHaveLength(2);
  });
  it('counts options and multiple-select questions', () => {
    expect(Object.values(bank.s.options).sort()).toEqual([2, 4, 4, 4, 4]);
    expect(bank.s.multiple).toHaveLength(1);
    expect(bank.s.multiple[0]?.[1]).toBe(2);
  });
  it('copies the images into the bundle, content-addressed, and points the stems at them', () => {
    const assets = Object.keys(bank.result.output?.assets ?? {});
    expect(assets).toHaveLength(2);
    for (const name of assets) expect(name).toMatch(/^[0-9a-f]{16}\.png$/);
    const withImage = bank.result.bundle?.public.questions.filter((q) => q.stemHtml.includes('<img')) ?? [];
    expect(withImage).toHaveLength(2);
    for (const q of withImage) expect(q.stemHtml).toMatch(/src="\/api\/v1\/assets\/[0-9a-f]{16}\.png"/);
  });
  it('warns about label-only alt text ("Question 3")', () => {
    const alt = bank.result.diagnostics.filter((d) => d.rule === 'image-alt-text');
    expect(alt.map((d) => [d.file, d.line])).toEqual([
      ['questions/cloud-ml-specialist/README.md', 32],
      ['questions/cloud-ml-specialist/README.md', 52],
    ]);
  });
});

describe('bank: "#### Q12." headings, code in stems and options, references and explanations after the options', () => {
  const bank = useBank('numbered-code');
  const q = (id: string) => bank.result.bundle?.public.questions.find((x) => x.id === id);
  const key = (id: string) => keyOf(bank.result, id);
  it('compiles without errors; ids from the file and the number; domains from the exam mapping', () => {
    expect(bank.s.errors).toEqual([]);
    expect(bank.s.ids).toEqual([
      'css-quiz-q1',
      'css-quiz-q2',
      'css-quiz-q3',
      'js-quiz-q1',
      'js-quiz-q2',
      'js-quiz-q3',
      'js-quiz-q4',
      'js-quiz-q5',
    ]);
    expect(q('js-quiz-q1')?.domain).toBe('scripting');
    expect(q('css-quiz-q1')?.domain).toBe('styling');
  });
  it('keeps an option whose content is a following code block or table as one option', () => {
    expect(bank.s.options).toMatchObject({ 'js-quiz-q4': 3, 'css-quiz-q2': 2, 'js-quiz-q2': 4 });
    expect(q('js-quiz-q4')?.options[1]?.html).toContain('<pre tabindex="0"><code class="language-js">');
    expect(q('css-quiz-q2')?.options[0]?.html).toContain('<table>');
    expect(key('js-quiz-q4')?.correct).toEqual(['b']);
  });
  it('checks "(Choose two.)" against the marked options', () => {
    expect(bank.s.multiple).toEqual([['js-quiz-q5', 2]]);
  });
  it('reads what follows the options: explanation, example code, references as sources', () => {
    expect(key('js-quiz-q2')?.explanationHtml).toContain('fixes the binding');
    const q4 = key('js-quiz-q4')?.explanationHtml ?? '';
    expect(q4).toContain('fresh binding per iteration');
    expect(q4).toContain('queueMicrotask');
    expect(q4).toMatch(
      /Sources[\s\S]*href="https:\/\/example\.org\/js\/let"[\s\S]*href="https:\/\/example\.org\/js\/closures"/,
    );
    expect(key('js-quiz-q1')?.explanationHtml).toContain('href="https://example.org/js/declarations"');
    expect(key('css-quiz-q2')?.explanationHtml).toContain('both axes');
  });
});

describe('bank: "### 1 ." and "### Question 3" headings, numbered lists, HTML details', () => {
  const bank = useBank('numbered-headings');
  it('compiles without errors', () => {
    expect(bank.s.errors).toEqual([]);
    // Numbered headings give file-and-number ids; numbered list items keep the kebab stem.
    expect(bank.s.ids).toEqual([
      'practice-test-1-q1',
      'practice-test-1-q2',
      'practice-test-1-q3',
      'which-service-runs-code-without-managing-servers',
      'which-storage-tier-is-cheapest-for-data-read-once-a-year',
    ]);
    expect(Object.values(bank.s.options)).toEqual([4, 3, 4, 3, 3]);
    expect(bank.s.multiple).toEqual([]);
  });
  it('reads the HTML <details> after the options as the explanation', () => {
    const key = bank.result.bundle?.private.keys.find((k) => k.id === 'practice-test-1-q1');
    expect(key?.explanationHtml).toBe(
      '<p>You keep managing the operating system, as you did on premises.</p>',
    );
  });
  it('takes the stem of a label-only heading from the paragraph after it', () => {
    const q3 = bank.result.bundle?.public.questions.find((x) => x.id === 'practice-test-1-q3');
    expect(q3?.stemHtml).toBe(
      '<p>A startup pays only for the minutes its servers run. Which cloud benefit does this show?</p>',
    );
  });
});

describe('bank: "(Choose two.)" headings with the list on the next line, lettered options, callout explanations', () => {
  const bank = useBank('choose-n');
  it('compiles without errors: 3 questions, 2 multiple select', () => {
    expect(bank.s.errors).toEqual([]);
    expect(bank.s.count).toBe(3);
    expect(bank.s.multiple.map((m) => m[1]).sort()).toEqual([2, 3]);
    expect(Object.values(bank.s.options).sort()).toEqual([4, 4, 5]);
  });
  it('drops the A./B. labels (the client letters the options) and reads the callout as the explanation', () => {
    const flood = bank.result.bundle?.public.questions.find((x) => x.stemHtml.includes('has not learned'));
    expect(flood?.options[1]?.html).toBe(
      'It floods the frame out of every port except the one it came in on.',
    );
    const key = bank.result.bundle?.private.keys.find((k) => k.id === flood?.id);
    expect(key?.explanationHtml).toBe(
      '<p>Unknown unicast frames are flooded; the reply then teaches the switch where the host is.</p>',
    );
  });
});

describe('bank: unusable questions downgraded by the exam (unusableQuestions: warn)', () => {
  let result: CompileResult;
  beforeAll(() => {
    result = compileBank('unusable');
  });
  it('leaves out the question without a key and the one with one option, with warnings', () => {
    expect(result.errors).toBe(0);
    expect(result.bundle?.public.questions).toHaveLength(2);
    expect(result.diagnostics.filter((d) => d.rule === 'question-skipped').map((d) => d.line)).toEqual([
      9, 14,
    ]);
  });
  it('is an error without the setting', () => {
    const tree = readTree(path.join(BANKS, 'unusable'));
    tree.set(
      'exams/draft-bank.md',
      (tree.get('exams/draft-bank.md') ?? '').replace('unusableQuestions: warn\n', ''),
    );
    const strict = compileSources(toSources(tree));
    expect(strict.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual([
      'question-no-correct',
      'question-too-few-options',
    ]);
  });
});

describe('bank: identical stems ("What does it print?" + code, repeated headings, a number used twice)', () => {
  const bank = useBank('identical-stems');
  const which = 'which-of-the-following-statements-is-true';
  const idAt = (result: CompileResult, file: string, line: number) =>
    result.bundle?.public.questions.find((q) => q.source === `questions/py-basics/${file}:${line}`)?.id;
  it('gives every question its own id: the explicit one wins, then file order, hashes, an ordinal', () => {
    expect(bank.s.errors).toEqual([]);
    expect(bank.result.bundle?.public.questions.map((q) => [q.id, q.source, q.options.length])).toEqual([
      ['output-quiz-q1', 'questions/py-basics/output-quiz.md:5', 3],
      ['output-quiz-q1-00fcb6', 'questions/py-basics/output-quiz.md:28', 2],
      ['what-does-it-print-850f27', 'questions/py-basics/output-quiz.md:37', 2],
      ['what-does-it-print-938c0c', 'questions/py-basics/output-quiz.md:46', 3],
      [which, 'questions/py-basics/review.md:1', 2],
      [`${which}-4ba73b`, 'questions/py-basics/review.md:8', 3],
      [`${which}-570ef3`, 'questions/py-basics/output-quiz.md:15', 3],
      [`${which}-bd7646`, 'questions/py-basics/output-quiz.md:21', 2],
      [`${which}-bd7646-2`, 'questions/py-basics/output-quiz.md:56', 2],
    ]);
    const keys = Object.fromEntries((bank.result.bundle?.private.keys ?? []).map((k) => [k.id, k.correct]));
    expect(keys).toEqual({
      'output-quiz-q1': ['b'],
      'output-quiz-q1-00fcb6': ['a'],
      'what-does-it-print-850f27': ['a'],
      'what-does-it-print-938c0c': ['b'],
      [which]: ['a'],
      [`${which}-4ba73b`]: ['a'],
      [`${which}-570ef3`]: ['a'],
      [`${which}-bd7646`]: ['b'],
      [`${which}-bd7646-2`]: ['b'],
    });
    expect(bank.result.bundle?.public.manifest.questionsByExam['py-basics']?.language).toHaveLength(9);
  });
  it('warns about identical (and nearly identical) questions instead of failing', () => {
    const near = bank.result.diagnostics.filter((d) => d.rule === 'near-duplicate-question');
    expect(near.map((d) => [d.severity, d.file.split('/').at(-1), d.line])).toEqual([
      ['warning', 'output-quiz.md', 15],
      ['warning', 'output-quiz.md', 21],
      ['warning', 'output-quiz.md', 37],
      ['warning', 'output-quiz.md', 46],
      ['warning', 'output-quiz.md', 56],
      ['warning', 'review.md', 8],
    ]);
    expect(near[1]?.message).toBe(
      `question '${which}-bd7646' is identical to '${which}-bd7646-2' (questions/py-basics/output-quiz.md:56); keep one or make them differ`,
    );
    expect(bank.result.diagnostics.some((d) => d.rule === 'question-duplicate-id')).toBe(false);
  });
  it('keeps every id when unrelated questions change or a twin is added after them', () => {
    const tree = readTree(path.join(BANKS, 'identical-stems'));
    const quiz = 'questions/py-basics/output-quiz.md';
    const review = 'questions/py-basics/review.md';
    // Correct an option of one "What does it print?" and append a fourth twin of the dict question.
    tree.set(quiz, (tree.get(quiz) ?? '').replace('- [ ] an error', '- [ ] a TypeError'));
    tree.set(
      review,
      `${tree.get(review)}\n### Which of the following statements is true?\n\n- [ ] A set keeps insertion order.\n- [x] A dict keeps insertion order.\n`,
    );
    const edited = compileSources(toSources(tree));
    expect(edited.errors).toBe(0);
    for (const [file, line] of [
      ['output-quiz.md', 5],
      ['output-quiz.md', 15],
      ['output-quiz.md', 21],
      ['output-quiz.md', 28],
      ['output-quiz.md', 37],
      ['output-quiz.md', 56],
      ['review.md', 1],
      ['review.md', 8],
    ] as const) {
      expect(idAt(edited, file, line)).toBe(idAt(bank.result, file, line));
    }
    expect(idAt(edited, 'output-quiz.md', 46)).not.toBe(idAt(bank.result, 'output-quiz.md', 46));
    expect(idAt(edited, 'review.md', 14)).toBe(`${which}-bd7646-3`);
  });
  it('builds the same bundle in one thread and in several', async () => {
    const dir = path.join(BANKS, 'identical-stems');
    const serial = await compileContent(dir, { root: '.', jobs: 1 });
    const parallel = await compileContent(dir, { root: '.', jobs: 2 });
    expect(parallel.bundle).toEqual(serial.bundle);
    expect(serial.bundle).toEqual(bank.result.bundle);
  });
});

describe('bank: answers and explanations in <details> blocks after options without [x]', () => {
  const bank = useBank('details-answers');
  const key = (id: string) => keyOf(bank.result, id);
  it('takes the key from the answer statement; the rest of the block is the explanation', () => {
    // No errors; the ids in bundle order.
    expect({ errors: bank.s.errors, ids: bank.s.ids.join(' ') }).toEqual({
      errors: [],
      ids: 'quiz-q1 quiz-q2 quiz-q3 quiz-q4 which-block-size-suits-many-small-files-best',
    });
    expect(bank.s.options).toEqual({
      'quiz-q1': 4,
      'quiz-q2': 5,
      'quiz-q3': 3,
      'quiz-q4': 2,
      'which-block-size-suits-many-small-files-best': 2,
    });
    expect(bank.s.multiple).toEqual([['quiz-q2', 2]]);
    expect(Object.fromEntries(bank.result.bundle?.private.keys.map((k) => [k.id, k.correct]) ?? [])).toEqual({
      'quiz-q1': ['c'],
      'quiz-q2': ['d', 'e'],
      'quiz-q3': ['b'],
      'quiz-q4': ['b'],
      'which-block-size-suits-many-small-files-best': ['b'],
    });
  });
  it('keeps Markdown inside the block, turns HTML into text, and drops the summary and the statement', () => {
    // A "#### Answer: C" heading inside the block does not start a question.
    expect(key('quiz-q1')?.explanationHtml).toBe(
      '<p>RAID 1 writes every block to <strong>both</strong> disks.</p>',
    );
    expect(key('quiz-q2')?.explanationHtml).toBe(
      '<p>Both keep a journal, so a crash does not leave the metadata half written.</p>',
    );
    // HTML: tags go (<script> with its content), entities are decoded and escaped again, <pre> is code.
    expect(key('quiz-q3')?.explanationHtml).toBe(
      '<p>Use ls -l &#x26; read the first column: rwx for the owner.</p>\n<pre tabindex="0"><code class="language-sh">ls -l /tmp\n</code></pre>',
    );
    // The answer in the summary itself.
    expect(key('quiz-q4')?.explanationHtml).toBe('<p>A mebibyte is 1,024 kibibytes.</p>');
    // Inside a numbered item, one HTML block with <br>.
    expect(key('which-block-size-suits-many-small-files-best')?.explanationHtml).toBe(
      "<p>Less space is lost in each file's last, partly filled block &#x3C;slack>.</p>",
    );
    for (const k of bank.result.bundle?.private.keys ?? [])
      expect(k.explanationHtml).not.toMatch(/answer|<script/i);
    expect(bank.result.diagnostics.filter((d) => d.rule === 'missing-explanation')).toEqual([]);
  });
  it('reports a stated answer that disagrees with [x] or names a missing option (left out here: unusableQuestions: warn)', () => {
    const skipped = bank.result.diagnostics.filter((d) => d.rule === 'question-skipped');
    expect(skipped.map((d) => [d.file, d.line, d.message])).toEqual([
      [
        'questions/storage-basics/draft.md',
        14,
        "question 'which-protocol-serves-block-storage-over-a-network' marks A [x] but the answer after its options says B; left out (unusableQuestions: warn)",
      ],
      [
        'questions/storage-basics/draft.md',
        26,
        "question 'which-tool-checks-an-ext4-file-system-for-errors': the answer after its options says C, but it has only 2 options; left out (unusableQuestions: warn)",
      ],
    ]);
    const tree = readTree(path.join(BANKS, 'details-answers'));
    const draft = 'questions/storage-basics/draft.md';
    tree.set(draft, (tree.get(draft) ?? '').replace('unusableQuestions: warn', 'difficulty: easy'));
    const strict = compileSources(toSources(tree));
    expect(strict.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, d.line])).toEqual([
      ['question-answer-mismatch', 14],
      ['question-answer-mismatch', 26],
    ]);
  });
});
