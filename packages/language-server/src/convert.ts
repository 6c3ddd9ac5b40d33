/**
 * examdown diagnostics → LSP diagnostics, and "did you mean" hints → quick fixes.
 *
 * examdown positions are 1-based (line, column), end exclusive; LSP positions are 0-based. A
 * diagnostic without an end is widened to the word (or the rest of the line) at its start so
 * editors underline something visible.
 */
import type { Diagnostic as ExamdownDiagnostic } from '@examdown/compiler';
import {
  type CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const SOURCE = 'examdown';

/** Lines of `text`, split the way the compiler counts them (\r\n, \r or \n). */
function lineAt(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line] ?? '';
}

export function toLspDiagnostic(d: ExamdownDiagnostic, text: string): LspDiagnostic {
  const line = Math.max(0, (d.line ?? 1) - 1);
  const character = Math.max(0, (d.column ?? 1) - 1);
  let end: Range['end'];
  if (d.endLine !== undefined && d.endColumn !== undefined) {
    end = { line: Math.max(0, d.endLine - 1), character: Math.max(0, d.endColumn - 1) };
  } else {
    const rest = lineAt(text, line).slice(character);
    const word = /^\S+/.exec(rest)?.[0].length ?? 0;
    end = { line, character: character + (word || rest.length || 1) };
  }
  const fix = suggestion(d.message);
  return {
    range: { start: { line, character }, end },
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.rule,
    source: SOURCE,
    message: d.message,
    ...(fix ? { data: fix } : {}),
  };
}

/** "unknown key 'titel'; did you mean 'title'?" → { wrong: 'titel', right: 'title' }. */
export function suggestion(message: string): { wrong: string; right: string } | undefined {
  const right = /did you mean '([^']+)'\?/.exec(message)?.[1];
  if (!right) return undefined;
  const wrong = /'([^']+)'/.exec(message)?.[1];
  if (!wrong || wrong === right) return undefined;
  return { wrong, right };
}

/** Quick fixes for the diagnostics the client sent back: replace the misspelt token in range. */
export function quickFixes(document: TextDocument, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    const hint = isHint(diagnostic.data) ? diagnostic.data : suggestion(message);
    if (!hint) continue;
    const range = tokenRange(document, diagnostic.range, hint.wrong);
    if (!range) continue;
    actions.push({
      title: `Change '${hint.wrong}' to '${hint.right}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range, newText: hint.right }] } },
    });
  }
  return actions;
}

function isHint(value: unknown): value is { wrong: string; right: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { wrong?: unknown }).wrong === 'string' &&
    typeof (value as { right?: unknown }).right === 'string'
  );
}

/** Where `token` occurs as a whole word inside `range` (else on the range's first line). */
function tokenRange(document: TextDocument, range: Range, token: string): Range | undefined {
  const start = document.offsetAt(range.start);
  const endOfLine = document.offsetAt({ line: range.start.line + 1, character: 0 });
  const end = Math.max(document.offsetAt(range.end), endOfLine);
  const text = document.getText().slice(start, end);
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).exec(text);
  if (!match) return undefined;
  return {
    start: document.positionAt(start + match.index),
    end: document.positionAt(start + match.index + token.length),
  };
}
