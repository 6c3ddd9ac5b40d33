/**
 * Where the readiness method is explained. The site renders no docs/ pages and the package has no
 * repository URL, so this names the file on GitHub; change it here if the docs move.
 */
export const READINESS_DOCS_URL = 'https://github.com/examdown/examdown/blob/main/docs/readiness.md';
