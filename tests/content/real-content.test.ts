/**
 * Compiles the real content in packages/content with the real CLI and checks what learners rely
 * on: the blueprints match the published exam facts, and each bank can fill full forms.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  BUNDLE_FILES,
  type Exam,
  type Guide,
  type Manifest,
  type PublicQuestion,
  type QuestionKey,
} from '@examdown/compiler/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'packages/compiler/dist/cli/main.js');
const contentDir = join(root, 'packages/content');

let out: string;
let manifest: Manifest;
let exams: Exam[];
let questions: PublicQuestion[];
let keys: QuestionKey[];
let guides: Guide[];
let checkReport: { diagnostics: Array<{ severity: string; ruleId: string; message: string }> };

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(join(out, file), 'utf8')) as T;
}

/** Largest-remainder apportionment of an exam's question count over its domain weights. */
function formQuota(exam: Exam): Map<string, number> {
  const raw = exam.domains.map((d) => ({ id: d.id, exact: (exam.questionCount * d.weight) / 100 }));
  const quota = new Map(raw.map((r) => [r.id, Math.floor(r.exact)]));
  let left = exam.questionCount - [...quota.values()].reduce((a, b) => a + b, 0);
  for (const r of [...raw].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    quota.set(r.id, (quota.get(r.id) ?? 0) + 1);
  }
  return quota;
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'examdown-content-'));
  // --max-warnings 0: every linter warning in the real content must be fixed or silenced with a reason.
  await run(process.execPath, [cli, 'build', contentDir, '--out', out, '--max-warnings', '0']);
  const check = await run(process.execPath, [cli, 'check', contentDir, '--format', 'json']);
  checkReport = JSON.parse(check.stdout);
  manifest = await readJson<Manifest>(BUNDLE_FILES.manifest);
  exams = await readJson<Exam[]>(BUNDLE_FILES.exams);
  questions = await readJson<PublicQuestion[]>(BUNDLE_FILES.questions);
  keys = (await readJson<{ keys: QuestionKey[] }>(BUNDLE_FILES.keys)).keys;
  guides = await readJson<Guide[]>(BUNDLE_FILES.guides);
}, 60_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('the real content', () => {
  it('checks clean: no errors and no warnings', () => {
    expect(checkReport.diagnostics).toEqual([]);
  });

  it('publishes the ML Professional blueprint as the exam states it', () => {
    const mlp = exams.find((e) => e.id === 'databricks-ml-professional');
    expect(mlp).toBeDefined();
    expect(mlp).toMatchObject({
      questionCount: 60,
      durationMinutes: 120,
      passingScore: 70,
      fee: { amount: 200, currency: 'USD' },
      languages: ['English'],
      validityYears: 2,
      scoring: { multipleSelect: 'all-or-nothing' },
    });
    expect(mlp?.domains.map((d) => [d.id, d.weight])).toEqual([
      ['ml-solution-design', 33],
      ['ml-model-implementation', 33],
      ['ml-pipeline-production', 34],
    ]);
    for (const domain of mlp?.domains ?? []) {
      expect(domain.topics.length).toBeGreaterThanOrEqual(3);
      expect(domain.studyGuide?.guide).toBe('databricks-ml-professional-guide');
    }
  });

  it('publishes the ML Associate blueprint', () => {
    const mla = exams.find((e) => e.id === 'databricks-ml-associate');
    expect(mla).toMatchObject({ questionCount: 48, durationMinutes: 90, passingScore: 70 });
    expect(mla?.domains.map((d) => [d.id, d.weight])).toEqual([
      ['databricks-ml', 38],
      ['data-processing', 19],
      ['model-development', 31],
      ['model-deployment', 12],
    ]);
  });

  it('holds three disjoint full forms in every domain (Professional: at least 60 per domain)', () => {
    const tryIt = new Set(guides.flatMap((g) => g.questionIds));
    for (const exam of exams) {
      const quota = formQuota(exam);
      for (const [domain, need] of quota) {
        // Timed forms leave out the guides' try-it questions (their keys are public).
        const timed = (manifest.questionsByExam[exam.id]?.[domain] ?? []).filter((id) => !tryIt.has(id));
        expect(timed.length, `${exam.id} ${domain}`).toBeGreaterThanOrEqual(3 * need);
        if (exam.id === 'databricks-ml-professional') expect(timed.length, domain).toBeGreaterThanOrEqual(60);
      }
    }
  });

  it('makes at least a quarter of each exam bank multiple select', () => {
    for (const exam of exams) {
      const bank = questions.filter((q) => q.exam === exam.id);
      const multiple = bank.filter((q) => q.type === 'multiple');
      expect(multiple.length / bank.length, exam.id).toBeGreaterThanOrEqual(0.25);
      for (const q of multiple) expect(q.selectCount).toBeGreaterThanOrEqual(2);
    }
  });

  it('explains every question and gives every option, right or wrong, a rationale', () => {
    const byId = new Map(keys.map((k) => [k.id, k]));
    for (const q of questions) {
      const key = byId.get(q.id);
      expect(key?.explanationHtml, q.id).toBeTruthy();
      for (const o of q.options) expect(key?.rationales[o.id], `${q.id} option ${o.id}`).toBeTruthy();
    }
  });

  it('can fill three full ML Professional forms that differ from each other', () => {
    const mlp = exams.find((e) => e.id === 'databricks-ml-professional') as Exam;
    const quota = formQuota(mlp);
    expect([...quota.values()]).toEqual([20, 20, 20]);
    // Rotate through each domain's pool so the three forms overlap as little as the bank allows.
    const forms: Set<string>[] = [new Set(), new Set(), new Set()];
    for (const [domain, need] of quota) {
      const pool = manifest.questionsByExam[mlp.id]?.[domain] ?? [];
      const step = Math.floor(pool.length / 3);
      forms.forEach((form, i) => {
        for (let j = 0; j < need; j++) form.add(pool[(i * step + j) % pool.length] as string);
      });
    }
    for (const form of forms) expect(form.size).toBe(60);
    for (const [a, b] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ] as const) {
      const shared = [...(forms[a] as Set<string>)].filter((id) => forms[b]?.has(id)).length;
      expect(shared, `forms ${a} and ${b}`).toBeLessThanOrEqual(6);
    }
  });

  it('spreads correct answers over the option positions', () => {
    const byId = new Map(keys.map((k) => [k.id, k]));
    const counts = new Map<number, number>();
    const single = questions.filter((q) => q.type === 'single');
    for (const q of single) {
      const position = q.options.findIndex((o) => o.id === byId.get(q.id)?.correct[0]);
      counts.set(position, (counts.get(position) ?? 0) + 1);
    }
    for (const n of counts.values()) expect(n / single.length).toBeLessThan(0.4);
  });
});
