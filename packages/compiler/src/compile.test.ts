/** The pipeline through its public API: what the bundle of the sample content looks like. */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIXTURES,
  readTree,
  SAMPLE_DIR,
  sampleSources,
  shuffled,
  tempDir,
  toSources,
} from './__fixtures__/helpers.js';
import { buildBundle } from './bundle/build.js';
import { serializeBundle } from './bundle/write.js';
import { canonicalJson, compileContent, compileFile, compileSources, linkFiles } from './index.js';
import { PrivateBundle, PublicBundle } from './schema/index.js';

function sampleBundle() {
  const result = compileSources(sampleSources());
  expect(result.diagnostics).toEqual([]);
  if (!result.bundle) throw new Error('no bundle');
  return result.bundle;
}

describe('the sample bundle', () => {
  it('validates against the bundle schemas', () => {
    const bundle = sampleBundle();
    expect(() => PublicBundle.parse(bundle.public)).not.toThrow();
    expect(() => PrivateBundle.parse(bundle.private)).not.toThrow();
    expect(bundle.public.manifest.counts).toEqual({ exams: 1, guides: 1, questions: 5 });
    expect(bundle.public.manifest.generator).toMatch(/^examdown \d+\.\d+\.\d+/);
  });

  it('lists question ids per exam and domain, sorted', () => {
    expect(sampleBundle().public.manifest.questionsByExam).toEqual({
      'sample-cert': {
        monitoring: ['sample-drift-first-step', 'sample-guide-psi-major', 'sample-monitoring-tables'],
        training: ['sample-distributed-choices', 'sample-zero-stage-3'],
      },
    });
  });

  it('turns the exam frontmatter into the blueprint', () => {
    const [exam] = sampleBundle().public.exams;
    expect(exam).toMatchObject({
      id: 'sample-cert',
      questionCount: 4,
      passingScore: 70,
      fee: { amount: 50, currency: 'USD', note: 'excluding tax' },
      scoring: { multipleSelect: 'all-or-nothing' },
      guides: ['sample-cert-guide'],
      descriptionHtml: '<p>The sample exam checks <strong>two</strong> domains.</p>',
      source: 'exams/sample-cert.md:1',
    });
    expect(exam?.domains.map((d) => [d.id, d.weight])).toEqual([
      ['monitoring', 50],
      ['training', 50],
    ]);
  });

  it('splits a question into a public form and a private key', () => {
    const bundle = sampleBundle();
    const question = bundle.public.questions.find((q) => q.id === 'sample-drift-first-step');
    expect(question).toEqual({
      id: 'sample-drift-first-step',
      exam: 'sample-cert',
      domain: 'monitoring',
      topics: ['drift'],
      difficulty: 'medium',
      type: 'single',
      selectCount: 1,
      stemHtml:
        '<p>Monthly monitoring shows accuracy fell 15% and the input distribution moved.\nWhat should the engineer do <strong>first</strong>?</p>',
      options: [
        { id: 'a', html: 'Retrain at once on all historical data from the warehouse' },
        { id: 'b', html: 'Compute PSI per feature' },
        { id: 'c', html: "Double the serving endpoint's compute budget" },
        { id: 'd', html: 'Roll back' },
      ],
      source: 'questions/sample-cert/core.md:6',
    });
    expect(bundle.private.keys.find((k) => k.id === 'sample-drift-first-step')).toEqual({
      id: 'sample-drift-first-step',
      correct: ['b'],
      rationales: { a: 'Retraining without knowing which inputs moved rarely fixes the cause.' },
      explanationHtml:
        '<p>Identify the drifting features first: PSI per feature shows which inputs moved.</p>',
    });
  });

  it('makes several [x] a multiple-select question with a select count', () => {
    const bundle = sampleBundle();
    const question = bundle.public.questions.find((q) => q.id === 'sample-distributed-choices');
    expect(question).toMatchObject({ type: 'multiple', selectCount: 2 });
    expect(bundle.private.keys.find((k) => k.id === 'sample-distributed-choices')?.correct).toEqual([
      'a',
      'b',
    ]);
  });

  it('renders the guide: sanitized, tables kept, heading anchors, toc h2–h3, placeholders, FAQ', () => {
    const [guide] = sampleBundle().public.guides;
    if (!guide) throw new Error('no guide');
    expect(guide.html).not.toContain('<script');
    expect(guide.html).toContain('<table>');
    expect(guide.html).toContain('<td>10 minutes</td>');
    expect(guide.html).toContain('<h2 id="domain-1-monitoring">Domain 1: Monitoring</h2>');
    expect(guide.html).toContain(
      '<div class="examdown-question" data-question-id="sample-guide-psi-major"></div>',
    );
    expect(guide.html).toContain(
      '<div class="examdown-question" data-question-id="sample-zero-stage-3"></div>',
    );
    expect(guide.html).toContain('<section class="examdown-faq"><h3 id="how-long-should-i-prepare">');
    // Nothing of the inline question's key leaks into the guide's HTML.
    expect(guide.html).not.toContain('Above 0.25 the distribution');
    expect(guide.html).not.toContain('Below 0.1');
    expect(guide.toc).toEqual([
      { depth: 2, id: 'exam-facts', text: 'Exam facts' },
      { depth: 2, id: 'domain-1-monitoring', text: 'Domain 1: Monitoring' },
      { depth: 3, id: 'drift-thresholds', text: 'Drift thresholds' },
      { depth: 2, id: 'domain-2-training', text: 'Domain 2: Training' },
      { depth: 2, id: 'faq', text: 'FAQ' },
    ]);
    expect(guide.faq).toEqual([
      {
        id: 'how-long-should-i-prepare',
        question: 'How long should I prepare?',
        answerHtml: '<p>About <strong>two weeks</strong>.</p>',
      },
      { id: 'is-there-a-lab', question: 'Is there a lab?', answerHtml: '<p>No.</p>' },
    ]);
    expect(guide.questionIds).toEqual(['sample-guide-psi-major', 'sample-zero-stage-3']);
    expect(guide.readingMinutes).toBe(1);
    expect(guide).toMatchObject({ slug: 'sample-cert-guide', published: '2026-03-21', locale: 'en' });
  });

  it('defines guide questions with the guide’s first exam as default', () => {
    const question = sampleBundle().public.questions.find((q) => q.id === 'sample-guide-psi-major');
    expect(question).toMatchObject({
      exam: 'sample-cert',
      domain: 'monitoring',
      topics: ['drift', 'psi'],
      source: 'guides/sample-cert-guide.md:29',
    });
  });

  it('counts reading time at 220 words a minute', () => {
    const sources = sampleSources().map((s) =>
      s.path.startsWith('guides/') ? { ...s, text: `${s.text}\n${'word '.repeat(500)}\n` } : s,
    );
    const guide = compileSources(sources).bundle?.public.guides[0];
    expect(guide?.readingMinutes).toBeGreaterThanOrEqual(3);
  });

  it('hashes the canonical JSON of exams, guides, questions and keys', () => {
    const bundle = sampleBundle();
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          exams: bundle.public.exams,
          guides: bundle.public.guides,
          questions: bundle.public.questions,
          keys: bundle.private.keys,
        }),
      )
      .digest('hex');
    expect(bundle.public.manifest.contentHash).toBe(expected);
    expect(bundle.private.contentHash).toBe(expected);
    const changed = sampleSources().map((s) => ({ ...s, text: s.text.replace('Roll back', 'Roll it back') }));
    expect(compileSources(changed).bundle?.public.manifest.contentHash).not.toBe(expected);
  });
});

describe('private answers never reach public/', () => {
  it('no correct flags, rationales or explanations anywhere in the public files', () => {
    const bundle = sampleBundle();
    const files = serializeBundle(bundle);
    const publicText = Object.entries(files)
      .filter(([name]) => name.startsWith('public/'))
      .map(([, text]) => text)
      .join('\n');
    for (const key of ['"correct"', '"rationales"', '"explanationHtml"', 'checked']) {
      expect(publicText).not.toContain(key);
    }
    for (const key of bundle.private.keys) {
      for (const rationale of Object.values(key.rationales)) expect(publicText).not.toContain(rationale);
      if (key.explanationHtml) {
        const sentence = key.explanationHtml.replace(/<[^>]+>/g, '').slice(0, 40);
        expect(publicText).not.toContain(sentence);
      }
    }
  });
});

describe('determinism', () => {
  it('gives byte-identical files whatever the source order', () => {
    const sources = sampleSources();
    const a = serializeBundle(compileSources(sources).bundle ?? expect.fail('no bundle'));
    for (const seed of [1, 2, 3]) {
      const b = serializeBundle(compileSources(shuffled(sources, seed)).bundle ?? expect.fail('no bundle'));
      expect(b).toEqual(a);
    }
  });

  it('writes compact JSON plus a newline', () => {
    const files = serializeBundle(sampleBundle());
    expect(Object.keys(files).sort()).toEqual([
      'private/keys.json',
      'public/exams.json',
      'public/guides.json',
      'public/manifest.json',
      'public/questions.json',
    ]);
    for (const text of Object.values(files)) {
      expect(text.endsWith('}\n') || text.endsWith(']\n')).toBe(true);
      expect(text.split('\n')).toHaveLength(2);
    }
  });
});

describe('the per-file phase', () => {
  it('returns plain data: a JSON round trip (a cache, a worker thread) links to the same bundle', () => {
    const direct = sampleSources().map((source) => compileFile(source));
    const revived = JSON.parse(JSON.stringify(direct)) as typeof direct;
    const a = buildBundle(linkFiles(direct).model, 'examdown test');
    const b = buildBundle(linkFiles(revived).model, 'examdown test');
    expect(serializeBundle(b)).toEqual(serializeBundle(a));
  });
});

describe('the plain style of public question banks', () => {
  const sources = toSources(new Map([...readTree(SAMPLE_DIR), ...readTree(path.join(FIXTURES, 'plain'))]));
  const result = compileSources(sources);
  const plain = (id: string) => ({
    question: result.bundle?.public.questions.find((q) => q.id === id),
    key: result.bundle?.private.keys.find((k) => k.id === id),
  });

  it('compiles without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('reads a heading + task list + "Explanation:" paragraph; the id is the kebab stem, at most 64 chars', () => {
    // Longer than 64 characters: cut at a word, plus a hash of the stem (issue 14: long shared
    // openings must not collide).
    const { question, key } = plain('which-psi-value-indicates-major-drift-according-to-the-89bc8f');
    expect(question).toMatchObject({
      domain: 'monitoring',
      difficulty: 'easy',
      stemHtml:
        '<p>Which PSI value indicates major drift, according to the usual rule of thumb used by monitoring teams?</p>',
      options: [
        { id: 'a', html: '0.05' },
        { id: 'b', html: '0.15' },
        { id: 'c', html: '0.30' },
      ],
      source: 'questions/sample-cert/public-bank.md:10',
    });
    expect(key).toMatchObject({
      correct: ['c'],
      explanationHtml: '<p>above 0.25 the distribution has shifted substantially.</p>',
    });
  });

  it('keeps accidental text directives (ratio:high, key:value) as the text the author wrote', () => {
    const { question, key } = plain('what-does-the-log-line-ratio-high-report');
    expect(question?.stemHtml).toBe('<p>What does the log line ratio:high report?</p>');
    expect(question?.options[0]?.html).toBe('A key:value pair');
    expect(key?.explanationHtml).toBe('<p>It is plain text, not a directive.</p>');
  });

  it('reads numbered questions with nested or following options', () => {
    expect(plain('which-zero-stage-partitions-parameters').key).toMatchObject({
      correct: ['b'],
      explanationHtml: '<p>stage 3 partitions parameters.</p>',
    });
    expect(plain('which-two-metrics-measure-drift')).toMatchObject({
      question: { type: 'multiple', selectCount: 2 },
      key: { correct: ['a', 'b'], explanationHtml: '<p>PSI and KS compare distributions.</p>' },
    });
  });
});

describe('option HTML', () => {
  it('is inline for one paragraph and block HTML otherwise; rationales are inline too', () => {
    const bank = `---
domain: monitoring
---

::::question{#html-option-shapes}
Pick one.

- [x] Use \`TorchDistributor\` with **two** nodes
  > Because *it* scales.
- [ ] First paragraph.

  Second paragraph.

:::explanation
Why.
:::
::::
`;
    const result = compileSources([
      ...sampleSources(),
      { path: 'questions/sample-cert/html.md', text: bank },
    ]);
    expect(result.diagnostics).toEqual([]);
    const question = result.bundle?.public.questions.find((q) => q.id === 'html-option-shapes');
    expect(question?.options).toEqual([
      { id: 'a', html: 'Use <code>TorchDistributor</code> with <strong>two</strong> nodes' },
      { id: 'b', html: '<p>First paragraph.</p>\n<p>Second paragraph.</p>' },
    ]);
    const key = result.bundle?.private.keys.find((k) => k.id === 'html-option-shapes');
    expect(key?.rationales).toEqual({ a: 'Because <em>it</em> scales.' });
  });
});

describe('malformed input never throws', () => {
  it('content-empty for no sources at all', () => {
    const result = compileSources([]);
    expect(result.diagnostics).toEqual([
      {
        file: '.',
        severity: 'error',
        rule: 'content-empty',
        message: 'no content: expected Markdown files under exams/, guides/ and questions/<exam-id>/',
      },
    ]);
  });

  it('content-empty for an empty directory and for Markdown outside the structure', async () => {
    const empty = tempDir();
    expect(
      (await compileContent(empty, { root: 'content' })).diagnostics.map((d) => [d.file, d.rule]),
    ).toEqual([['content', 'content-empty']]);
    writeFileSync(path.join(empty, 'README.md'), '# not content\n');
    expect((await compileContent(empty)).diagnostics.map((d) => d.rule)).toEqual(['content-empty']);
  });

  it('file-unreadable for binary junk and invalid UTF-8, at the bad byte', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'guides'));
    mkdirSync(path.join(dir, 'exams'));
    writeFileSync(path.join(dir, 'guides/binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(path.join(dir, 'exams/latin1.md'), Buffer.from('---\ntitle: caf\xe9\n', 'latin1'));
    const result = await compileContent(dir);
    expect(
      result.diagnostics.map(({ file, line, column, rule, message }) => ({
        file,
        line,
        column,
        rule,
        message,
      })),
    ).toEqual([
      {
        file: 'exams/latin1.md',
        line: 2,
        column: 11,
        rule: 'file-unreadable',
        message: 'invalid UTF-8 (byte 0xe9 at offset 14); save the file as UTF-8',
      },
      {
        file: 'guides/binary.md',
        line: 1,
        column: 1,
        rule: 'file-unreadable',
        message: 'binary data (a NUL byte at offset 4); Markdown sources must be UTF-8 text',
      },
    ]);
    expect(result.files).toBe(2);
  });

  it('reports a compiler failure as internal-error on the file', () => {
    const poisoned = {
      toString(): string {
        throw new Error('boom');
      },
    } as unknown as string;
    const broken = compileFile({ path: 'guides/x.md', text: poisoned });
    expect(broken.diagnostics).toEqual([
      {
        file: 'guides/x.md',
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'internal-error',
        message: 'internal compiler error: boom',
      },
    ]);
  });

  it('survives arbitrary Markdown-ish text in every kind of file', () => {
    const pieces = [
      '---\n',
      'title: x\n',
      '::::question{#a domain=b}\n',
      ':::explanation\n',
      ':::\n',
      '::::\n',
      '- [x] yes\n',
      '- [ ] no\n',
      '  > why\n',
      ':::faq\n',
      '### Q?\n',
      '::question{#a}\n',
      '1. numbered\n',
      '| a | b |\n|---|---|\n',
      'key:value text\n',
      '\n',
      '{#',
      '"',
      ': [',
    ];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 30 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('exams/e.md', 'guides/g.md', 'questions/e/b.md'), (source, file) => {
        const result = compileSources([...sampleSources(), { path: file, text: source }]);
        expect(result.diagnostics.filter((d) => d.rule === 'internal-error')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
