/** Where the on-disk cache lives: one folder per content dir, under the nearest package. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * `node_modules/.cache/examdown/<id>` of the nearest directory at or above `contentDir` that has
 * a package.json (the convention of babel, eslint and webpack; node_modules is ignored by every
 * VCS set-up), one subfolder per content dir. Undefined outside any package: then only an
 * explicit --cache-dir gives a disk cache, and nothing is ever written into the content itself.
 */
export function defaultCacheDir(contentDir: string): string | undefined {
  const absolute = path.resolve(contentDir);
  let dir = absolute;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')))
      return cacheDirIn(path.join(dir, 'node_modules/.cache/examdown'), absolute);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `<root>/<sha256(content dir)[0..16]>`: content dirs sharing a root never prune each other. */
export function cacheDirIn(root: string, contentDir: string): string {
  const id = createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16);
  return path.join(path.resolve(root), id);
}
