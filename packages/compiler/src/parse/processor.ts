/**
 * The Markdown parser: CommonMark + YAML frontmatter + GFM (tables, task lists) + directives.
 *
 * Directives are registered by hand rather than through remark-directive so that
 * mdast-util-directive runs in `verbose` mode: it then records attribute positions (for
 * diagnostics that point at `domain=`) and whether a container's closing fence exists
 * (remark-directive silently runs an unclosed container to the end of its parent).
 */
import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Plugin, type Processor, unified } from 'unified';

const remarkVerboseDirective: Plugin<[], Root> = function (this: Processor) {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), directive()];
  data.fromMarkdownExtensions = [
    ...(data.fromMarkdownExtensions ?? []),
    directiveFromMarkdown({ verbose: true }),
  ];
};

const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkVerboseDirective)
  .freeze();

/** Markdown text → mdast with positions. Pure: same text, same tree. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}
