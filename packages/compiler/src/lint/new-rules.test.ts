/**
 * The rules of issue 14 beyond their one-diagnostic fixtures (rules.test.ts): near-duplicate
 * questions report both places; each rule has inputs that must not fire; local assets are
 * copied or reported missing; derived ids stay put when other questions change.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleSources, tempDir, tempSample } from '../__fixtures__/helpers.js';
import { compileContent, compileSources, type SourceFile } from '../index.js';

const bank = (name: string, body: string): SourceFile => ({
  path: `questions/sample-cert/${name}.md`,
  text: `---\ndomain: monitoring\n---\n\n${body}`,
});

const question = (id: string, stem: string, options: string[], correct = 0) =>
  [
    `::::question{#${id}}`,
    stem,
    '',
    ...options.map((o, i) => `- [${i === correct ? 'x' : ' '}] ${o}`),
    '',
    ':::explanation',
    'Because the scenario says so.',
    ':::',
    '::::',
    '',
  ].join('\n');

const rules = (extra: SourceFile[]) =>
  compileSources([...sampleSources(), ...extra]).diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`);

const STEM =
  'A retail team stores raw click events in object storage and wants to query them with SQL without loading them into a warehouse first. Which service fits best?';
const OPTIONS = ['A serverless SQL engine over the bucket', 'A relational database', 'A key-value store'];

describe('near-duplicate-question', () => {
  it('reports both questions, each naming the other', () => {
    const result = compileSources([
      ...sampleSources(),
      bank(
        'dups',
        question('dup-a', STEM, OPTIONS) + question('dup-b', STEM.replace('wants to', 'needs to'), OPTIONS),
      ),
    ]);
    const found = result.diagnostics.filter((d) => d.rule === 'near-duplicate-question');
    expect(found.map((d) => [d.file, d.line, d.column])).toEqual([
      ['questions/sample-cert/dups.md', 5, 1],
      ['questions/sample-cert/dups.md', 16, 1],
    ]);
    expect(found[0]?.message).toMatch(
      /^question 'dup-a' is \d+% the same as 'dup-b' \(questions\/sample-cert\/dups\.md:16\)/,
    );
    expect(found[1]?.message).toContain('(questions/sample-cert/dups.md:5)');
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('does not fire for questions that share a long opening but ask different things', () => {
    const other =
      'A retail team stores raw click events in object storage and must delete them after thirty days to meet a retention rule. What should they configure?';
    const extra = bank(
      'similar',
      question('open-a', STEM, OPTIONS) +
        question('open-b', other, [
          'A lifecycle rule on the bucket',
          'Object versioning',
          'Cross-region replication',
        ]),
    );
    expect(rules([extra]).filter((r) => r.startsWith('near-duplicate'))).toEqual([]);
  });

  it("is silenced for the bank in a bank file's frontmatter, with a reason", () => {
    const extra = bank('dups', question('dup-a', STEM, OPTIONS) + question('dup-c', STEM, OPTIONS));
    extra.text = extra.text.replace(
      'domain: monitoring',
      'domain: monitoring\nlint: { ignore: { near-duplicate-question: "two phrasings of one item, on purpose" } }',
    );
    expect(rules([extra])).toEqual([]);
  });
});

describe('image-alt-text in a guide', () => {
  it('checks images in the guide text too', () => {
    const sources = sampleSources().map((s) =>
      s.path === 'guides/sample-cert-guide.md'
        ? { ...s, text: `${s.text}\n![screenshot](https://example.org/a.png)\n` }
        : s,
    );
    const found = compileSources(sources).diagnostics.filter((d) => d.rule === 'image-alt-text');
    expect(found.map((d) => [d.file, d.severity])).toEqual([['guides/sample-cert-guide.md', 'warning']]);
  });
});

describe('rules that must not fire', () => {
  it('absolute-word-cue: absolute words in code, or in correct options as often as in wrong ones', () => {
    const exam = {
      path: 'exams/cue-exam.md',
      text: '---\ntitle: Cue Exam\nvendor: Examdown\nquestionCount: 2\ndurationMinutes: 10\npassingScore: 50\nlanguages: [English]\ndomains:\n  - id: cues\n    name: Cues\n    weight: 100\n---\n',
    };
    const qs = Array.from({ length: 6 }, (_, i) =>
      question(
        `calm-q${i}`,
        `Which setting applies in case ${i}?`,
        i % 2 === 0
          ? ['It always applies to new rows', 'Set `never_expire` to true', 'Use `only_once` mode']
          : ['Set `always_on` in the config', 'It never applies to old rows', 'A plain option here'],
        0,
      ),
    );
    const cueBank = { path: 'questions/cue-exam/bank.md', text: `---\ndomain: cues\n---\n\n${qs.join('')}` };
    expect(rules([exam, cueBank]).filter((r) => r.startsWith('absolute-word-cue'))).toEqual([]);
  });

  it('image-alt-text: alt text that says what the image shows', () => {
    const stem =
      'The chart shows the PSI of one feature.\n\n![PSI of feature x rises above 0.25 in week three](https://example.org/p.png)';
    expect(rules([bank('alt', question('alt-ok', stem, ['Week three', 'Week one']))])).toEqual([]);
  });

  it('question-choose-count: "select all that apply" and a matching count', () => {
    const extra = bank(
      'counts',
      question('count-any', 'Which metrics compare distributions? Select all that apply.', [
        'PSI',
        'Accuracy',
      ]) +
        question('count-two', 'Which two compare distributions? (Choose two.)', [
          'PSI',
          'KS',
          'Accuracy',
        ]).replace('- [ ] KS', '- [x] KS'),
    );
    expect(rules([extra])).toEqual([]);
  });
});

describe('local assets', () => {
  it('copies a referenced image into the bundle under its content hash and reports a missing one', async () => {
    const dir = tempSample();
    mkdirSync(path.join(dir, 'questions', 'sample-cert', 'img'), { recursive: true });
    writeFileSync(
      path.join(dir, 'questions', 'sample-cert', 'img', 'chart.png'),
      Buffer.from('not really a png'),
    );
    const stem = 'Which week?\n\n![PSI crosses 0.25 in week three](img/chart.png)';
    writeFileSync(
      path.join(dir, 'questions', 'sample-cert', 'img.md'),
      bank('img', question('img-q', stem, ['3', '1'])).text,
    );
    const good = await compileContent(dir, { root: '.' });
    expect(good.errors).toBe(0);
    const names = Object.keys(good.output?.assets ?? {});
    expect(names).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.png$/)]);
    const q = good.bundle?.public.questions.find((x) => x.id === 'img-q');
    expect(q?.stemHtml).toContain(`src="/api/v1/assets/${names[0]}"`);

    writeFileSync(
      path.join(dir, 'questions', 'sample-cert', 'img.md'),
      bank('img', question('img-q', stem.replace('chart', 'charts'), ['3', '1'])).text,
    );
    const bad = await compileContent(dir, { root: '.' });
    expect(bad.diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([
      ['asset-missing', 'questions/sample-cert/img.md', 8, 1],
    ]);
    expect(bad.diagnostics[0]?.message).toBe(
      "'img/charts.png' questions/sample-cert/img/charts.png does not exist: add the file next to the Markdown or fix the path",
    );
  });

  it('writes no assets directory for content without local files', async () => {
    const result = await compileContent(tempDir(), { root: '.' });
    expect(result.output?.assets ?? {}).toEqual({});
  });
});

describe('derived ids', () => {
  it('stay the same when other questions of the bank change', () => {
    const text = (second: string) =>
      `### ${STEM}\n\n- [x] One\n- [ ] Two\n\n### ${second}\n\n- [x] Three\n- [ ] Four\n`;
    const ids = (second: string) =>
      compileSources([...sampleSources(), bank('plain', text(second))])
        .bundle?.public.questions.map((q) => q.id)
        .filter((id) => !id.startsWith('sample')) ?? [];
    const before = ids(`${STEM.slice(0, 90)} and keeps a copy for a year. Which service fits best?`);
    const after = ids(`${STEM.slice(0, 90)} and keeps a copy for two years. Which service fits best?`);
    expect(before).toHaveLength(2);
    expect(new Set(before).size).toBe(2);
    expect(after).toContain(before.find((id) => after.includes(id)));
    expect(before.filter((id) => after.includes(id))).toHaveLength(1);
  });
});
