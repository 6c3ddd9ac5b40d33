/**
 * The language server driven over stdio, as an editor drives it: a real content tree on disk,
 * documents opened and edited with unsaved text, diagnostics and quick fixes read back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './test-support/client.js';

const EXAM = `---
title: Demo Exam
vendor: Examdown
questionCount: 2
durationMinutes: 10
passingScore: 50
languages: [English]
domains:
  - id: basics
    name: Basics
    weight: 100
---
`;

const question = (id: string, extra = '') => `::::question{#${id} domain=basics${extra}}
Which value is **correct** for ${id}?

- [ ] The first wrong one
- [x] The right one
- [ ] The second wrong one

:::explanation
Because it is.
:::
::::
`;

let root: string;
let client: TestClient;
const exam = () => path.join(root, 'exams', 'demo.md');
const bank = () => path.join(root, 'questions', 'demo', 'bank.md');

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'examdown-lsp-'));
  mkdirSync(path.join(root, 'exams'));
  mkdirSync(path.join(root, 'questions', 'demo'), { recursive: true });
  writeFileSync(exam(), EXAM);
  writeFileSync(bank(), `${question('q-one')}\n${question('q-two')}`);
  client = await startClient(root);
});

afterAll(async () => {
  await client?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('language server over stdio', () => {
  it('publishes a diagnostic with its range and rule for a broken open document, then clears it', async () => {
    const broken = `${question('q-one', ' difficulty=hardd')}\n${question('q-two')}`;
    client.open(bank(), broken);
    const [d] = await client.diagnostics(bank(), (list) => list.length > 0);
    expect(d).toMatchObject({
      code: 'question-invalid-attribute',
      severity: 1,
      source: 'examdown',
      range: { start: { line: 0 } },
    });
    // The range covers the attribute, inside the opening line.
    expect(d?.range.start.character).toBeGreaterThan(10);
    expect(d?.message).toContain("did you mean 'hard'?");

    const actions = await client.codeActions(bank(), [d as NonNullable<typeof d>]);
    expect(actions).toHaveLength(1);
    const edit = actions[0]?.edit?.changes?.[`file://${bank()}`]?.[0];
    expect(edit?.newText).toBe('hard');
    const line = broken.split('\n')[0] as string;
    expect(line.slice(edit?.range.start.character, edit?.range.end.character)).toBe('hardd');

    client.change(bank(), `${question('q-one', ' difficulty=hard')}\n${question('q-two')}`, 2);
    expect(await client.diagnostics(bank(), (list) => list.length === 0)).toEqual([]);
  });

  it('reports cross-file rules for unsaved text: a duplicate id in a new file', async () => {
    const other = path.join(root, 'questions', 'demo', 'more.md');
    client.open(other, question('q-two'));
    const list = await client.diagnostics(other, (l) => l.some((d) => d.code === 'question-duplicate-id'));
    const dup = list.find((d) => d.code === 'question-duplicate-id');
    expect(dup?.message).toContain('bank.md');
    expect(dup?.range.start.line).toBe(0);
    client.change(other, question('q-three'), 2);
    expect(await client.diagnostics(other, (l) => l.length === 0)).toEqual([]);
  });

  it('offers a "did you mean" quick fix for a misspelt frontmatter key', async () => {
    const text = EXAM.replace('title:', 'titel:');
    client.open(exam(), text);
    const list = await client.diagnostics(exam(), (l) => l.some((d) => d.code === 'frontmatter-unknown-key'));
    const d = list.find((x) => x.code === 'frontmatter-unknown-key');
    expect(d?.range.start.line).toBe(1);
    const [action] = await client.codeActions(exam(), [d as NonNullable<typeof d>]);
    expect(action?.title).toBe("Change 'titel' to 'title'");
    expect(action?.edit?.changes?.[`file://${exam()}`]?.[0]).toMatchObject({
      newText: 'title',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
    });
    client.change(exam(), EXAM, 2);
    await client.diagnostics(exam(), (l) => !l.some((x) => x.code === 'frontmatter-unknown-key'));
  });
});
