/**
 * What "the same compiler" means for the cache: a per-file result may be reused only when the
 * code that produced it is the code that would produce it now. The fingerprint covers
 * - the compiler's version and its own code (every .js/.ts module under dist/ or src/, so a
 *   rebuilt compiler invalidates the cache even without a version bump), and
 * - name@version of every package in its dependency closure (a remark or zod upgrade changes
 *   the output just as much).
 * Computed once per process, only when a cache is used (about 10–30 ms).
 */
import { createHash } from 'node:crypto';
import { existsSync, globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when the cache entry format or the prepared data changes shape. */
export const CACHE_FORMAT = 2;

let memo: string | undefined;

export function compilerFingerprint(): string {
  memo ??= computeFingerprint();
  return memo;
}

function computeFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(`examdown-cache/${CACHE_FORMAT}\0`);
  // This module lives in <package>/(dist|src)/cache/.
  const codeRoot = fileURLToPath(new URL('..', import.meta.url));
  const packageRoot = path.dirname(codeRoot);
  for (const file of codeFiles(codeRoot)) {
    hash.update(`${path.relative(codeRoot, file)}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  for (const entry of dependencyClosure(packageRoot)) hash.update(`${entry}\0`);
  return hash.digest('hex');
}

/** The compiler's own modules, sorted: tests, fixtures, maps and declarations do not count. */
function codeFiles(root: string): string[] {
  try {
    return globSync('**/*.{js,ts}', {
      cwd: root,
      exclude: ['**/__fixtures__', '**/node_modules', '**/*.d.ts', '**/*.test.{js,ts}'],
    })
      .map((file) => path.join(root, file))
      .sort();
  } catch {
    // An unreadable tree only makes the fingerprint coarser; the version still counts.
    return [];
  }
}

/** name@version of the package and every dependency reachable from it, sorted. */
function dependencyClosure(packageRoot: string): string[] {
  const seen = new Map<string, string>();
  const queue: string[] = [packageRoot];
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    let pkg: { name?: string; version?: string; dependencies?: Record<string, string> };
    try {
      pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const id = `${pkg.name ?? dir}@${pkg.version ?? '?'}`;
    if (seen.has(dir)) continue;
    seen.set(dir, id);
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      const found = resolvePackageDir(name, dir);
      if (found && !seen.has(found)) queue.push(found);
    }
  }
  return [...new Set(seen.values())].sort();
}

/** Node's lookup: <dir>/node_modules/<name>, then each parent's. */
function resolvePackageDir(name: string, from: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
