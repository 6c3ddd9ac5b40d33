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
 * every edit. Entries: entry.ts; where the cache lives: location.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { type HashMemo, newHashMemo } from '../bundle/assemble.js';
import type { PreparedFile } from '../bundle/prepare.js';
import { ENTRY_SUFFIX, readEntry, writeEntry } from './entry.js';
import { compilerFingerprint } from './fingerprint.js';

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
