/**
 * The bare parse: what any compiler of this format must do at least. Reads every content file
 * (the compiler's selection: .md under exams/, guides/, questions/) and parses it with
 * unified + remark-parse + remark-frontmatter + remark-gfm + the micromark directive extension
 * (mdast-util-directive in verbose mode, as the compiler configures it), on one thread. No
 * extraction, rendering, validation or output.
 *
 *   node bench/src/bare-parse.ts <contentDir>   → one JSON line: { files, bytes, readMs, parseMs }
 *
 * Run as its own process so that it pays the same start-up as `examdown build`.
 */
import module from 'node:module';

module.enableCompileCache?.();

const { globSync, readFileSync } = await import('node:fs');
const path = await import('node:path');
const { unified } = await import('unified');
type Processor = import('unified').Processor;
const { default: remarkParse } = await import('remark-parse');
const { default: remarkFrontmatter } = await import('remark-frontmatter');
const { default: remarkGfm } = await import('remark-gfm');
const { directive } = await import('micromark-extension-directive');
const { directiveFromMarkdown } = await import('mdast-util-directive');

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bare-parse.ts <contentDir>\n');
  process.exit(2);
}

/** The compiler's selection: .md under exams/, guides/, questions/; no dot files, no build output. */
function markdownFiles(root: string): string[] {
  return globSync('{exams,guides,questions}/**/*.md', {
    cwd: root,
    exclude: ['**/node_modules', '**/bundle', '**/dist'],
  })
    .map((file) => path.join(root, file))
    .sort();
}

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(function directives(this: Processor) {
    // As the compiler registers directives (verbose: attribute positions and closing fences).
    const data = this.data();
    data.micromarkExtensions = [...(data.micromarkExtensions ?? []), directive()];
    data.fromMarkdownExtensions = [
      ...(data.fromMarkdownExtensions ?? []),
      directiveFromMarkdown({ verbose: true }),
    ];
  })
  .freeze();

let started = performance.now();
const texts = markdownFiles(dir).map((file) => readFileSync(file, 'utf8'));
const readMs = performance.now() - started;
started = performance.now();
let nodes = 0;
for (const text of texts) nodes += processor.parse(text).children.length;
const parseMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ files: texts.length, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), readMs, parseMs, nodes })}\n`,
);
