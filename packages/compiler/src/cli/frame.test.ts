import { describe, expect, it } from 'vitest';
import { codeFrame } from './frame.js';

describe('codeFrame', () => {
  it('draws short lines whole, with carets under the span', () => {
    const frame = codeFrame('---\ntitel: x\n---\n', { line: 2, column: 1, endLine: 2, endColumn: 6 });
    expect(frame).toBe(['  1 | ---', '> 2 | titel: x', '    | ^^^^^', '  3 | ---'].join('\n'));
  });

  it('cuts a 500-character line around the column and caps the carets', () => {
    const heading = `### ${'word '.repeat(99)}end`;
    const source = `intro\n${heading}\n- [x] a\n`;
    const frame = codeFrame(source, { line: 2, column: 300, endLine: 2, endColumn: heading.length + 1 }, 100);
    const lines = frame.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(110);
    const code = lines[1] as string;
    const carets = lines[2] as string;
    expect(code.startsWith('> 2 | …')).toBe(true);
    expect(carets.trim().replace(/^\|\s*/, '')).toMatch(/^\^+$/);
    // The first caret sits under column 300 of the source line.
    const caretAt = carets.indexOf('^');
    const shownFrom = 300 - 1 - (code.indexOf('…') + 1 - 0);
    expect(code.slice(caretAt, caretAt + 5)).toBe(heading.slice(299, 304));
    expect(shownFrom).toBeGreaterThan(0);
  });

  it('keeps a caret when the column is at the end of the line', () => {
    expect(codeFrame('abc', { line: 1, column: 4 })).toBe(['> 1 | abc', '    |    ^'].join('\n'));
  });
});

describe('the CLI frame', () => {
  it('is @babel/code-frame for ordinary lines and the cut frame for a 500-character heading', async () => {
    const { frame } = await import('./frame.js');
    const short = frame('---\ntitel: x\n---\n', { line: 2, column: 1, endLine: 2, endColumn: 6 });
    expect(short).toBe(['  1 | ---', '> 2 | titel: x', '    | ^^^^^', '  3 | ---'].join('\n'));
    const heading = `### ${'long words '.repeat(45)}end`;
    const long = frame(`x\n${heading}\n- [x] a\n`, {
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: heading.length + 1,
    });
    const lines = long.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(110);
    expect(lines[2]?.match(/\^/g)?.length).toBeLessThanOrEqual(100);
  });
});
