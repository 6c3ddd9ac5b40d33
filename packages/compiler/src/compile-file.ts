/**
 * The per-file phase: source text + path → everything that file contributes, plus its
 * diagnostics. Pure and serializable (no mdast in the result), so files can be compiled in
 * parallel and cached by content hash; cross-file checks happen later in the link phase.
 */
import type { Root } from 'mdast';
import { type Diagnostic, diagnostic } from './diagnostics.js';
import { type BankDraft, extractBank } from './extract/bank.js';
import { type ExamDraft, extractExam } from './extract/exam.js';
import { baseName } from './extract/file-id.js';
import { extractGuide, type GuideDraft } from './extract/guide.js';
import type { QuestionDraft } from './extract/question.js';
import { parseMarkdown } from './parse/processor.js';
import { checkDirectives } from './plugins/directives.js';
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
}

export function compileFile(
  source: SourceFile,
  kind: SourceKind | undefined = classify(source.path),
): FileResult {
  const result: FileResult = { path: source.path, kind: kind ?? 'bank', diagnostics: [], questions: [] };
  if (!kind) return result;
  try {
    const tree = parseMarkdown(source.text);
    result.diagnostics.push(...checkDirectives(source.path, kind, tree, source.text));
    if (kind === 'exam') {
      result.exam = extractExam(source.path, tree, result.diagnostics);
      result.declaredId = result.exam?.exam.id ?? declaredId(source.path, tree, 'id');
    } else if (kind === 'guide') {
      const { guide, questions } = extractGuide(source.path, tree, result.diagnostics);
      result.guide = guide;
      result.declaredId = guide?.guide.slug ?? declaredId(source.path, tree, 'slug');
      result.questions = questions;
    } else {
      const { bank, questions } = extractBank(source.path, tree, result.diagnostics);
      result.bank = bank;
      result.questions = questions;
    }
  } catch (error) {
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
  return result;
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
