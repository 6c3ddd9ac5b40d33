import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverModule } from './server-path';

// The package's own resolution context (vitest runs from the package directory).
const require = createRequire(path.join(process.cwd(), 'package.json'));

describe('serverModule', () => {
  it('finds the language server this extension depends on', () => {
    const found = serverModule(undefined, require.resolve);
    expect(found.endsWith(path.join('language-server', 'dist', 'main.js'))).toBe(true);
  });

  it('prefers the configured path', () => {
    expect(serverModule('/opt/examdown/main.js', require.resolve)).toBe('/opt/examdown/main.js');
  });
});
