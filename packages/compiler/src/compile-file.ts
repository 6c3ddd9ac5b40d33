/**
 * The per-file phase: source text + path → everything that file contributes, plus its
 * diagnostics. Pure and serializable (no mdast in the result), so files can be compiled in
 * parallel and cached by content hash; cross-file checks happen later in the link phase.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { type Diagnostic, diagnostic, fileDiagnostics } from './diagnostics.js';
import { type BankDraft, extractBank } from './extract/bank.js';
import { type ExamDraft, extractExam } from './extract/exam.js';
import { baseName } from './extract/file-id.js';
import { extractGuide, type GuideDraft } from './extract/guide.js';
import type { QuestionDraft } from './extract/question.js';
import { lintDocumentImages } from './lint/document-images.js';
import { firstTooDeep, MAX_NESTING } from './parse/nesting.js';
import { parseMarkdown, transformMarkdown } from './parse/processor.js';
import { resolveLocalAssets } from './render/local-assets.js';
import { parseContext } from './source/context.js';
import { classify, type SourceFile, type SourceKind } from './source/load.js';

export interface FileResult {
  path: string;
  kind: SourceKind;
  diagnostics: Diagnostic[];
  exam?: ExamDraft | undefined;
  guide?: GuideDraft | undefined;
  bank?: BankDraft | undefined;
  /**
   * The id an exam or guide file claims even when its frontmatter is invalid, so that
   * references to it are not reported as unknown on top of the real error.
   */
  declaredId?: string | undefined;
  questions: QuestionDraft[];
  /** Bundle names of the local assets this file links to (source/assets.ts). */
  assets?: string[] | undefined;
}

export function compileFile(
  source: SourceFile,
  kind: SourceKind | undefined = classify(source.path),
): FileResult {
  if (!kind) return { path: source.path, kind: 'bank', diagnostics: [], questions: [] };
  const result: FileResult = { path: source.path, kind, diagnostics: [], questions: [] };
  let tree: Root | undefined;
  try {
    // Every problem of this file is reported on its VFile (file.message), as remark plugins do.
    // String(): the text as the parser reads it (a value that cannot become text is a failure here).
    const context = parseContext(source.context);
    const file = new VFile({ path: source.path, value: String(source.text), data: { kind, context } });
    tree = parseMarkdown(file);
    const deep = firstTooDeep(tree);
    if (deep) return tooDeep(source.path, kind, tree, deep.position?.start);
    transformMarkdown(tree, file);
    const assets = resolveLocalAssets(file, tree, context.assets);
    if (assets.length > 0) result.assets = assets;
    if (kind === 'exam') {
      result.exam = extractExam(file, tree);
      result.declaredId = result.exam?.exam.id ?? declaredId(source.path, tree, 'id');
    } else if (kind === 'guide') {
      const { guide, questions } = extractGuide(file, tree);
      lintDocumentImages(file, tree, guide?.silenced ?? []);
      result.guide = guide;
      result.declaredId = guide?.guide.slug ?? declaredId(source.path, tree, 'slug');
      result.questions = questions;
    } else {
      const { bank, questions } = extractBank(file, tree);
      result.bank = bank;
      result.questions = questions;
    }
    result.diagnostics = fileDiagnostics(file, source.path);
    return result;
  } catch (error) {
    // Nesting the parser itself cannot handle (thousands of levels) overflows the stack.
    if (isStackOverflow(error)) return tooDeep(source.path, kind, tree, undefined);
    // Never a stack trace for any input: a compiler bug becomes a diagnostic on the file.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      path: source.path,
      kind,
      diagnostics: [
        diagnostic(source.path, 'internal-error', `internal compiler error: ${reason}`, {
          start: { line: 1, column: 1 },
        }),
      ],
      questions: [],
    };
  }
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The file's only diagnostic; exam and guide files still declare their id (no cascades). */
function tooDeep(
  file: string,
  kind: SourceKind,
  tree: Root | undefined,
  at: { line: number; column: number } | undefined,
): FileResult {
  return {
    path: file,
    kind,
    diagnostics: [
      diagnostic(
        file,
        'nesting-too-deep',
        `blocks or inline elements nest more than ${MAX_NESTING} levels deep here (blockquotes, lists, ` +
          'emphasis, directives); flatten the structure',
        { start: { line: at?.line ?? 1, column: at?.column ?? 1 } },
      ),
    ],
    ...(kind === 'exam' || kind === 'guide'
      ? { declaredId: tree ? declaredId(file, tree, kind === 'exam' ? 'id' : 'slug') : baseName(file) }
      : {}),
    questions: [],
  };
}

/** `id:`/`slug:` when the YAML at least parses and has one, else the file name. */
function declaredId(file: string, tree: Root, key: string): string {
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    const match = new RegExp(`^${key}:\\s*['"]?([a-z0-9-]+)['"]?\\s*$`, 'm').exec(first.value);
    if (match?.[1]) return match[1];
  }
  return baseName(file);
}
