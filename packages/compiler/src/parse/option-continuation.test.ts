import type { List, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import optionContinuation from './option-continuation.js';

const parse = (md: string) => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(optionContinuation);
  return processor.runSync(processor.parse(md), new VFile({ value: md, data: { kind: 'bank' } })) as Root;
};

describe('option continuation', () => {
  it('keeps options whose content is a code block, image or table as one list', () => {
    const tree = parse(
      [
        '#### Q4. Which one?',
        '',
        '- [ ] `A`',
        '',
        '```js',
        'a()',
        '```',
        '',
        '- [x] `B`',
        '',
        '![diagram](b.png)',
        '',
        '- [ ] C',
        '',
        '| x |',
        '| - |',
        '| 1 |',
        '',
        '- [ ] D',
        '',
        'Explanation: B.',
      ].join('\n'),
    );
    const lists = tree.children.filter((n): n is List => n.type === 'list');
    expect(lists).toHaveLength(1);
    const items = (lists[0] as List).children;
    expect(items.map((i) => i.checked)).toEqual([false, true, false, false]);
    expect(items[0]?.children.map((c) => c.type)).toEqual(['paragraph', 'code']);
    expect(items[1]?.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph']);
    expect(items[2]?.children.map((c) => c.type)).toEqual(['paragraph', 'table']);
    expect(items[0]?.position?.end.line).toBe(7);
    expect(tree.children.at(-1)?.type).toBe('paragraph');
  });
  it('leaves a code block after the last option alone', () => {
    const tree = parse(['- [ ] a', '- [x] b', '', '```', 'example', '```'].join('\n'));
    expect(tree.children.map((n) => n.type)).toEqual(['list', 'code']);
  });
});
