/**
 * Writing the bundle: one compact JSON document per file plus "\n". The new tree is written
 * next to the old one and swapped in, so stale files never linger and a failed write never
 * leaves half a bundle behind.
 */
import { closeSync, linkSync, openSync, statSync, writevSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BundleOutput } from './assemble.js';
import { BUNDLE_FILES } from '../schema/index.js';
import type { Bundle } from './build.js';

/** File path (relative to the bundle dir) → exact bytes. Pure, so tests can compare builds. */
export function serializeBundle(bundle: Bundle): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value)}\n`;
  return {
    [BUNDLE_FILES.manifest]: json(bundle.public.manifest),
    [BUNDLE_FILES.exams]: json(bundle.public.exams),
    [BUNDLE_FILES.guides]: json(bundle.public.guides),
    [BUNDLE_FILES.questions]: json(bundle.public.questions),
    [BUNDLE_FILES.keys]: json(bundle.private),
  };
}

export async function writeBundle(bundle: Bundle, outDir: string): Promise<string[]> {
  const files = serializeBundle(bundle);
  await swapIn(outDir, Object.keys(files), async (rel, target) => {
    await writeFile(target, files[rel] as string);
  });
  return Object.keys(files).map((rel) => path.join(outDir, rel));
}

/**
 * What a previous writeBundleOutput left in the bundle dir: per file, the chunks it wrote and
 * the file's identity afterwards. Pass it to the next call (watch mode) and files whose bytes
 * did not change are hard-linked into the new tree instead of being written again.
 */
export interface WrittenBundle {
  outDir: string;
  files: Map<string, { chunks: Uint8Array[]; identity: string }>;
}

/** Writes compileContent's `output` (the same bytes writeBundle writes for its bundle). */
export async function writeBundleOutput(
  output: BundleOutput,
  outDir: string,
  previous?: WrittenBundle,
): Promise<WrittenBundle> {
  // The bundle files, plus the content's local assets under public/assets/<hash>.<ext>.
  const files: Record<string, Uint8Array[]> = { ...output.files };
  for (const [name, bytes] of Object.entries(output.assets ?? {})) files[`public/assets/${name}`] = [bytes];
  const written: WrittenBundle = { outDir, files: new Map() };
  await swapIn(outDir, Object.keys(files), async (rel, target) => {
    const chunks = files[rel] as Uint8Array[];
    const before = previous?.outDir === outDir ? previous.files.get(rel) : undefined;
    const old = path.join(outDir, rel);
    if (before && sameChunks(before.chunks, chunks) && identity(old) === before.identity) {
      try {
        linkSync(old, target);
        return;
      } catch {
        // Cross-device or unsupported: write it.
      }
    }
    writeChunks(target, chunks);
  });
  for (const [rel, chunks] of Object.entries(files)) {
    const id = identity(path.join(outDir, rel));
    if (id !== undefined) written.files.set(rel, { chunks, identity: id });
  }
  return written;
}

/** Writes each file into a staging dir, then swaps public/ and private/ in. */
async function swapIn(
  outDir: string,
  rels: readonly string[],
  write: (rel: string, target: string) => Promise<void>,
): Promise<void> {
  const staging = path.join(outDir, `.staging-${process.pid}-${Date.now()}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const rel of rels) {
      const target = path.join(staging, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await write(rel, target);
    }
    for (const tree of ['public', 'private']) {
      await rm(path.join(outDir, tree), { recursive: true, force: true });
      await rename(path.join(staging, tree), path.join(outDir, tree));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** writev in groups (IOV_MAX is 1024 on Linux), resuming after partial writes; no concatenation. */
function writeChunks(target: string, chunks: readonly Uint8Array[]): void {
  const fd = openSync(target, 'w');
  try {
    let pending = chunks.filter((c) => c.byteLength > 0);
    while (pending.length > 0) {
      const group = pending.slice(0, 1024);
      let written = writevSync(fd, group);
      let used = 0;
      while (used < group.length && written >= (group[used] as Uint8Array).byteLength) {
        written -= (group[used] as Uint8Array).byteLength;
        used++;
      }
      const rest = pending.slice(used);
      if (written > 0 && rest.length > 0) rest[0] = (rest[0] as Uint8Array).subarray(written);
      pending = rest;
    }
  } finally {
    closeSync(fd);
  }
}

/** Equal when every chunk is the same view of the same memory: then the bytes are equal. */
function sameChunks(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Uint8Array;
    const y = b[i] as Uint8Array;
    if (x === y) continue;
    if (x.buffer !== y.buffer || x.byteOffset !== y.byteOffset || x.byteLength !== y.byteLength) return false;
  }
  return true;
}

/** Inode, size and times: if they still match what we wrote, nobody has touched the file since. */
function identity(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}
