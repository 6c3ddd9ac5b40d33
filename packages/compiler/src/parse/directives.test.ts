/** Directive hygiene: fences, names, places. */
import { describe, expect, it } from 'vitest';
import { sampleSources } from '../__fixtures__/helpers.js';
import { compileSources } from '../index.js';

/** Diagnostics of the sample with `file` added (or replaced). */
function check(text: string, file = 'questions/sample-cert/edge.md') {
  const others = sampleSources().filter((s) => s.path !== file);
  return compileSources([...others, { path: file, text }]).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.rule}: ${d.message}`,
  );
}

const FRONTMATTER = '---\ndomain: monitoring\n---\n\n';

describe('container fences', () => {
  it('explains the same-colons mistake: the outer fence closes first', () => {
    const text = `${FRONTMATTER}:::question{#same-three}\nStem?\n\n- [x] a\n- [ ] b\n\n:::explanation\nWhy.\n:::\n:::\n`;
    expect(check(text)).toEqual([
      "11:1 directive-unclosed: ':::explanation' is cut off by the closing fence of the ':::question' around it: the outer block needs more colons than the inner one ('::::question' … '::::')",
    ]);
  });

  it('reports an inner block left open', () => {
    const text = `${FRONTMATTER}::::question{#inner-open}\nStem?\n\n- [x] a\n- [ ] b\n\n:::explanation\nWhy.\n::::\n`;
    expect(check(text)).toEqual([
      "11:1 directive-unclosed: ':::explanation' is never closed: add a line ':::' where it ends",
    ]);
  });

  it('accepts three colons for a question without an explanation block', () => {
    const text = `${FRONTMATTER}:::question{#three-no-explanation ignore="missing-explanation" reason="a draft"}\nStem?\n\n- [x] a\n- [ ] b\n:::\n`;
    expect(check(text)).toEqual([]);
  });
});

describe('directive names and places', () => {
  it('suggests the right kind for a leaf/container mix-up', () => {
    expect(check(`${FRONTMATTER}::faq\n`, 'guides/edge.md').at(-1)).toBe(
      "5:1 directive-unknown: unknown directive '::faq'; 'faq' is a container: open it with ':::faq' and close it with ':::'",
    );
  });

  it('rejects embeds outside guides and explanations outside questions', () => {
    expect(check(`${FRONTMATTER}::question{#sample-zero-stage-3}\n`)).toEqual([
      "5:1 directive-misplaced: '::question{#id}' embeds a question in a guide; bank files define questions with '::::question'",
    ]);
  });

  it('rejects questions in exam files', () => {
    const exam = sampleSources().find((s) => s.path === 'exams/sample-cert.md');
    const text = `${exam?.text}\n:::question{#in-exam domain=monitoring}\nStem?\n\n- [x] a\n- [ ] b\n:::\n`;
    const line = text.split('\n').indexOf(':::question{#in-exam domain=monitoring}') + 1;
    expect(check(text, 'exams/sample-cert.md')).toEqual([
      `${line}:1 directive-misplaced: questions belong in questions/<exam-id>/ bank files or in guides, not in exam files`,
    ]);
  });
});
