import { type Diagnostic, diagnostic, type Span } from '../diagnostics.js';
import { Slug } from '../schema/index.js';

/** `exams/databricks-ml-professional.md` → `databricks-ml-professional`. */
export function baseName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/, '');
}

/** The explicit id/slug key, else the file name; a file name that is no valid id is an error. */
export function resolveFileId(
  file: string,
  explicit: string | undefined,
  key: string,
  span: Span,
  diagnostics: Diagnostic[],
): string {
  if (explicit) return explicit;
  const name = baseName(file);
  if (!Slug.safeParse(name).success) {
    diagnostics.push(
      diagnostic(
        file,
        'frontmatter-invalid',
        `file name '${name}' is not a lower-case kebab-case id: rename the file or set '${key}:' in the frontmatter`,
        span,
      ),
    );
  }
  return name;
}
