/**
 * A content tree as the editor sees it: the files on disk, with the text of every open document
 * laid over them, compiled as a whole (so cross-file rules — duplicate ids, blueprint coverage,
 * unknown references — are reported as the author types). Per-file results are reused from an
 * in-memory cache keyed by content hash, so a keystroke recompiles one file and re-links the rest.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  compileSources,
  type Diagnostic,
  FileCache,
  loadAssets,
  loadContent,
  type SourceFile,
} from '@examdown/compiler';

const CONTENT_FOLDERS = ['exams', 'guides', 'questions'];

/** The content root that holds `file`: the nearest ancestor with an exams/, guides/ or questions/ child on the path. */
export function contentRootOf(file: string): string | undefined {
  const parts = path.resolve(file).split(path.sep);
  for (let i = parts.length - 2; i >= 1; i--) {
    if (CONTENT_FOLDERS.includes(parts[i] as string)) return parts.slice(0, i).join(path.sep) || path.sep;
  }
  return undefined;
}

/** Content roots under a workspace folder: the folder itself, or packages/content, or a content/ child. */
export function findContentRoots(folder: string, explicit?: string): string[] {
  if (explicit) return [path.resolve(folder, explicit)];
  const isRoot = (dir: string) =>
    CONTENT_FOLDERS.some((name) => {
      const child = path.join(dir, name);
      return existsSync(child) && statSync(child).isDirectory();
    });
  const candidates = [folder, path.join(folder, 'packages', 'content'), path.join(folder, 'content')];
  return candidates.filter(isRoot);
}

export interface TreeDiagnostics {
  /** Absolute file path → its diagnostics (files without any are absent). */
  byFile: Map<string, Diagnostic[]>;
  /** Diagnostics of the tree itself (no file), e.g. an empty content dir. */
  tree: Diagnostic[];
  errors: number;
  warnings: number;
  ms: number;
}

export class ContentTree {
  readonly root: string;
  private readonly cache = new FileCache();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Whether an absolute path lies inside this tree. */
  contains(file: string): boolean {
    const rel = path.relative(this.root, path.resolve(file));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  /** Compiles the tree with `overlays` (absolute path → unsaved text) in place of the files on disk. */
  async check(overlays: ReadonlyMap<string, string>): Promise<TreeDiagnostics> {
    const started = performance.now();
    const loaded = await loadContent(this.root, this.root);
    const sources = new Map<string, SourceFile>(loaded.sources.map((s) => [s.path, s]));
    for (const [file, text] of overlays) {
      if (!this.contains(file)) continue;
      const rel = path.relative(this.root, file).split(path.sep).join('/');
      if (rel.endsWith('.md') && CONTENT_FOLDERS.includes(rel.split('/')[0] as string)) {
        sources.set(rel, { path: rel, text });
      }
    }
    const ordered = [...sources.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const unreadable = loaded.diagnostics.filter((d) => !sources.has(d.file));
    // Images and other local files, so a broken image path is reported as the author types.
    const assets = loadAssets(this.root);
    const result = compileSources(ordered, { cache: this.cache, root: this.root, assets });
    const byFile = new Map<string, Diagnostic[]>();
    const tree: Diagnostic[] = [];
    for (const d of [...unreadable, ...result.diagnostics]) {
      if (d.file === this.root || d.file === '.' || d.line === undefined) {
        if (d.file === this.root || d.file === '.') {
          tree.push(d);
          continue;
        }
      }
      const abs = path.join(this.root, d.file);
      const list = byFile.get(abs) ?? [];
      list.push(d);
      byFile.set(abs, list);
    }
    return {
      byFile,
      tree,
      errors: result.errors,
      warnings: result.warnings,
      ms: performance.now() - started,
    };
  }
}
