/** The run's diagnostics as authors see them: each problem once, in place, in file order. */
import { compareDiagnostics, type Diagnostic } from './diagnostics.js';
import type { SourceFile } from './source/load.js';

export function tidyDiagnostics(diagnostics: Diagnostic[], sources: readonly SourceFile[]): Diagnostic[] {
  return withinSources(dedupe(diagnostics), sources).sort(compareDiagnostics);
}

/**
 * Defence in depth for the position contract (1 ≤ line ≤ lines, 1 ≤ column ≤ line length + 1,
 * end not before start): every rule computes its positions from the parser's, and the fuzz
 * tests check them, but a position outside its file must never reach an author or an editor.
 */
function withinSources(diagnostics: Diagnostic[], sources: readonly SourceFile[]): Diagnostic[] {
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  const lengths = new Map<string, number[]>();
  const lineLengths = (file: string): number[] | undefined => {
    let found = lengths.get(file);
    if (!found) {
      const text = texts.get(file);
      if (text === undefined) return undefined;
      found = text.split(/\r\n|\r|\n/).map((line) => line.length);
      lengths.set(file, found);
    }
    return found;
  };
  const clamp = (lines: number[], line: number, column: number) => {
    const l = Math.min(Math.max(1, Math.trunc(line) || 1), lines.length);
    const c = Math.min(Math.max(1, Math.trunc(column) || 1), (lines[l - 1] as number) + 1);
    return { line: l, column: c };
  };
  return diagnostics.map((d) => {
    if (d.line === undefined) return d;
    const lines = lineLengths(d.file);
    if (!lines) return d;
    const start = clamp(lines, d.line, d.column ?? 1);
    const fixed: Diagnostic = { ...d, line: start.line, column: start.column };
    delete fixed.endLine;
    delete fixed.endColumn;
    if (d.endLine !== undefined && d.endColumn !== undefined) {
      const end = clamp(lines, d.endLine, d.endColumn);
      if (end.line > start.line || (end.line === start.line && end.column >= start.column)) {
        fixed.endLine = end.line;
        fixed.endColumn = end.column;
      }
    }
    return fixed;
  });
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
