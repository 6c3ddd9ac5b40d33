/** Where the language server's entry point is (no `vscode` import: testable outside the editor). */
import path from 'node:path';

/** The server's main.js: the configured path, else the @examdown/language-server this extension depends on. */
export function serverModule(configured: string | undefined, resolve: (id: string) => string): string {
  if (configured) return configured;
  return path.join(path.dirname(resolve('@examdown/language-server/package.json')), 'dist', 'main.js');
}
