/**
 * Compiler fuzzing: random and mutated Markdown, frontmatter and directives — mutations of the
 * real fixture files (byte flips, truncation, fence colon changes, attribute garbage, YAML
 * garbage, huge lines, NUL bytes, deep nesting, line-ending changes) — through compileSources
 * and through the real CLI. Whatever the input:
 * - nothing throws, and no file ends in `internal-error` (the compiler's own failure);
 * - every diagnostic names a file of the run and a valid position in it:
 *   1 ≤ line ≤ lines in the file, 1 ≤ column ≤ length of that line + 1 (ends likewise);
 * - the CLI exits 0 or 1 (never a crash, never a stack trace) and prints one JSON document.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLI, FIXTURES, readTree, SAMPLE_DIR, sampleSources, tempDir } from './__fixtures__/helpers.js';
import { compileFile, compileSources, type Diagnostic, type SourceFile } from './index.js';

/** EXAMDOWN_FUZZ=20 runs 20 times as many cases (a longer local fuzzing session). */
const SCALE = Math.max(1, Number(process.env.EXAMDOWN_FUZZ) || 1);

/** Every Markdown fixture (sample, plain style, one per rule) as path → text. */
const FIXTURE_FILES: Array<{ path: string; text: string }> = [...readTree(FIXTURES)]
  .filter(([file]) => file.endsWith('.md'))
  .map(([file, text]) => ({ path: file, text }));

/** Content-relative path of a fixture inside its tree (drop `sample/`, `rules/<rule>/`, `plain/`). */
function contentPath(fixturePath: string): string {
  return fixturePath.replace(/^(?:rules\/[^/]+|sample|plain)\//, '');
}

/** Lines as unist counts them: \r\n, \r and \n all end a line. */
function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The position contract, checked against the text the diagnostic points into. */
function positionProblems(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.file}:${d.line}:${d.column} [${d.rule}] ${d.message.slice(0, 80)}`;
    if (d.line === undefined) {
      if (d.column !== undefined || d.endLine !== undefined)
        problems.push(`column/end without line: ${where}`);
      continue;
    }
    const text = texts.get(d.file);
    if (text === undefined) {
      problems.push(`position in a file that is not a source: ${where}`);
      continue;
    }
    const all = lines(text);
    const valid = (line: number | undefined, column: number | undefined) =>
      line !== undefined &&
      column !== undefined &&
      Number.isInteger(line) &&
      Number.isInteger(column) &&
      line >= 1 &&
      line <= all.length &&
      column >= 1 &&
      column <= (all[line - 1] as string).length + 1;
    if (!valid(d.line, d.column)) problems.push(`invalid start: ${where}`);
    if (d.endLine !== undefined || d.endColumn !== undefined) {
      if (!valid(d.endLine, d.endColumn)) problems.push(`invalid end ${d.endLine}:${d.endColumn}: ${where}`);
      else if (
        (d.endLine as number) < d.line ||
        (d.endLine === d.line && (d.endColumn as number) < (d.column as number))
      ) {
        problems.push(`end before start ${d.endLine}:${d.endColumn}: ${where}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

type Mutation = (text: string) => string;

const garbage = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '\0',
    '\uFEFF',
    '\r',
    '\t',
    '\u2028',
    '"',
    "'",
    '{',
    '}',
    '#',
    '=',
    '.',
    ':',
    '::',
    ':::',
    '::::',
    '---',
    '- [x] ',
    '- [ ] ',
    '> ',
    '|',
    '`',
    '```',
    '<script>',
    '&amp;',
    '\\',
    '[x]',
    '![',
    '](',
    '*',
    '**',
    '😀',
    'é',
  ),
);

const YAML_GARBAGE = [
  ': [',
  '{',
  '- - -',
  'key: value: other',
  '&anchor x',
  '*alias',
  '<<: *base',
  '!!binary foo',
  '? complex',
  '"unclosed',
  "'unclosed",
  '\t',
  'domains:\n  - id: x\n    weight: NaN',
  'title:\n  nested: deep',
  'title: title',
  '%YAML 1.2',
  '...',
  '---',
  'exams: [a, [b, [c]]]',
  'published: 2026-13-45',
  'questionCount: -1',
  'x: 1e999',
  'lint: { ignore: { negative-stem: } }',
  `k${'y'.repeat(300)}: v`,
];

/** Picks a mutation operator and its parameters. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Byte flips: replace characters at random positions with garbage.
  fc
    .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), garbage), { minLength: 1, maxLength: 6 })
    .map((flips) => (text: string) => {
      let out = text;
      for (const [at, junk] of flips) {
        const i = Math.floor(at * out.length);
        out = out.slice(0, i) + junk + out.slice(i + 1);
      }
      return out;
    }),
  // Truncation anywhere (mid-line, mid-fence, mid-frontmatter).
  fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((at) => (text: string) => text.slice(0, Math.floor(at * text.length))),
  // Fence colon changes: every run of 2+ colons gets a random length.
  fc
    .array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 8 })
    .map((lengths) => (text: string) => {
      let k = 0;
      return text.replace(/:{2,}/g, () => ':'.repeat(lengths[k++ % lengths.length] as number));
    }),
  // Attribute garbage inside {…} of directives.
  fc.tuple(garbage, fc.string({ maxLength: 20 })).map(
    ([a, b]) =>
      (text: string) =>
        text.replace(/\{([^}\n]*)\}/, `{$1 ${a}${b}}`),
  ),
  fc.constantFrom(
    (t: string) => t.replace(/\{#/, '{#Bad_Id '),
    (t: string) => t.replace(/\{([^}\n]*)\}/, '{$1 domain="unclosed}'),
    (t: string) => t.replace(/\{([^}\n]*)\}/, '{$1'),
    (t: string) => t.replace(/\{([^}\n]*)\}/, `{${'a=b '.repeat(200)}}`),
    (t: string) =>
      t.replace(/\{([^}\n]*)\}/, '{#a #b .c .d e=1 e=2 difficulty=impossible ignore="x y" reason=}'),
  ),
  // YAML garbage inside (or instead of) the frontmatter.
  fc
    .tuple(fc.constantFrom(...YAML_GARBAGE), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([junk, at]) => (text: string) => {
      const end = text.indexOf('\n---', 4);
      if (!text.startsWith('---') || end === -1) return `---\n${junk}\n---\n${text}`;
      const i = 4 + Math.floor(at * (end - 4));
      return `${text.slice(0, i)}${junk}\n${text.slice(i)}`;
    }),
  // Huge lines.
  fc
    .tuple(
      fc.constantFrom('a', 'word ', '*', '[', ':', '|', '`', '- ', '#', '\\'),
      fc.integer({ min: 2_000, max: 20_000 }),
    )
    .map(([unit, n]) => (text: string) => {
      const i = text.indexOf('\n', Math.floor(text.length / 2));
      const line = unit.repeat(Math.ceil(n / unit.length));
      return i === -1 ? `${text}\n${line}` : `${text.slice(0, i)}\n${line}${text.slice(i)}`;
    }),
  // NUL bytes.
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (text: string) => {
    const i = Math.floor(at * text.length);
    return `${text.slice(0, i)}\0${text.slice(i)}`;
  }),
  // Deep nesting: blockquotes, lists, directives, brackets, emphasis. Some go past the
  // nesting limit (nesting-too-deep); sizes stay moderate because several constructs cost the
  // parser quadratic time (20,000 '*' take half a minute: the parser's cost, not a crash).
  fc
    .tuple(
      fc.constantFrom(
        (n: number) => `${'> '.repeat(n * 4)}deep\n`,
        (n: number) => `${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`,
        (n: number) =>
          `${Array.from({ length: n >> 1 }, (_, i) => `${':'.repeat((n >> 1) + 3 - i)}question{#q${i} domain=x}`).join('\n')}\n` +
          `${Array.from({ length: n >> 1 }, (_, i) => ':'.repeat(i + 4)).join('\n')}\n`,
        (n: number) => `${'['.repeat(n * 4)}x${']'.repeat(n * 4)}\n`,
        (n: number) => `${'*'.repeat(n)}x${'*'.repeat(n)}\n`,
        (n: number) => `${'- [x] '.repeat(n)}option\n`,
        (n: number) => `${'1. '.repeat(n)}numbered\n`,
        (n: number) => `${'> - '.repeat(n)}x\n`,
      ),
      fc.integer({ min: 5, max: 130 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([make, n, at]) => (text: string) => {
      const i = text.indexOf('\n', Math.floor(at * text.length));
      return i === -1 ? `${text}\n${make(n)}` : `${text.slice(0, i + 1)}${make(n)}${text.slice(i + 1)}`;
    }),
  // Line endings and byte-order mark.
  fc.constantFrom(
    (t: string) => t.replace(/\n/g, '\r\n'),
    (t: string) => t.replace(/\n/g, '\r'),
    (t: string) => `\uFEFF${t}`,
    (t: string) => t.replace(/ {2}/g, '\t'),
    (t: string) => t.replace(/\n\n/g, '\n'),
    (t: string) => t.replace(/- \[[ x]\]/g, '- [X]'),
  ),
);

/** A fixture, mutated 1–4 times, at its content path (or a random kind's path). */
const mutatedSource: fc.Arbitrary<SourceFile> = fc
  .tuple(
    fc.constantFrom(...FIXTURE_FILES),
    fc.array(mutation, { minLength: 1, maxLength: 4 }),
    fc.constantFrom(
      undefined,
      'exams/fuzz.md',
      'guides/fuzz.md',
      'questions/sample-cert/fuzz.md',
      'questions/fuzz.md',
    ),
  )
  .map(([fixture, mutations, at]) => ({
    path: at ?? contentPath(fixture.path),
    text: mutations.reduce((text, mutate) => mutate(text), fixture.text),
  }));

/** Markdown-ish noise from fragments of the format. */
const randomSource: fc.Arbitrary<SourceFile> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom(
          '---\n',
          'title: x\n',
          'domain: monitoring\n',
          '::::question{#fuzz-a domain=monitoring}\n',
          ':::question{#fuzz-b}\n',
          '::question{#sample-drift-first-step}\n',
          ':::explanation\n',
          ':::faq\n',
          ':::\n',
          '::::\n',
          '- [x] yes\n',
          '- [ ] no\n',
          '  > why\n',
          '### Q?\n',
          '1. numbered\n',
          '| a | b |\n|---|---|\n| 1 | 2 |\n',
          'key:value text\n',
          'Explanation: because\n',
          '```js\ncode\n```\n',
          '\n',
          '{#',
          '"',
          ': [',
        ),
        garbage,
      ),
      { maxLength: 40 },
    ),
    fc.constantFrom('exams/fuzz.md', 'guides/fuzz.md', 'questions/sample-cert/fuzz.md'),
  )
  .map(([pieces, file]) => ({ path: file, text: pieces.join('') }));

function assertSound(sources: SourceFile[], fuzzed: readonly SourceFile[]): void {
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  // The per-file phase on its own: positions as each rule computes them.
  for (const source of fuzzed) {
    const raw = compileFile(source).diagnostics;
    expect(raw.filter((d) => d.rule === 'internal-error')).toEqual([]);
    expect(positionProblems(raw, new Map([[source.path, source.text]]))).toEqual([]);
  }
  const result = compileSources(sources);
  expect(result.diagnostics.filter((d) => d.rule === 'internal-error')).toEqual([]);
  expect(positionProblems(result.diagnostics, texts)).toEqual([]);
  expect(result.errors > 0).toBe(result.bundle === undefined);
}

describe('fuzzing compileSources', () => {
  it('mutated fixtures: no exception, no internal error, every position valid', () => {
    fc.assert(
      fc.property(fc.array(mutatedSource, { minLength: 1, maxLength: 3 }), (mutated) => {
        // Later sources replace earlier ones at the same path, as on disk.
        const byPath = new Map(sampleSources().map((s) => [s.path, s]));
        for (const source of mutated) byPath.set(source.path, source);
        assertSound([...byPath.values()], mutated);
      }),
      { numRuns: 150 * SCALE },
    );
  });

  it('random Markdown-ish sources in every kind of file', () => {
    fc.assert(
      fc.property(randomSource, (source) => {
        const byPath = new Map(sampleSources().map((s) => [s.path, s]));
        byPath.set(source.path, source);
        assertSound([...byPath.values()], [source]);
      }),
      { numRuns: 120 * SCALE },
    );
  });
});

describe('fuzzing the CLI', () => {
  it('exits 0 or 1 with one JSON document and valid positions, never a crash', () => {
    // A few runs only: each spawns the real CLI on a copy of the sample with mutated files.
    fc.assert(
      fc.property(
        fc.array(mutatedSource, { minLength: 2, maxLength: 6 }),
        fc.boolean(),
        (mutated, asBytes) => {
          const dir = path.join(tempDir(), 'content');
          cpSync(SAMPLE_DIR, dir, { recursive: true });
          for (const source of mutated) {
            mkdirSync(path.dirname(path.join(dir, source.path)), { recursive: true });
            // Sometimes as Latin-1 bytes, so invalid UTF-8 reaches the loader too.
            writeFileSync(
              path.join(dir, source.path),
              asBytes ? Buffer.from(source.text, 'latin1') : source.text,
            );
          }
          for (const command of ['check', 'build']) {
            const args =
              command === 'check'
                ? ['check', '.', '--format', 'json']
                : ['build', '.', '--out', 'out', '--format', 'json'];
            const run = spawnSync(process.execPath, [CLI, ...args], {
              cwd: dir,
              encoding: 'utf8',
              maxBuffer: 256 * 2 ** 20,
            });
            expect(run.stderr).not.toMatch(/\n\s+at /);
            expect([0, 1]).toContain(run.status);
            if (command !== 'check') continue;
            const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
            expect(report.diagnostics.filter((d) => d.rule === 'internal-error')).toEqual([]);
            // Positions refer to the decoded text (file-unreadable: up to the bad byte).
            const texts = new Map<string, string>();
            for (const d of report.diagnostics) {
              if (texts.has(d.file) || d.file === '.') continue;
              try {
                texts.set(
                  d.file,
                  new TextDecoder('utf-8')
                    .decode(readFileSync(path.join(dir, d.file)))
                    .replace(/^\uFEFF/, ''),
                );
              } catch {
                // a diagnostic about a file that cannot be read has no position to check
              }
            }
            expect(positionProblems(report.diagnostics, texts)).toEqual([]);
            expect(run.status).toBe(report.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
          }
        },
      ),
      { numRuns: 3 * SCALE },
    );
  });
});
