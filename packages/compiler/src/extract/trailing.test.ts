import type { Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { answerIn } from './details.js';
import { readTrailing } from './trailing.js';

const blocks = (md: string) => (unified().use(remarkParse).use(remarkGfm).parse(md) as Root).children;
const isStart = (n: RootContent) => n.type === 'heading' || n.type === 'thematicBreak';

describe('what follows the options', () => {
  it('reads a bold explanation, a note with code, and references as sources', () => {
    const t = readTrailing(
      blocks(
        [
          '[Reference: let](https://example.org/let)',
          '',
          '**Explanation:** `let` is block scoped.',
          '',
          'Example:',
          '',
          '```js',
          'let x = 1;',
          '```',
          '',
          '**More resources:**',
          '',
          '1. [Closures](https://example.org/closures)',
          '2. [Scope](https://example.org/scope)',
          '',
          '#### Q2. Next',
        ].join('\n'),
      ),
      isStart,
    );
    expect(t.consumed).toBe(6);
    expect(t.sources.map((s) => s.url)).toEqual([
      'https://example.org/let',
      'https://example.org/closures',
      'https://example.org/scope',
    ]);
    expect(t.explanation.map((n) => mdastToString(n))).toEqual([
      'let is block scoped.',
      'Example:',
      'let x = 1;',
      'More resources:',
    ]);
  });
  it('takes a callout blockquote and skips back-to-top links', () => {
    const t = readTrailing(
      blocks(
        '> [!NOTE]\n> Unknown frames are flooded.\n\n**[⬆ Back to Top](#table-of-contents)**\n\n## Next',
      ),
      isStart,
    );
    expect(t.explanation.map((n) => mdastToString(n))).toEqual(['Unknown frames are flooded.']);
    expect(t.consumed).toBe(2);
  });
  it('ignores content that does not start like an explanation', () => {
    expect(readTrailing(blocks('Some unrelated paragraph.\n\n## Next'), isStart)).toEqual({
      explanation: [],
      sources: [],
      consumed: 0,
    });
    expect(readTrailing(blocks('**[⬆ Back to Top](#toc)**'), isStart).consumed).toBe(0);
  });
  it('reads answer statements, and only with capital letters', () => {
    const letters = (text: string) => answerIn(text)?.letters;
    expect(letters('Answer: B')).toEqual(['b']);
    expect(letters('Correct answer: (C)')).toEqual(['c']);
    expect(letters('**Correct Answers:** A, D')).toBeUndefined(); // markup is gone before this runs
    expect(letters('Correct Answers: A, D')).toEqual(['a', 'd']);
    expect(letters('Answers: E and B')).toEqual(['b', 'e']);
    expect(letters('The correct answer is B.')).toEqual(['b']);
    expect(letters('ANSWER - Option D')).toEqual(['d']);
    expect(letters('Answer: B. Because the key is sorted.')).toEqual(['b']);
    expect(letters('Answer: a function of the input')).toBeUndefined();
    expect(letters('Answer: A lot depends on the load')).toBeUndefined();
    expect(letters('Answer: I think so')).toBeUndefined();
    expect(letters('The answer depends on B')).toBeUndefined();
  });
});
