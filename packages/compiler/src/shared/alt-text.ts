/**
 * Image alt text: a learner who cannot see the chart still needs to know what it shows. Flags an
 * image whose alt text is empty, a file name ("question14.png"), or a bare label ("Question 14",
 * "image", "diagram 2", "screenshot").
 */
const FILE_NAME = /\.(png|jpe?g|gif|svg|webp|avif|bmp)$/i;
const LABEL =
  /^(?:image|img|picture|pic|figure|fig|diagram|chart|graph|screenshot|screen shot|exhibit|question|q)\s*[-_#:.]?\s*\d*\s*$/i;

/** Why `alt` is not useful alt text, or undefined when it is. */
export function altProblem(alt: string | null | undefined): string | undefined {
  const text = (alt ?? '').trim();
  if (text === '') return 'has no alt text';
  if (FILE_NAME.test(text)) return `has a file name as alt text ('${text}')`;
  if (LABEL.test(text)) return `has only a label as alt text ('${text}')`;
  return undefined;
}
