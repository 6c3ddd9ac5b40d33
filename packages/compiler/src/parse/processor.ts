/** The Markdown parser: CommonMark + YAML frontmatter + GFM (tables, task lists) + directives. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import remarkDirectives from './directives.js';
import optionContinuation from './option-continuation.js';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirectives)
  .use(optionContinuation)
  .freeze();

/** Markdown text → mdast with positions. Pure: same text, same tree. */
export function parseMarkdown(file: VFile): Root {
  return processor.parse(file);
}

/** Runs the plugins' transforms (directive hygiene, options split by code blocks), reporting on `file`. */
export function transformMarkdown(tree: Root, file: VFile): Root {
  return processor.runSync(tree, file) as Root;
}
