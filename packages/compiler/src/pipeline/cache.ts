/**
 * The per-file result cache. The key of a file is sha256(compiler fingerprint, path, bytes):
 * the per-file phase is a pure function of exactly these, so a hit is the result the compiler
 * would compute. Two levels:
 *
 * - memory: a Map kept for the life of the FileCache (watch mode keeps one across rebuilds);
 * - disk (optional): one entry file per key, `<dir>/<key>.entry`, written atomically (temp file
 *   + rename) and never trusted blindly: an entry is used only if its header names the same
 *   key and path, its sha256 checksum matches its bytes and its data has the expected shape.
 *   Anything else (truncated, corrupt, from another format) is a miss and is overwritten.
 *
 * After each build both levels are pruned to the keys that build used, so neither grows with
 * every edit. Entry format: one JSON header line, then the JSON of { result, index }, then the
 * blob (see prepare.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { classify } from '../source/load.js';
import { type HashMemo, newHashMemo } from './assemble.js';
import { compilerFingerprint } from './fingerprint.js';
import type { PreparedFile, PreparedIndex } from './prepare.js';

const ENTRY_FORMAT = 'examdown-cache-entry';
const ENTRY_VERSION = 1;
const ENTRY_SUFFIX = '.entry';

export interface FileCacheOptions {
  /**
   * Directory for the on-disk cache (one content dir per directory); memory only when absent.
   * See defaultCacheDir.
   */
  dir?: string | undefined;
  /**
   * Reuse a file's previous text and key without reading it when its size, mtime, ctime and
   * inode are unchanged since the last build with this cache (watch mode, which also forgets
   * files named by change events). Default false: every build reads and hashes every file.
   */
  trustStat?: boolean | undefined;
}

/** What a file looked like when it was last read (trustStat). */
export interface FileState {
  signature: string;
  text: string;
  key: string;
}

export interface CacheStats {
  /** Per-file results found in memory / on disk, and computed. */
  memoryHits: number;
  diskHits: number;
  misses: number;
  /** Files whose bytes were not read again (trustStat). */
  statHits: number;
}

export class FileCache {
  readonly dir: string | undefined;
  readonly trustStat: boolean;
  readonly stats: CacheStats = { memoryHits: 0, diskHits: 0, misses: 0, statHits: 0 };
  /** The content hash's checkpoints from the last build (see assemble.ts). */
  readonly hashMemo: HashMemo = newHashMemo();
  private readonly memory = new Map<string, PreparedFile>();
  private readonly files = new Map<string, FileState>();
  private used = new Set<string>();
  private seen = new Set<string>();
  private dirReady = false;

  constructor(options: FileCacheOptions = {}) {
    this.dir = options.dir;
    this.trustStat = options.trustStat ?? false;
  }

  /** sha256(fingerprint, path, content): the identity of a per-file result. */
  key(file: string, content: Uint8Array | string): string {
    return createHash('sha256')
      .update(compilerFingerprint())
      .update('\0')
      .update(file)
      .update('\0')
      .update(content)
      .digest('hex');
  }

  /** Starts a build: resets the statistics and the set of keys in use. */
  begin(): void {
    this.used = new Set();
    this.seen = new Set();
    Object.assign(this.stats, { memoryHits: 0, diskHits: 0, misses: 0, statHits: 0 });
  }

  get(key: string, file: string): PreparedFile | undefined {
    this.used.add(key);
    const memory = this.memory.get(key);
    if (memory) {
      this.stats.memoryHits++;
      return memory;
    }
    const disk = this.dir ? readEntry(this.dir, key, file) : undefined;
    if (disk) {
      this.stats.diskHits++;
      this.memory.set(key, disk);
      return disk;
    }
    this.stats.misses++;
    return undefined;
  }

  /** Stores a result; `persisted` when a worker already wrote the disk entry. */
  set(key: string, prepared: PreparedFile, persisted = false): void {
    this.used.add(key);
    this.memory.set(key, prepared);
    if (this.dir && !persisted && this.ensureDir()) writeEntry(this.dir, key, prepared);
  }

  /** Whether workers may write entries themselves (the directory exists and is writable). */
  diskDir(): string | undefined {
    return this.dir && this.ensureDir() ? this.dir : undefined;
  }

  fileState(file: string): FileState | undefined {
    if (!this.trustStat) return undefined;
    this.seen.add(file);
    return this.files.get(file);
  }

  rememberFile(file: string, state: FileState): void {
    if (!this.trustStat) return;
    this.seen.add(file);
    this.files.set(file, state);
  }

  /** Forces the next build to read `file` again (watch mode: the file changed). */
  forget(file: string): void {
    this.files.delete(file);
  }

  /** Ends a build: drops every entry (memory and disk) that this build did not use. */
  end(): void {
    for (const key of this.memory.keys()) if (!this.used.has(key)) this.memory.delete(key);
    for (const file of this.files.keys()) if (!this.seen.has(file)) this.files.delete(file);
    if (!this.dir || !this.dirReady) return;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const now = Date.now();
    for (const name of names) {
      const full = path.join(this.dir, name);
      try {
        if (name.endsWith(ENTRY_SUFFIX)) {
          if (!this.used.has(name.slice(0, -ENTRY_SUFFIX.length))) unlinkSync(full);
        } else if (name.endsWith('.tmp') && now - statSync(full).mtimeMs > 10 * 60_000) {
          unlinkSync(full); // left behind by a killed process
        }
      } catch {
        // Another process may be pruning too; a leftover entry is harmless.
      }
    }
  }

  private ensureDir(): boolean {
    if (this.dirReady) return true;
    if (!this.dir) return false;
    try {
      mkdirSync(this.dir, { recursive: true });
      this.dirReady = true;
    } catch {
      // No disk cache (read-only checkout, no permission): memory only, never an error.
    }
    return this.dirReady;
  }
}

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

// ---------------------------------------------------------------------------
// Entries
// ---------------------------------------------------------------------------

interface EntryHeader {
  format: string;
  version: number;
  key: string;
  path: string;
  meta: number;
  blob: number;
  sha256: string;
}

/** Writes `<dir>/<key>.entry` atomically. Failures are ignored: the cache is an optimisation. */
export function writeEntry(dir: string, key: string, prepared: PreparedFile): void {
  const temp = path.join(dir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const meta = Buffer.from(JSON.stringify({ result: prepared.result, index: prepared.index }), 'utf8');
    const sha256 = createHash('sha256').update(meta).update(prepared.blob).digest('hex');
    const header: EntryHeader = {
      format: ENTRY_FORMAT,
      version: ENTRY_VERSION,
      key,
      path: prepared.result.path,
      meta: meta.length,
      blob: prepared.blob.length,
      sha256,
    };
    const fd = openSync(temp, 'w');
    try {
      for (const chunk of [Buffer.from(`${JSON.stringify(header)}\n`), meta, prepared.blob]) {
        let written = 0;
        while (written < chunk.length) written += writeSync(fd, chunk, written);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path.join(dir, `${key}${ENTRY_SUFFIX}`));
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
  }
}

/** Reads and verifies `<dir>/<key>.entry`; undefined for a missing, foreign or damaged entry. */
export function readEntry(dir: string, key: string, file: string): PreparedFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dir, `${key}${ENTRY_SUFFIX}`));
  } catch {
    return undefined;
  }
  try {
    const newline = bytes.indexOf(0x0a);
    if (newline <= 0 || newline > 4096) return undefined;
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Partial<EntryHeader>;
    if (
      header.format !== ENTRY_FORMAT ||
      header.version !== ENTRY_VERSION ||
      header.key !== key ||
      header.path !== file ||
      !Number.isSafeInteger(header.meta) ||
      !Number.isSafeInteger(header.blob) ||
      (header.meta as number) < 0 ||
      (header.blob as number) < 0 ||
      newline + 1 + (header.meta as number) + (header.blob as number) !== bytes.length
    ) {
      return undefined;
    }
    const meta = bytes.subarray(newline + 1, newline + 1 + (header.meta as number));
    const blob = bytes.subarray(newline + 1 + (header.meta as number));
    if (createHash('sha256').update(meta).update(blob).digest('hex') !== header.sha256) return undefined;
    const data = JSON.parse(meta.toString('utf8')) as { result?: unknown; index?: unknown };
    if (!isPrepared(data, file, blob.length)) return undefined;
    // A view into the entry's bytes, not a copy: blobs are never written to.
    return { result: data.result, index: data.index, blob };
  } catch {
    return undefined;
  }
}

/** Shape check of a decoded entry: enough that the link phase and assembly cannot trip on it. */
function isPrepared(
  data: { result?: unknown; index?: unknown },
  file: string,
  blobLength: number,
): data is Pick<PreparedFile, 'result' | 'index'> {
  const result = data.result as Record<string, unknown> | null | undefined;
  const index = data.index as Partial<PreparedIndex> | null | undefined;
  if (!result || typeof result !== 'object' || !index || typeof index !== 'object') return false;
  if (result.path !== file || result.kind !== (classify(file) ?? 'bank')) return false;
  if (!Array.isArray(result.diagnostics) || !Array.isArray(result.questions)) return false;
  const offsets = index.offsets;
  if (!Array.isArray(offsets) || offsets[0] !== 0 || offsets[offsets.length - 1] !== blobLength) return false;
  for (let i = 1; i < offsets.length; i++) {
    if (!Number.isSafeInteger(offsets[i]) || (offsets[i] as number) <= (offsets[i - 1] as number))
      return false;
  }
  const partOk = (p: unknown) => {
    const parts = p as { pub?: unknown; canon?: unknown } | undefined;
    return (
      !!parts &&
      Number.isSafeInteger(parts.pub) &&
      Number.isSafeInteger(parts.canon) &&
      (parts.pub as number) >= 0 &&
      (parts.canon as number) >= 0 &&
      (parts.pub as number) < offsets.length - 1 &&
      (parts.canon as number) < offsets.length - 1
    );
  };
  const questions = index.questions;
  if (!Array.isArray(questions) || questions.length !== result.questions.length) return false;
  if (!questions.every((q) => partOk(q?.public) && partOk(q?.key))) return false;
  if (!!result.exam !== !!index.exam || (index.exam && !partOk(index.exam))) return false;
  if (!!result.guide !== !!index.guide || (index.guide && !partOk(index.guide))) return false;
  return true;
}
