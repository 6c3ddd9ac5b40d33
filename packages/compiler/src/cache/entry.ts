/**
 * One on-disk cache entry, `<dir>/<key>.entry`: a JSON header line, then the JSON of
 * { result, index }, then the blob (see bundle/prepare.ts). Entries are never trusted blindly:
 * one is used only if its header names the same key and path, its sha256 checksum matches its
 * bytes and its data fits the file (the schemas below); anything else is a miss.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PreparedFile, PreparedIndex } from '../bundle/prepare.js';
import type { FileResult } from '../compile-file.js';
import { classify } from '../source/load.js';

export const ENTRY_SUFFIX = '.entry';
const FORMAT = 'examdown-cache-entry';
const VERSION = 1;

const EntryHeader = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  key: z.string(),
  path: z.string(),
  /** Byte lengths of the JSON part and of the blob. */
  meta: z.int().nonnegative(),
  blob: z.int().nonnegative(),
  sha256: z.string(),
});

/** Indices of an entity's parts in `offsets`. */
const Parts = z.object({ pub: z.int().nonnegative(), canon: z.int().nonnegative() });

/**
 * An entry's data together with what it must fit (the file it is read for, its blob's length):
 * enough that the link phase and assembly cannot trip on it.
 */
const EntryData = z
  .object({
    file: z.string(),
    blobLength: z.int(),
    result: z.looseObject({
      path: z.string(),
      kind: z.string(),
      diagnostics: z.array(z.unknown()),
      questions: z.array(z.unknown()),
    }),
    index: z.looseObject({
      offsets: z.array(z.int()),
      exam: Parts.optional(),
      guide: Parts.optional(),
      questions: z.array(z.object({ public: Parts, key: Parts })),
    }),
  })
  .refine(({ file, blobLength, result, index }) => {
    const { offsets } = index;
    const parts = offsets.length - 1;
    const inBlob = (p: z.infer<typeof Parts> | undefined) => !p || (p.pub < parts && p.canon < parts);
    return (
      result.path === file &&
      result.kind === (classify(file) ?? 'bank') &&
      offsets[0] === 0 &&
      offsets.at(-1) === blobLength &&
      offsets.every((offset, i) => i === 0 || offset > (offsets[i - 1] as number)) &&
      index.questions.length === result.questions.length &&
      index.questions.every((q) => inBlob(q.public) && inBlob(q.key)) &&
      !!result.exam === !!index.exam &&
      !!result.guide === !!index.guide &&
      inBlob(index.exam) &&
      inBlob(index.guide)
    );
  }, 'the cache entry does not fit its file');

/** Writes `<dir>/<key>.entry` atomically. Failures are ignored: the cache is an optimisation. */
export function writeEntry(dir: string, key: string, prepared: PreparedFile): void {
  const temp = path.join(dir, `.${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const meta = Buffer.from(JSON.stringify({ result: prepared.result, index: prepared.index }), 'utf8');
    const sha256 = createHash('sha256').update(meta).update(prepared.blob).digest('hex');
    const header: z.input<typeof EntryHeader> = {
      format: FORMAT,
      version: VERSION,
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
    const header = EntryHeader.safeParse(JSON.parse(bytes.toString('utf8', 0, newline)));
    if (!header.success) return undefined;
    const { meta: metaLength, blob: blobLength } = header.data;
    if (header.data.key !== key || header.data.path !== file) return undefined;
    if (newline + 1 + metaLength + blobLength !== bytes.length) return undefined;
    const meta = bytes.subarray(newline + 1, newline + 1 + metaLength);
    const blob = bytes.subarray(newline + 1 + metaLength);
    if (createHash('sha256').update(meta).update(blob).digest('hex') !== header.data.sha256) return undefined;
    const data = JSON.parse(meta.toString('utf8')) as { result?: unknown; index?: unknown };
    if (
      !EntryData.safeParse({ result: data.result, index: data.index, file, blobLength: blob.length }).success
    )
      return undefined;
    // A view into the entry's bytes, not a copy: blobs are never written to.
    return { result: data.result as FileResult, index: data.index as PreparedIndex, blob };
  } catch {
    return undefined;
  }
}
