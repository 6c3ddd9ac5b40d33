/** vitest globalSetup: compile src → dist so the stdio tests drive the current server. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const tsc = path.resolve(pkg, '../../node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', 'tsconfig.build.json'], { cwd: pkg, stdio: 'inherit' });
}
