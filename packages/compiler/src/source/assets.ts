/**
 * Local files that content links to (images, PDFs…): found under the content dir, named in the
 * bundle by their content (`<first 16 hex of sha256>.<ext>`), so the same bytes are one file and
 * a name never changes meaning: browsers may cache it forever.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ASSET_URL_PREFIX, CONTENT_FILE_TYPES, type ContentFileExtension } from '../shared/content-files.js';
import { isSkippedPath } from './load.js';

export const ASSET_EXTENSIONS = Object.keys(CONTENT_FILE_TYPES) as ContentFileExtension[];
export { ASSET_URL_PREFIX };

export interface Asset {
  /** Content-relative path (posix). */
  path: string;
  /** Bundle name: `<sha256-16>.<ext>`. */
  name: string;
  bytes: Uint8Array;
}

export function assetName(rel: string, bytes: Uint8Array): string {
  const ext = (rel.split('.').at(-1) ?? 'bin').toLowerCase();
  return `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${ext}`;
}

/** Every asset file under `root` (dot folders, node_modules, bundle/ and dist/ skipped). */
export function loadAssets(root: string): Asset[] {
  const pattern = `**/*.{${ASSET_EXTENSIONS.join(',')},${ASSET_EXTENSIONS.map((e) => e.toUpperCase()).join(',')}}`;
  let found: string[];
  try {
    found = globSync(pattern, { cwd: root });
  } catch {
    return [];
  }
  const assets: Asset[] = [];
  for (const rel of found.map((p) => p.split(path.sep).join('/')).sort()) {
    if (isSkippedPath(rel)) continue;
    try {
      const bytes = readFileSync(path.join(root, rel));
      assets.push({ path: rel, name: assetName(rel, bytes), bytes });
    } catch {
      // Unreadable: a reference to it is reported as missing.
    }
  }
  return assets;
}
