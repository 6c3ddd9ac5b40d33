/**
 * The whole pipeline: per-file phase (pure, parallelisable) → link phase → bundle.
 */
import { readFileSync } from 'node:fs';
import { type Bundle, buildBundle } from './bundle/build.js';
import { compileFile, type FileResult } from './compile-file.js';
import { compareDiagnostics, type Diagnostic, diagnostic } from './diagnostics.js';
import { linkFiles } from './link/index.js';
import { classify, loadContent, type SourceFile } from './source/load.js';

export interface CompileOptions {
  /** How to name the content dir in tree-level diagnostics (default '.'). */
  root?: string;
  /** Overrides the `generator` string (tests). */
  generator?: string;
}

export interface CompileResult {
  /** Every diagnostic of the run, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Present iff there are no errors. */
  bundle: Bundle | undefined;
  /** Content files seen (readable or not). */
  files: number;
  questions: number;
  /** Source texts by content-relative path, for code frames. */
  sources: Map<string, string>;
}

export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

export const GENERATOR = `examdown ${VERSION}`;

/** Compiles in-memory sources (paths content-relative, posix). */
export function compileSources(sources: readonly SourceFile[], options: CompileOptions = {}): CompileResult {
  return finish(
    sources.map((source) => compileFile(source)),
    [],
    sources,
    sources.length,
    options,
  );
}

/** Reads and compiles a content directory. */
export async function compileContent(dir: string, options: CompileOptions = {}): Promise<CompileResult> {
  const loaded = await loadContent(dir, options.root ?? dir);
  const results = loaded.sources.map((source) => compileFile(source));
  return finish(results, loaded.diagnostics, loaded.sources, loaded.fileCount, { root: dir, ...options });
}

function finish(
  results: FileResult[],
  loadDiagnostics: Diagnostic[],
  sources: readonly SourceFile[],
  fileCount: number,
  options: CompileOptions,
): CompileResult {
  const diagnostics: Diagnostic[] = [...loadDiagnostics];
  const content = sources.filter((s) => classify(s.path) !== undefined);
  const relevant = results.filter((r) => classify(r.path) !== undefined);
  if (content.length === 0 && loadDiagnostics.length === 0) {
    diagnostics.push(
      diagnostic(
        options.root ?? '.',
        'content-empty',
        'no content: expected Markdown files under exams/, guides/ and questions/<exam-id>/',
      ),
    );
  }
  for (const result of relevant) diagnostics.push(...result.diagnostics);

  let bundle: Bundle | undefined;
  let questions = 0;
  try {
    const linked = linkFiles(relevant);
    diagnostics.push(...linked.diagnostics);
    questions = linked.model.questions.size;
    if (!diagnostics.some((d) => d.severity === 'error')) {
      bundle = buildBundle(linked.model, options.generator ?? GENERATOR);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push(diagnostic(options.root ?? '.', 'internal-error', `internal compiler error: ${reason}`));
    bundle = undefined;
  }

  const unique = dedupe(diagnostics).sort(compareDiagnostics);
  const errors = unique.filter((d) => d.severity === 'error').length;
  return {
    diagnostics: unique,
    errors,
    warnings: unique.length - errors,
    bundle: errors === 0 ? bundle : undefined,
    files: fileCount,
    questions,
    sources: new Map(sources.map((s) => [s.path, s.text])),
  };
}

/** One default pointing at a missing exam is one problem, however many questions inherit it. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
