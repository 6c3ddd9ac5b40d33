/**
 * Code frames: the diagnostic's line with one line of context either side and carets under the
 * span. Lines longer than `width` are cut to a window around the column (`…` marks a cut), the
 * same window for every line of the frame so they stay aligned, and the carets never run past
 * it — a 500-character heading gives one screen line, not 500 carets.
 */
import { codeFrameColumns } from '@babel/code-frame';

export interface FramePlace {
  line?: number | undefined;
  column?: number | undefined;
  endLine?: number | undefined;
  endColumn?: number | undefined;
}

export function codeFrame(source: string, place: FramePlace, width = 100): string {
  const lines = source.split(/\r\n|\r|\n/);
  const lineNo = Math.min(Math.max(1, place.line ?? 1), lines.length);
  const text = lines[lineNo - 1] ?? '';
  const col = Math.min(Math.max(1, place.column ?? 1), text.length + 1);
  // Multi-line spans make noisy frames: mark the first line only (one caret when there is no end).
  const end =
    place.endLine === place.line && place.endColumn !== undefined && place.endColumn > col
      ? Math.min(place.endColumn, text.length + 1)
      : col + 1;
  const longest = Math.max(...[lineNo - 1, lineNo, lineNo + 1].map((n) => (lines[n - 1] ?? '').length));
  const start =
    longest <= width ? 0 : Math.max(0, Math.min(col - 1 - Math.floor(width / 3), text.length - width + 1));
  const cut = (s: string): string => {
    if (longest <= width) return s;
    const head = start > 0 ? '…' : '';
    const slice = s.slice(start, start + width);
    return `${head}${slice}${start + width < s.length ? '…' : ''}`;
  };
  const gutter = String(Math.min(lines.length, lineNo + 1)).length;
  const out: string[] = [];
  for (let n = Math.max(1, lineNo - 1); n <= Math.min(lines.length, lineNo + 1); n++) {
    const body = cut(lines[n - 1] ?? '');
    out.push(`${n === lineNo ? '>' : ' '} ${String(n).padStart(gutter)} |${body ? ` ${body}` : ''}`);
    if (n === lineNo) {
      const offset = (longest > width && start > 0 ? 1 : 0) + (col - 1 - start);
      const visibleEnd = Math.min(end - 1 - start, width);
      const carets = Math.max(1, visibleEnd - (col - 1 - start));
      out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, offset))}${'^'.repeat(carets)}`);
    }
  }
  return out.join('\n');
}

/** The frame under a diagnostic: @babel/code-frame's, or the cut one when a line is too long. */
export function frame(source: string, d: FramePlace, width = 100): string {
  const line = d.line ?? 1;
  const lines = source.split(/\r\n|\r|\n/);
  const long = [line - 1, line, line + 1].some((n) => (lines[n - 1] ?? '').length > width);
  if (long) return codeFrame(source, d, width);
  // @babel/code-frame 8 counts columns from 0; ours count from 1 like unist and editors.
  const start = { line, column: (d.column ?? 1) - 1 };
  // Multi-line spans make noisy frames: mark the first line only.
  const end =
    d.endLine === d.line && d.endColumn !== undefined && d.endColumn > (d.column ?? 1)
      ? { line: start.line, column: d.endColumn - 1 }
      : undefined;
  return codeFrameColumns(source, end ? { start, end } : { start }, {
    highlightCode: false,
    linesAbove: 1,
    linesBelow: 1,
  });
}
