/**
 * The second half of the per-file phase: everything the bundle needs from one file, done once
 * per file (in a worker thread, and cached by content hash) instead of once per build over the
 * whole bundle.
 *
 * For every entity the file contributes (exam, guide, question, question key) it
 * - validates it against its bundle schema (the check `buildBundle` does with
 *   `PublicBundle.parse`, element by element: the same schemas, the same output);
 * - serializes the validated value with `JSON.stringify` (the bytes `serializeBundle` writes);
 * - serializes it as canonical JSON (the bytes the content hash is computed over).
 * The serialized forms go into one UTF-8 blob (transferable between threads, writable to disk
 * as is) and the FileResult is slimmed down to what the link phase reads: the HTML lives only in
 * the blob. The bundle is then assembled from blob slices (see assemble.ts), with no zod, no
 * JSON.stringify and no key sorting over the whole bundle.
 */
import { canonicalJson } from '../bundle/canonical.js';
import { compileFile, type FileResult } from '../compile-file.js';
import { diagnostic } from '../diagnostics.js';
import { Exam, Guide, PublicQuestion, QuestionKey } from '../schema/index.js';
import type { SourceFile, SourceKind } from '../source/load.js';

/**
 * Indices into `PreparedIndex.offsets`: part i is bytes offsets[i] to offsets[i+1] - 1 of the
 * blob; the byte at offsets[i+1] - 1 is the ',' that follows every part.
 */
export interface EntityParts {
  /** JSON.stringify of the schema-validated value: what the bundle file contains. */
  pub: number;
  /** canonicalJson of the value: what the content hash covers. */
  canon: number;
}

export interface PreparedIndex {
  /** Byte offsets of the parts (each with its trailing ',') in the blob: parts + 1 entries. */
  offsets: number[];
  exam?: EntityParts | undefined;
  guide?: EntityParts | undefined;
  /** One per `result.questions[i]`: the public question and its key. */
  questions: Array<{ public: EntityParts; key: EntityParts }>;
  /**
   * The first bundle-contract violation of this file's entities. A draft of a file with errors
   * may legitimately fail (an invalid id is reported as a diagnostic); when a bundle is built
   * (no errors anywhere) a violation is a compiler bug and becomes `internal-error`, as the
   * whole-bundle parse did before.
   */
  invalid?: string | undefined;
}

export interface PreparedFile {
  /** The per-file result without its HTML (see slimResult): small, cheap to clone and cache. */
  result: FileResult;
  /** UTF-8 bytes of every serialized part; owns its ArrayBuffer, so it can be transferred. */
  blob: Uint8Array;
  index: PreparedIndex;
}

/** compileFile + prepareFile: the whole per-file phase, as a worker or the cache runs it. */
export function compileAndPrepare(source: SourceFile, kind?: SourceKind): PreparedFile {
  const result = kind === undefined ? compileFile(source) : compileFile(source, kind);
  try {
    return prepareFile(result);
  } catch (error) {
    // Same contract as compileFile: a compiler bug is a diagnostic on the file, never a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      result: {
        path: result.path,
        kind: result.kind,
        diagnostics: [
          diagnostic(result.path, 'internal-error', `internal compiler error: ${reason}`, {
            start: { line: 1, column: 1 },
          }),
        ],
        questions: [],
      },
      blob: new Uint8Array(0),
      index: { offsets: [0], questions: [] },
    };
  }
}

export function prepareFile(result: FileResult): PreparedFile {
  // Parts are laid out by kind (every question's public JSON, then every question's canonical
  // JSON, …), each followed by one ',' byte. Questions of one file that are also neighbours in
  // the bundle (ids in file order) then form one contiguous run "q1,q2,q3" that the assembly
  // hashes and writes as a single slice.
  const groups: string[][] = [[], [], [], [], [], []];
  let invalid: string | undefined;
  const add = (group: number, text: string) => {
    (groups[group] as string[]).push(text);
    return { group, at: (groups[group] as string[]).length - 1 };
  };
  const entity = (
    schema: { safeParse(value: unknown): SafeParse },
    value: unknown,
    what: string,
    pubGroup: number,
    canonGroup: number,
  ) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) invalid ??= `${what} violates the bundle schema: ${parsed.error?.message}`;
    return {
      pub: add(pubGroup, JSON.stringify(parsed.success ? parsed.data : value)),
      canon: add(canonGroup, canonicalJson(value)),
    };
  };

  const exam = result.exam
    ? entity(Exam, result.exam.exam, `exam '${result.exam.exam.id}'`, 0, 0)
    : undefined;
  const guide = result.guide
    ? entity(Guide, result.guide.guide, `guide '${result.guide.guide.slug}'`, 1, 1)
    : undefined;
  const questions = result.questions.map((question) => {
    const id = question.public.id;
    return {
      public: entity(PublicQuestion, question.public, `question '${id}'`, 2, 3),
      key: entity(QuestionKey, sortedKey(question.key), `the key of question '${id}'`, 4, 5),
    };
  });

  // Part numbers in layout order, and one allocation that owns its ArrayBuffer (Buffer.from
  // would use the shared pool, which cannot be transferred).
  const firstOfGroup: number[] = [];
  const texts: string[] = [];
  for (const group of groups) {
    firstOfGroup.push(texts.length);
    texts.push(...group);
  }
  const number = (ref: { group: number; at: number }) => (firstOfGroup[ref.group] as number) + ref.at;
  const parts = (ref: { pub: { group: number; at: number }; canon: { group: number; at: number } }) => ({
    pub: number(ref.pub),
    canon: number(ref.canon),
  });
  const offsets = [0];
  let total = 0;
  for (const text of texts) {
    total += Buffer.byteLength(text, 'utf8') + 1;
    offsets.push(total);
  }
  const blob = Buffer.allocUnsafeSlow(total);
  texts.forEach((text, i) => {
    const end = blob.write(text, offsets[i] as number, 'utf8') + (offsets[i] as number);
    blob[end] = COMMA;
  });
  const index: PreparedIndex = {
    offsets,
    questions: questions.map((q) => ({ public: parts(q.public), key: parts(q.key) })),
  };
  if (exam) index.exam = parts(exam);
  if (guide) index.guide = parts(guide);
  if (invalid !== undefined) index.invalid = invalid;
  return { result: slimResult(result), blob, index };
}

const COMMA = 0x2c;

interface SafeParse {
  success: boolean;
  data?: unknown;
  error?: { message: string } | undefined;
}

/** The key as the bundle stores it: rationales sorted by option id (as buildBundle does). */
export function sortedKey(key: QuestionKey): QuestionKey {
  return {
    ...key,
    rationales: Object.fromEntries(Object.entries(key.rationales).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/**
 * The FileResult without what only the bundle needs (HTML, table of contents, FAQ, rationales,
 * explanations): those bytes are in the blob. Everything the link phase reads is kept.
 */
export function slimResult(result: FileResult): FileResult {
  const slim: FileResult = {
    path: result.path,
    kind: result.kind,
    diagnostics: result.diagnostics,
    questions: result.questions.map((q) => ({
      ...q,
      public: { ...q.public, stemHtml: '', options: q.public.options.map((o) => ({ id: o.id, html: '' })) },
      key: { id: q.key.id, correct: q.key.correct, rationales: {} },
    })),
  };
  if (result.exam) slim.exam = { ...result.exam, exam: { ...result.exam.exam, descriptionHtml: '' } };
  if (result.guide) {
    slim.guide = { ...result.guide, guide: { ...result.guide.guide, html: '', toc: [], faq: [] } };
  }
  if (result.bank) slim.bank = result.bank;
  if (result.declaredId !== undefined) slim.declaredId = result.declaredId;
  if (result.assets) slim.assets = result.assets;
  return slim;
}

/** Part `i` of a prepared file's blob, without its trailing comma (a view, no copy). */
export function part(file: PreparedFile, i: number): Uint8Array {
  return file.blob.subarray(file.index.offsets[i], (file.index.offsets[i + 1] as number) - 1);
}
