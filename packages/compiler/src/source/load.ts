/**
 * Reading the content directory: which files exist, what kind each is, and whether its
 * bytes are text at all. Everything after this works on strings.
 */
import { readFileSync, statSync } from 'node:fs';
import { glob, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileCache } from '../cache/file-cache.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';

export type SourceKind = 'exam' | 'guide' | 'bank';

/** One Markdown source, as the per-file phase sees it. `path` is content-relative and posix. */
export interface SourceFile {
  path: string;
  text: string;
  /** What the file needs from other files (source/context.ts), as canonical JSON; '' or absent: nothing. */
  context?: string | undefined;
}

/** The folder decides what a file is (docs/authoring.md). Other Markdown is not content. */
export function classify(relativePath: string): SourceKind | undefined {
  if (!relativePath.endsWith('.md')) return undefined;
  const [top] = relativePath.split('/');
  if (top === 'exams') return 'exam';
  if (top === 'guides') return 'guide';
  if (top === 'questions') return 'bank';
  return undefined;
}

/** Directories that never hold sources: dependencies, tool state and build output. */
const SKIPPED_DIRS = new Set(['node_modules', 'bundle', 'dist']);

/** Whether a content-relative path lies in a folder the loader never reads (dot folders, SKIPPED_DIRS). */
export function isSkippedPath(relativePath: string): boolean {
  return relativePath.split('/').some((part) => part.startsWith('.') || SKIPPED_DIRS.has(part));
}

/** Content-relative paths of every `.md` file under `root`, sorted (walk order never matters). */
export async function listMarkdown(root: string): Promise<string[]> {
  const absolute = path.resolve(root);
  const found: string[] = [];
  // glob skips dot files and folders itself; regular files only (no folders named x.md, no links).
  const entries = glob('**/*.md', {
    cwd: absolute,
    withFileTypes: true,
    exclude: (entry) => SKIPPED_DIRS.has(entry.name) && entry.isDirectory(),
  });
  for await (const entry of entries) {
    if (!entry.isFile()) continue;
    found.push(path.relative(absolute, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return found.sort();
}

/** Decodes bytes as UTF-8 text, or explains why they are not. */
export function decodeSource(
  relativePath: string,
  bytes: Uint8Array,
): { text: string } | { diagnostic: Diagnostic } {
  // A NUL byte never appears in Markdown; it is the cheapest reliable binary test.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      diagnostic: diagnostic(
        relativePath,
        'file-unreadable',
        `binary data (a NUL byte at offset ${nul}); Markdown sources must be UTF-8 text`,
        { start: { line: 1, column: 1 } },
      ),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      diagnostic: diagnostic(
        relativePath,
        'file-unreadable',
        `invalid UTF-8 (byte 0x${(bytes[at.offset] ?? 0).toString(16)} at offset ${at.offset}); save the file as UTF-8`,
        { start: { line: at.line, column: at.column } },
      ),
    };
  }
}

/**
 * Where decoding breaks, so the author can find the bad byte: a minimal UTF-8 validator.
 * Lines end at \r\n, \r or \n and columns count characters, as in the parser's positions.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return { offset: i, line, column };
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return { offset: i, line, column };
    }
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      column = 1;
    } else if (b !== 0x0d) {
      // A character of 4 bytes is two UTF-16 code units, as columns count elsewhere.
      column += length === 4 ? 2 : 1;
    }
    i += length;
  }
  return { offset: i, line, column };
}

export interface LoadedContent {
  sources: SourceFile[];
  diagnostics: Diagnostic[];
  /** Every Markdown file seen, readable or not. */
  fileCount: number;
  /** Content-relative path → cache key of its bytes (only when loaded with a cache). */
  keys: Map<string, string>;
}

export interface LoadOptions {
  /** Computes each file's cache key from its bytes; with trustStat, skips unchanged files. */
  cache?: FileCache | undefined;
}

/** Reads every content file under `root`. Unreadable files become diagnostics, never exceptions. */
export async function loadContent(
  root: string,
  label = root,
  options: LoadOptions = {},
): Promise<LoadedContent> {
  const { cache } = options;
  const diagnostics: Diagnostic[] = [];
  const sources: SourceFile[] = [];
  const keys = new Map<string, string>();
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    diagnostics.push(diagnostic(label, 'content-empty', `content directory '${label}' does not exist`));
    return { sources, diagnostics, fileCount: 0, keys };
  }
  const all = await listMarkdown(root);
  const relevant = all.filter((p) => classify(p) !== undefined);
  // Synchronous reads: for hundreds of small files they are several times faster than
  // awaiting fs.promises.readFile one by one.
  for (const rel of relevant) {
    const full = path.join(root, rel);
    let signature: string | undefined;
    if (cache?.trustStat) {
      // Stat before reading: a change after the stat gives a new signature next time.
      signature = fileSignature(full);
      const known = cache.fileState(rel);
      if (signature !== undefined && known?.signature === signature) {
        sources.push({ path: rel, text: known.text });
        keys.set(rel, known.key);
        cache.stats.statHits++;
        continue;
      }
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(full);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push(diagnostic(rel, 'file-unreadable', `cannot read the file: ${reason}`));
      cache?.forget(rel);
      continue;
    }
    const decoded = decodeSource(rel, bytes);
    if ('diagnostic' in decoded) {
      diagnostics.push(decoded.diagnostic);
      cache?.forget(rel);
      continue;
    }
    sources.push({ path: rel, text: decoded.text });
    if (cache) {
      const key = cache.key(rel, bytes);
      keys.set(rel, key);
      if (signature !== undefined) cache.rememberFile(rel, { signature, text: decoded.text, key });
    }
  }
  return { sources, diagnostics, fileCount: relevant.length, keys };
}

/** Size, times and inode: changes whenever the file is written, renamed over or replaced. */
function fileSignature(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}
