/**
 * GitHub Actions annotations: one `::error file=…,line=…,col=…,title=<rule>::message` workflow
 * command per diagnostic (GitHub shows each on the pull request's changed line), then the
 * summary as plain text. Escaping follows the runner's rules for properties and messages.
 */
import type { CompileResult } from '../compile.js';
import { displayPath, summaryLine } from './report.js';

/** A workflow command's message: %, CR and LF are encoded. */
export const escapeData = (s: string): string =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A workflow command's property value: also `:` and `,`, which separate properties. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(result: CompileResult, options: { cwd: string; contentDir: string }): string {
  const lines = result.diagnostics.map((d) => {
    const props: [string, string | number | undefined][] = [
      ['file', displayPath(d.file, options)],
      ['line', d.line],
      ['col', d.line !== undefined ? d.column : undefined],
      ['endLine', d.line !== undefined ? d.endLine : undefined],
      ['endColumn', d.endLine !== undefined && d.endLine === d.line ? d.endColumn : undefined],
      ['title', d.rule],
    ];
    const list = props
      .filter((p): p is [string, string | number] => p[1] !== undefined)
      .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
      .join(',');
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${list}::${escapeData(d.message)}`;
  });
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}
