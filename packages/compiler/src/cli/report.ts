/** Reporters: `file:line:col: error: message [rule]` + code frame, or one JSON document. */
import path from 'node:path';
import { styleText } from 'node:util';
import type { CompileResult } from '../compile.js';
import { frame } from './frame.js';

export interface TextOptions {
  /** Directory that diagnostic paths are shown relative to (normally process.cwd()). */
  cwd: string;
  /** The content dir the diagnostics' content-relative paths live in. */
  contentDir: string;
  color: boolean;
  /** Code frames under each diagnostic (default true). */
  frames?: boolean;
}

/** The path as the author types it: relative to the cwd, posix separators. */
export function displayPath(file: string, options: { cwd: string; contentDir: string }): string {
  const absolute = path.resolve(options.contentDir, file);
  const relative = path.relative(options.cwd, absolute) || '.';
  return relative.split(path.sep).join('/');
}

export function formatText(result: CompileResult, options: TextOptions): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) =>
    options.color ? styleText(format, text, { validateStream: false }) : text;
  const lines: string[] = [];
  for (const d of result.diagnostics) {
    const where = [displayPath(d.file, options), d.line, d.line !== undefined ? d.column : undefined]
      .filter((part) => part !== undefined)
      .join(':');
    const severity =
      d.severity === 'error' ? paint(['bold', 'red'], 'error') : paint(['bold', 'yellow'], 'warning');
    lines.push(`${paint('bold', where)}: ${severity}: ${d.message} ${paint('dim', `[${d.rule}]`)}`);
    const source = result.sources.get(d.file);
    if ((options.frames ?? true) && source !== undefined && d.line !== undefined) {
      lines.push(frame(source, d), '');
    }
  }
  lines.push(paint('bold', summaryLine(result)));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(result: Pick<CompileResult, 'errors' | 'warnings' | 'files'>): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${plural(result.files, 'file')}`;
}

/** `{diagnostics:[...], summary:{errors,warnings,files,questions}}` — for editors and CI. */
export function formatJson(result: CompileResult, options: { cwd: string; contentDir: string }): string {
  const diagnostics = result.diagnostics.map((d) => ({ ...d, file: displayPath(d.file, options) }));
  return `${JSON.stringify({
    diagnostics,
    summary: {
      errors: result.errors,
      warnings: result.warnings,
      files: result.files,
      questions: result.questions,
    },
  })}\n`;
}
