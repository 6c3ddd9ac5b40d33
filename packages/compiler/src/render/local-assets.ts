/**
 * Local images and files in the content (`![chart](images/q14.png)`, `[slides](files/a.pdf)`):
 * resolved against the file's folder, pointed at their bundle name (`/api/v1/assets/<hash>.<ext>`)
 * and recorded, so the assembly copies exactly the assets the content uses. A reference to a file
 * that does not exist is `asset-missing`, at the image or link.
 */
import path from 'node:path';
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import { spanOfNode } from '../parse/positions.js';
import { ASSET_EXTENSIONS, ASSET_URL_PREFIX } from '../source/assets.js';

const ASSET_LINK = new RegExp(`\\.(${ASSET_EXTENSIONS.join('|')})$`, 'i');

/** Whether `url` points into the content itself: no scheme, not protocol-relative, not a fragment. */
export function isLocal(url: string): boolean {
  return (
    url !== '' &&
    !/^[a-z][a-z0-9+.-]*:/i.test(url) &&
    !url.startsWith('//') &&
    !url.startsWith('#') &&
    !url.startsWith('/')
  );
}

/** Rewrites local asset references in place; returns the bundle names used, sorted. */
export function resolveLocalAssets(
  file: VFile,
  tree: Root,
  assets: Readonly<Record<string, string>> | undefined,
): string[] {
  if (!assets) return [];
  const used = new Set<string>();
  const dir = path.posix.dirname(file.path);
  visit(tree, (node) => {
    if (node.type !== 'image' && node.type !== 'link' && node.type !== 'definition') return;
    const target = node as Image | Link | Definition;
    const raw = target.url.split('#')[0]?.split('?')[0] ?? '';
    if (!isLocal(raw)) return;
    if (node.type !== 'image' && !ASSET_LINK.test(raw)) return;
    let decoded = raw;
    try {
      decoded = decodeURI(raw);
    } catch {
      // keep the raw path
    }
    const rel = path.posix.normalize(path.posix.join(dir, decoded));
    const name = rel.startsWith('../') ? undefined : assets[rel];
    if (!name) {
      const why = rel.startsWith('../') ? 'points outside the content directory' : `${rel} does not exist`;
      report(
        file,
        'asset-missing',
        `'${target.url}' ${why}: add the file next to the Markdown or fix the path`,
        spanOfNode(node),
      );
      return;
    }
    used.add(name);
    target.url = `${ASSET_URL_PREFIX}${name}`;
  });
  return [...used].sort();
}
