/**
 * The fast pipeline (prepared per-file JSON, caches, worker threads, checkpointed hashing)
 * must write exactly the bytes of the reference pipeline (compileFile → linkFiles →
 * buildBundle → serializeBundle), whatever is cached, wherever it ran.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FIXTURES,
  readTree,
  SAMPLE_DIR,
  sampleSources,
  sampleWith,
  shuffled,
  tempDir,
  toSources,
} from './__fixtures__/helpers.js';
import { hashChunks, newHashMemo } from './bundle/assemble.js';
import { buildBundle } from './bundle/build.js';
import { serializeBundle } from './bundle/write.js';
import { readEntry } from './cache/entry.js';
import {
  type CompileResult,
  compileContent,
  compileFile,
  compileSources,
  FileCache,
  GENERATOR,
  linkFiles,
  outputToStrings,
  type SourceFile,
} from './index.js';
import { monteCarloPValue, SIGNIFICANCE } from './lint/answer-position-cluster.js';
import { seededRandom } from './shared/random.js';

function reference(sources: readonly SourceFile[]): Record<string, string> {
  const results = sources.map((source) => compileFile(source));
  return serializeBundle(buildBundle(linkFiles(results).model, GENERATOR));
}

function files(result: CompileResult): Record<string, string> {
  if (!result.output) throw new Error(`no bundle: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  return outputToStrings(result.output);
}

const PLAIN = toSources(new Map([...readTree(SAMPLE_DIR), ...readTree(path.join(FIXTURES, 'plain'))]));
/** Rule fixtures that only warn: they still build a bundle. */
const WARNING_RULES = [
  'all-none-of-the-above',
  'answer-position-cluster',
  'duplicate-option',
  'lint-ignore-without-reason',
  'lint-unknown-rule',
  'longest-correct-option',
  'missing-explanation',
  'negative-stem',
];

describe('the prepared pipeline writes the bytes of buildBundle + serializeBundle', () => {
  it.each([
    ['sample', sampleSources()],
    ['sample + plain-style bank', PLAIN],
    ...WARNING_RULES.map((rule): [string, SourceFile[]] => [rule, sampleWith(rule)]),
  ])('%s', (_name, sources) => {
    expect(files(compileSources(sources))).toEqual(reference(sources));
  });

  it('for shuffled and edited content (property)', () => {
    const words = fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,30}$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(words, { minLength: 1, maxLength: 4 }),
        (seed, edits) => {
          let k = 0;
          const sources = shuffled(PLAIN, seed).map((s) => ({
            ...s,
            // Replace some option and stem words: content changes, validity does not.
            text: s.text.replace(
              /Roll back|Compute PSI per feature|Which PSI value|0\.30|two weeks/g,
              () => edits[k++ % edits.length] as string,
            ),
          }));
          const fast = compileSources(sources);
          if (fast.errors > 0) return;
          expect(files(fast)).toEqual(reference(sources));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the per-file cache', () => {
  const edit = (sources: SourceFile[], file: string, from: string, to: string) =>
    sources.map((s) => (s.path === file ? { ...s, text: s.text.replace(from, to) } : s));

  it('in memory: cached builds equal uncached ones and recompile only what changed', () => {
    const cache = new FileCache();
    const sources = PLAIN;
    const first = compileSources(sources, { cache });
    expect(cache.stats).toMatchObject({ misses: sources.length, memoryHits: 0 });
    const second = compileSources(sources, { cache });
    expect(cache.stats).toMatchObject({ misses: 0, memoryHits: sources.length });
    expect(files(second)).toEqual(files(first));
    expect(second.timings.compiled).toBe(0);

    const edited = edit(sources, 'questions/sample-cert/core.md', 'Roll back', 'Roll it back');
    const third = compileSources(edited, { cache });
    expect(cache.stats).toMatchObject({ misses: 1, memoryHits: sources.length - 1 });
    expect(files(third)).toEqual(files(compileSources(edited)));
    expect(files(third)).not.toEqual(files(first));
    // Diagnostics come from the cache too.
    const broken = edit(sources, 'questions/sample-cert/core.md', '- [x]', '- [ ]');
    expect(compileSources(broken, { cache }).diagnostics).toEqual(compileSources(broken).diagnostics);
    expect(compileSources(broken, { cache }).diagnostics.length).toBeGreaterThan(0);
  });

  it('the bundle object equals the parsed files; after an edit only the edited file is parsed again', () => {
    const cache = new FileCache();
    const first = compileSources(PLAIN, { cache });
    const parsed = (result: CompileResult) => {
      const text = files(result);
      return {
        public: {
          manifest: JSON.parse(text['public/manifest.json'] ?? ''),
          exams: JSON.parse(text['public/exams.json'] ?? ''),
          guides: JSON.parse(text['public/guides.json'] ?? ''),
          questions: JSON.parse(text['public/questions.json'] ?? ''),
        },
        private: JSON.parse(text['private/keys.json'] ?? ''),
      };
    };
    expect(first.bundle).toEqual(parsed(first));
    const edited = edit(PLAIN, 'questions/sample-cert/core.md', 'Roll back', 'Roll it back');
    const second = compileSources(edited, { cache });
    expect(second.bundle).toEqual(parsed(second));
    const before = new Map(first.bundle?.public.questions.map((q) => [q.id, q]));
    for (const q of second.bundle?.public.questions ?? []) {
      // Unchanged questions are the very objects of the previous bundle (parsed once).
      expect(before.get(q.id) === q).toBe(!q.source.startsWith('questions/sample-cert/core.md'));
    }
  });

  it('keys change with the path, the content and the compiler (fingerprint)', () => {
    const cache = new FileCache();
    const key = cache.key('questions/a/b.md', 'text');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cache.key('questions/a/c.md', 'text')).not.toBe(key);
    expect(cache.key('questions/a/b.md', 'text!')).not.toBe(key);
    expect(cache.key('questions/a/b.md', Buffer.from('text'))).toBe(key);
  });

  it('on disk: a new cache (another process) reuses every entry with identical results', async () => {
    const content = copySample();
    const cacheDir = path.join(tempDir(), 'cache');
    const first = await compileContent(content, { cache: new FileCache({ dir: cacheDir }) });
    expect(entries(cacheDir)).toHaveLength(3);
    const cache = new FileCache({ dir: cacheDir });
    const second = await compileContent(content, { cache });
    expect(cache.stats).toMatchObject({ diskHits: 3, misses: 0 });
    expect(files(second)).toEqual(files(first));
    expect(files(second)).toEqual(files(await compileContent(content)));
  });

  it('never trusts a damaged entry: truncated, flipped, foreign and garbage entries are misses', async () => {
    const content = copySample();
    const cacheDir = path.join(tempDir(), 'cache');
    const clean = await compileContent(content, { cache: new FileCache({ dir: cacheDir }) });
    const names = entries(cacheDir);
    const bytes = names.map((name) => readFileSync(path.join(cacheDir, name)));
    const [a, b, c] = names.map((name) => path.join(cacheDir, name)) as [string, string, string];
    const flipped = Buffer.from(bytes[1] as Buffer);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] as number) ^ 0x20; // one bit in the blob
    writeFileSync(b, flipped);
    writeFileSync(a, (bytes[0] as Buffer).subarray(0, (bytes[0] as Buffer).length - 7)); // truncated
    writeFileSync(c, bytes[1] as Buffer); // another file's (valid) entry under this key
    writeFileSync(
      path.join(cacheDir, `${'0'.repeat(64)}.entry`),
      '{"format":"examdown-cache-entry"\n\0garbage',
    );
    const cache = new FileCache({ dir: cacheDir });
    const damaged = await compileContent(content, { cache });
    expect(cache.stats).toMatchObject({ diskHits: 0, misses: 3 });
    expect(files(damaged)).toEqual(files(clean));
    expect(damaged.diagnostics).toEqual([]);
    // The damaged entries were replaced by good ones.
    const again = new FileCache({ dir: cacheDir });
    expect(files(await compileContent(content, { cache: again }))).toEqual(files(clean));
    expect(again.stats).toMatchObject({ diskHits: 3, misses: 0 });
    expect(readEntry(cacheDir, 'f'.repeat(64), 'questions/x/y.md')).toBeUndefined();
    // Garbage that no build uses is pruned.
    expect(entries(cacheDir)).toHaveLength(3);
  });

  it('prunes entries that no build uses any more', async () => {
    const content = copySample();
    const cacheDir = path.join(tempDir(), 'cache');
    await compileContent(content, { cache: new FileCache({ dir: cacheDir }) });
    const before = entries(cacheDir);
    const bank = path.join(content, 'questions/sample-cert/core.md');
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('Roll back', 'Roll it back'));
    await compileContent(content, { cache: new FileCache({ dir: cacheDir }) });
    const after = entries(cacheDir);
    expect(after).toHaveLength(3);
    expect(after.filter((name) => !before.includes(name))).toHaveLength(1);
  });

  it('trustStat (watch mode): unchanged files are not read again, changed and forgotten ones are', async () => {
    const content = copySample();
    const cache = new FileCache({ trustStat: true });
    const first = await compileContent(content, { cache });
    expect(cache.stats).toMatchObject({ statHits: 0, misses: 3 });
    await compileContent(content, { cache });
    expect(cache.stats).toMatchObject({ statHits: 3, memoryHits: 3, misses: 0 });
    const bank = path.join(content, 'questions/sample-cert/core.md');
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('Roll back', 'Roll it back'));
    const edited = await compileContent(content, { cache });
    expect(cache.stats).toMatchObject({ statHits: 2, memoryHits: 2, misses: 1 });
    expect(files(edited)).toEqual(files(await compileContent(content)));
    expect(files(edited)).not.toEqual(files(first));
    cache.forget('questions/sample-cert/core.md');
    await compileContent(content, { cache });
    expect(cache.stats).toMatchObject({ statHits: 2, memoryHits: 3, misses: 0 });
  });

  it('a directory it cannot create only disables the disk level', async () => {
    const content = copySample();
    const blocker = path.join(tempDir(), 'file');
    writeFileSync(blocker, 'not a directory');
    const cache = new FileCache({ dir: path.join(blocker, 'cache') });
    const result = await compileContent(content, { cache });
    expect(result.errors).toBe(0);
    expect(cache.stats.misses).toBe(3);
  });
});

describe('worker threads', () => {
  /** The compiled package (globalSetup builds it): workers need dist/threads/worker.js. */
  const dist = async () =>
    (await import(
      pathToFileURL(path.resolve(FIXTURES, '../../dist/index.js')).href
    )) as typeof import('./index.js');

  /** The sample plus many bank files, so that two threads get several batches each. */
  function biggerContent(): string {
    const content = copySample();
    const bank = readFileSync(path.join(SAMPLE_DIR, 'questions/sample-cert/core.md'), 'utf8');
    for (let i = 0; i < 24; i++) {
      writeFileSync(
        path.join(content, `questions/sample-cert/copy-${String(i).padStart(2, '0')}.md`),
        bank.replace(/\{#([a-z0-9-]+)/g, `{#$1-copy-${i}`),
      );
    }
    return content;
  }

  /**
   * Both workers did work, or the environment refused one (a thread limit on a crowded CI
   * host): then the pool must have said why and compiled that batch here — the output checks
   * below hold either way. Losing a worker without a reason is a pool bug and fails.
   */
  function expectTwoThreads(timings: { threads: number; workerFailures: string[] }) {
    if (timings.threads === 2) return;
    expect(timings.workerFailures, 'a worker did no work, and the pool gave no reason').not.toEqual([]);
    console.warn(`pool fell back to the main thread: ${timings.workerFailures.join('; ')}`);
  }

  it('a parallel build is byte-identical to a serial one, diagnostics included', async () => {
    const { compileContent: compile, outputToStrings: strings } = await dist();
    const content = biggerContent();
    const serial = await compile(content, { jobs: 1 });
    const parallel = await compile(content, { jobs: 2 });
    expect(serial.timings.threads).toBe(1);
    expectTwoThreads(parallel.timings);
    expect(parallel.diagnostics).toEqual(serial.diagnostics);
    expect(parallel.output && strings(parallel.output)).toEqual(serial.output && strings(serial.output));
    expect(parallel.errors).toBe(0);
  });

  it('workers write the disk entries that a later serial build reuses', async () => {
    const { compileContent: compile, FileCache: Cache, outputToStrings: strings } = await dist();
    const content = biggerContent();
    const cacheDir = path.join(tempDir(), 'cache');
    const parallel = await compile(content, { jobs: 2, cache: new Cache({ dir: cacheDir }) });
    expectTwoThreads(parallel.timings);
    const cache = new Cache({ dir: cacheDir });
    const serial = await compile(content, { jobs: 1, cache });
    expect(cache.stats).toMatchObject({ diskHits: 27, misses: 0 });
    expect(serial.output && strings(serial.output)).toEqual(parallel.output && strings(parallel.output));
  });

  it('without a compiled worker (running from sources) it compiles in this thread', async () => {
    const result = await compileContent(biggerContent(), { jobs: 2 });
    expect(result.timings.threads).toBe(1);
    expect(result.errors).toBe(0);
  });
});

describe('the checkpointed content hash', () => {
  it('equals a fresh sha256 after any sequence of edits (property)', () => {
    const chunk = fc.uint8Array({ minLength: 0, maxLength: 300 });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), bytes: chunk }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: chunk }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('same' as const) }),
    );
    fc.assert(
      fc.property(
        fc.array(chunk, { minLength: 1, maxLength: 40 }),
        fc.array(step, { maxLength: 12 }),
        (initial, steps) => {
          // Chunks are views of one buffer per chunk, as prepared blobs are.
          let chunks = initial.map((c) => new Uint8Array(c));
          const memo = newHashMemo();
          const fresh = (list: Uint8Array[]) =>
            createHash('sha256').update(Buffer.concat(list)).digest('hex');
          expect(hashChunks(chunks, memo, 256)).toBe(fresh(chunks));
          for (const s of steps) {
            chunks = [...chunks];
            if (s.kind === 'replace' && chunks.length > 0)
              chunks[s.at % chunks.length] = new Uint8Array(s.bytes);
            if (s.kind === 'insert') chunks.splice(s.at % (chunks.length + 1), 0, new Uint8Array(s.bytes));
            if (s.kind === 'delete' && chunks.length > 0) chunks.splice(s.at % chunks.length, 1);
            expect(hashChunks(chunks, memo, 256)).toBe(fresh(chunks));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('answer-position-cluster stops simulating early without changing any verdict', () => {
  /** The simulation as it was before the early stop (arrays, no typed arrays): the reference. */
  function referencePValue(statistic: number, sizes: readonly number[], expected: readonly number[]): number {
    const random = seededRandom(0x5eef);
    const chi = (observed: readonly number[]) => {
      let sum = 0;
      for (let i = 0; i < expected.length; i++) {
        const e = expected[i] ?? 0;
        if (e > 0) sum += ((observed[i] ?? 0) - e) ** 2 / e;
      }
      return sum;
    };
    const counts = new Array<number>(expected.length).fill(0);
    let extreme = 0;
    for (let s = 0; s < 10_000; s++) {
      counts.fill(0);
      for (const n of sizes) {
        const position = Math.floor(random() * n);
        counts[position] = (counts[position] ?? 0) + 1;
      }
      if (chi(counts) >= statistic - 1e-9) extreme++;
    }
    return (extreme + 1) / 10_001;
  }

  it('same p-value as the reference, and the same verdict when stopping early (property)', () => {
    const bank = fc.array(
      fc
        .integer({ min: 2, max: 5 })
        .chain((n) => fc.tuple(fc.constant(n), fc.oneof(fc.integer({ min: 0, max: n - 1 }), fc.constant(1)))),
      { minLength: 8, maxLength: 40 },
    );
    fc.assert(
      fc.property(bank, (questions) => {
        const sizes = questions.map(([n]) => n);
        const positions = Math.max(...sizes);
        const expected = new Array<number>(positions).fill(0);
        for (const n of sizes) for (let p = 0; p < n; p++) expected[p] = (expected[p] ?? 0) + 1 / n;
        const observed = new Array<number>(positions).fill(0);
        for (const [, at] of questions) observed[at] = (observed[at] ?? 0) + 1;
        let statistic = 0;
        for (let i = 0; i < positions; i++) {
          const e = expected[i] ?? 0;
          if (e > 0) statistic += ((observed[i] ?? 0) - e) ** 2 / e;
        }
        const full = monteCarloPValue(statistic, sizes, expected);
        expect(full).toBe(referencePValue(statistic, sizes, expected));
        const early = monteCarloPValue(statistic, sizes, expected, SIGNIFICANCE);
        expect(early < SIGNIFICANCE).toBe(full < SIGNIFICANCE);
        if (full < SIGNIFICANCE) expect(early).toBe(full);
      }),
      { numRuns: 30 },
    );
  });
});

function copySample(): string {
  const content = path.join(tempDir(), 'content');
  mkdirSync(content, { recursive: true });
  cpSync(SAMPLE_DIR, content, { recursive: true });
  return content;
}

function entries(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.entry'))
    .sort();
}
