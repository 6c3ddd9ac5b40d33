import type { VFile } from 'vfile';
import { report, type Span } from '../diagnostics.js';
import { Slug } from '../schema/index.js';

/** `exams/databricks-ml-professional.md` → `databricks-ml-professional`. */
export function baseName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/, '');
}

/** The explicit id/slug key, else the file name; a file name that is no valid id is an error. */
export function resolveFileId(file: VFile, explicit: string | undefined, key: string, span: Span): string {
  if (explicit) return explicit;
  const name = baseName(file.path);
  if (!Slug.safeParse(name).success) {
    report(
      file,
      'frontmatter-invalid',
      `file name '${name}' is not a lower-case kebab-case id: rename the file or set '${key}:' in the frontmatter`,
      span,
    );
  }
  return name;
}
