/**
 * The bundle from prepared files: the same bytes as serializeBundle(buildBundle(model)), built
 * from the per-entity JSON the per-file phase already produced. Only the manifest (ids and
 * counts) is built and validated here; entities are sorted by id, their JSON slices are
 * concatenated, and the content hash runs over the canonical slices. Nothing is re-parsed,
 * re-validated or re-stringified, so a rebuild after one edit costs little more than the bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Bundle } from '../bundle/build.js';
import type { ExamDraft } from '../extract/exam.js';
import type { GuideDraft } from '../extract/guide.js';
import type { QuestionDraft } from '../extract/question.js';
import type { LinkModel } from '../link/index.js';
import { BUNDLE_FILES, BUNDLE_SCHEMA_VERSION, Manifest } from '../schema/index.js';
import { canonicalJson } from './canonical.js';
import { type EntityParts, type PreparedFile, part } from './prepare.js';

/** The serialized bundle: each file's bytes as chunks to write in order, plus the manifest. */
export interface BundleOutput {
  manifest: Manifest;
  /** Bundle-relative path (BUNDLE_FILES) → chunks whose concatenation is the file. */
  files: Record<string, Uint8Array[]>;
  /** Local files the content links to, by bundle name (`<sha256-16>.<ext>`): written to public/assets/. */
  assets?: Record<string, Uint8Array> | undefined;
  /** Each entity's part, in bundle order: outputToBundle parses these one by one (and remembers them). */
  entities?: BundleEntities | undefined;
}

/** One entity's serialized JSON: part `part` of a prepared file. */
interface EntityRef {
  file: PreparedFile;
  part: number;
}

interface BundleEntities {
  exams: EntityRef[];
  guides: EntityRef[];
  questions: EntityRef[];
  keys: EntityRef[];
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);
const COMMA = bytes(',');
const OPEN = bytes('[');
const CLOSE_LINE = bytes(']\n');

interface Located {
  file: PreparedFile;
  parts: EntityParts;
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Throws when an entity violates the bundle contract (a compiler bug, reported as
 * internal-error by the caller), like buildBundle.
 */
export function assembleBundle(
  files: readonly PreparedFile[],
  model: LinkModel,
  generator: string,
  memo?: HashMemo,
): BundleOutput {
  // Drafts in the model are the very objects of the prepared results: find each one's slices.
  const exams = new Map<ExamDraft, Located>();
  const guides = new Map<GuideDraft, Located>();
  const questions = new Map<QuestionDraft, QuestionSlices>();
  for (const file of files) {
    if (file.index.invalid !== undefined) throw new Error(file.index.invalid);
    const { result, index } = file;
    if (result.exam && index.exam) exams.set(result.exam, { file, parts: index.exam });
    if (result.guide && index.guide) guides.set(result.guide, { file, parts: index.guide });
    result.questions.forEach((question, i) => {
      const parts = index.questions[i];
      if (parts) questions.set(question, { file, ...parts });
    });
  }
  const find = <K, V>(map: Map<K, V>, draft: K, what: string): V => {
    const found = map.get(draft);
    if (!found) throw new Error(`${what} has no prepared JSON`);
    return found;
  };
  // A question whose derived id was taken went on under a fallback id (link/duplicates.ts).
  for (const { draft, original } of model.questions.values()) {
    if (original) {
      const parts = find(questions, original, `question '${original.public.id}'`);
      questions.set(draft, withId(parts, draft.public.id));
    }
  }

  const examDrafts = [...model.exams.values()].map((e) => e.draft).sort(byKey((e) => e.exam.id));
  const guideDrafts = [...model.guides.values()].map((g) => g.draft).sort(byKey((g) => g.guide.slug));
  const questionDrafts = [...model.questions.values()]
    .map((q) => q.draft)
    .sort((a, b) => (a.public.id < b.public.id ? -1 : a.public.id > b.public.id ? 1 : 0));
  const examSlices = examDrafts.map((d) => find(exams, d, `exam '${d.exam.id}'`));
  const guideSlices = guideDrafts.map((d) => find(guides, d, `guide '${d.guide.slug}'`));
  const questionSlices = questionDrafts.map((d) => find(questions, d, `question '${d.public.id}'`));

  // questionsByExam exactly as buildBundle builds it: exams by id, domains by id, ids in order.
  const idsByExamDomain = new Map<string, string[]>();
  for (const q of questionDrafts) {
    const key = `${q.public.exam}\0${q.public.domain}`;
    const list = idsByExamDomain.get(key);
    if (list) list.push(q.public.id);
    else idsByExamDomain.set(key, [q.public.id]);
  }
  const questionsByExam: Manifest['questionsByExam'] = {};
  for (const { exam } of examDrafts) {
    const domains: Record<string, string[]> = {};
    for (const domain of [...exam.domains].sort(byKey((d) => d.id))) {
      domains[domain.id] = [...(idsByExamDomain.get(`${exam.id}\0${domain.id}`) ?? [])];
    }
    questionsByExam[exam.id] = domains;
  }

  // sha256(canonicalJson({ exams, guides, questions, keys })): keys sorted, so
  // {"exams":[…],"guides":[…],"keys":[…],"questions":[…]} with each element's canonical JSON.
  const hashed: Uint8Array[] = [
    HASH_EXAMS,
    ...joinParts(examSlices, (s) => s.parts.canon),
    HASH_GUIDES,
    ...joinParts(guideSlices, (s) => s.parts.canon),
    HASH_KEYS,
    ...joinParts(questionSlices, (s) => s.key.canon),
    HASH_QUESTIONS,
    ...joinParts(questionSlices, (s) => s.public.canon),
    HASH_END,
  ];
  const contentHash = hashChunks(hashed, memo);

  const manifest = Manifest.parse({
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    contentHash,
    generator,
    counts: { exams: examSlices.length, guides: guideSlices.length, questions: questionSlices.length },
    questionsByExam,
  });
  /** A JSON array file: `[` + the joined parts + `]\n`. */
  const array = (chunks: Uint8Array[]): Uint8Array[] => [OPEN, ...chunks, CLOSE_LINE];
  const refs = <T extends { file: PreparedFile }>(items: readonly T[], partOf: (item: T) => number) =>
    items.map((item) => ({ file: item.file, part: partOf(item) }));
  return {
    manifest,
    entities: {
      exams: refs(examSlices, (s) => s.parts.pub),
      guides: refs(guideSlices, (s) => s.parts.pub),
      questions: refs(questionSlices, (s) => s.public.pub),
      keys: refs(questionSlices, (s) => s.key.pub),
    },
    files: {
      [BUNDLE_FILES.manifest]: [bytes(`${JSON.stringify(manifest)}\n`)],
      [BUNDLE_FILES.exams]: array(joinParts(examSlices, (s) => s.parts.pub)),
      [BUNDLE_FILES.guides]: array(joinParts(guideSlices, (s) => s.parts.pub)),
      [BUNDLE_FILES.questions]: array(joinParts(questionSlices, (s) => s.public.pub)),
      // PrivateBundle is { contentHash, keys }; the hash is a hex digest, so it needs no escaping.
      [BUNDLE_FILES.keys]: [
        bytes(`{"contentHash":${JSON.stringify(contentHash)},"keys":[`),
        ...joinParts(questionSlices, (s) => s.key.pub),
        bytes(']}\n'),
      ],
    },
  };
}

type QuestionSlices = { file: PreparedFile; public: EntityParts; key: EntityParts };

/**
 * A question's four parts under another id, in a prepared file of their own: each part is parsed,
 * its id replaced and serialized again the way prepareFile did (JSON.stringify keeps the key
 * order; canonicalJson sorts). Only renamed questions pay this, a handful in a bank.
 */
function withId(slices: QuestionSlices, id: string): QuestionSlices {
  const decoder = new TextDecoder();
  const texts = [slices.public.pub, slices.public.canon, slices.key.pub, slices.key.canon].map((i, k) => {
    const value = JSON.parse(decoder.decode(part(slices.file, i))) as { id: string };
    value.id = id;
    return k % 2 === 0 ? JSON.stringify(value) : canonicalJson(value);
  });
  const offsets = [0];
  for (const text of texts) offsets.push((offsets.at(-1) as number) + Buffer.byteLength(text, 'utf8') + 1);
  const blob = Buffer.from(`${texts.join(',')},`, 'utf8');
  const file: PreparedFile = {
    result: { ...slices.file.result, questions: [] },
    blob,
    index: { offsets, questions: [] },
  };
  return { file, public: { pub: 0, canon: 1 }, key: { pub: 2, canon: 3 } };
}

/**
 * The parts of `items` (each a part of its prepared file) joined by ',', as few chunks as
 * possible: every part is followed by a ',' in its blob, so a part that starts right after the
 * previous part's comma in the same blob extends the current run instead of adding two chunks.
 * Same bytes as joining each part with ',', far fewer views, hash updates and iovecs.
 */
function joinParts<T extends { file: PreparedFile }>(
  items: readonly T[],
  partOf: (item: T) => number,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  let blob: Uint8Array | undefined;
  let start = 0;
  let end = 0; // exclusive; blob[end] is the comma after the run's last part
  for (const item of items) {
    const { offsets } = item.file.index;
    const i = partOf(item);
    const from = offsets[i] as number;
    const to = (offsets[i + 1] as number) - 1;
    if (blob === item.file.blob && from === end + 1) {
      end = to;
      continue;
    }
    if (blob !== undefined) out.push(blob.subarray(start, end), COMMA);
    blob = item.file.blob;
    start = from;
    end = to;
  }
  if (blob !== undefined) out.push(blob.subarray(start, end));
  return out;
}

const HASH_EXAMS = bytes('{"exams":[');
const HASH_GUIDES = bytes('],"guides":[');
const HASH_KEYS = bytes('],"keys":[');
const HASH_QUESTIONS = bytes('],"questions":[');
const HASH_END = bytes(']}');

/**
 * What the previous content hash of a build went over, with copies of the hash state every
 * CHECKPOINT_BYTES. The next build resumes from the last checkpoint before the first chunk that
 * differs (chunks are compared as views: same memory, same bytes), so an edit late in the
 * sorted order re-hashes only what follows it. Kept by the FileCache across watch rebuilds.
 */
export interface HashMemo {
  chunks: Uint8Array[];
  checkpoints: Array<{ chunk: number; state: Hash }>;
}

const CHECKPOINT_BYTES = 1 << 20;

export function hashChunks(
  chunks: Uint8Array[],
  memo?: HashMemo,
  checkpointBytes = CHECKPOINT_BYTES,
): string {
  let hash = createHash('sha256');
  let start = 0;
  if (memo) {
    let same = 0;
    const n = Math.min(chunks.length, memo.chunks.length);
    while (same < n && sameView(chunks[same] as Uint8Array, memo.chunks[same] as Uint8Array)) same++;
    while (memo.checkpoints.length > 0 && (memo.checkpoints.at(-1)?.chunk as number) > same)
      memo.checkpoints.pop();
    const resume = memo.checkpoints.at(-1);
    if (resume) {
      hash = resume.state.copy();
      start = resume.chunk;
    }
    memo.chunks = chunks;
  }
  let sinceCheckpoint = 0;
  for (let i = start; i < chunks.length; i++) {
    const chunk = chunks[i] as Uint8Array;
    hash.update(chunk);
    sinceCheckpoint += chunk.byteLength;
    if (memo && sinceCheckpoint >= checkpointBytes && i + 1 < chunks.length) {
      memo.checkpoints.push({ chunk: i + 1, state: hash.copy() });
      sinceCheckpoint = 0;
    }
  }
  return hash.digest('hex');
}

export function newHashMemo(): HashMemo {
  return { chunks: [], checkpoints: [] };
}

function sameView(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || (a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.byteLength === b.byteLength);
}

/** The output as strings, the shape serializeBundle returns. */
export function outputToStrings(output: BundleOutput): Record<string, string> {
  const decoder = new TextDecoder();
  return Object.fromEntries(
    Object.entries(output.files).map(([rel, chunks]) => [rel, decoder.decode(Buffer.concat(chunks))]),
  );
}

/**
 * Entities already parsed, per prepared file's blob and part. A prepared file that did not change
 * between two builds (the FileCache hands out the same object) is not parsed again: after a
 * one-file edit, `bundle` parses that file's entities only (live preview: ~1 s → a few ms at
 * 10,000 questions). The values are shared between the bundles of successive builds: read-only.
 */
const parsedParts = new WeakMap<Uint8Array, Map<number, unknown>>();

const entityDecoder = new TextDecoder();

function parsedEntity(ref: EntityRef): unknown {
  let parts = parsedParts.get(ref.file.blob);
  if (!parts) {
    parts = new Map();
    parsedParts.set(ref.file.blob, parts);
  }
  let value = parts.get(ref.part);
  if (value === undefined) {
    value = JSON.parse(entityDecoder.decode(part(ref.file, ref.part)));
    parts.set(ref.part, value);
  }
  return value;
}

/**
 * The output as a Bundle object (for API users; the CLI writes the bytes and never needs this):
 * the same values as parsing the bundle files, parsed entity by entity and remembered (above).
 * Treat it as read-only: unchanged entities are the same objects in the next build's bundle.
 */
export function outputToBundle(output: BundleOutput): Bundle {
  const { entities } = output;
  if (!entities) return decodeBundle(output);
  const parse = (refs: EntityRef[]) => refs.map(parsedEntity);
  const manifest = JSON.parse(entityDecoder.decode(Buffer.concat(output.files[BUNDLE_FILES.manifest] ?? [])));
  return {
    public: {
      manifest,
      exams: parse(entities.exams),
      guides: parse(entities.guides),
      questions: parse(entities.questions),
    } as Bundle['public'],
    private: { contentHash: manifest.contentHash, keys: parse(entities.keys) } as Bundle['private'],
  };
}

/** The output as a Bundle object, by parsing whole files. */
function decodeBundle(output: BundleOutput): Bundle {
  const text = outputToStrings(output);
  const json = (rel: string) => JSON.parse(text[rel] ?? 'null');
  return {
    public: {
      manifest: json(BUNDLE_FILES.manifest),
      exams: json(BUNDLE_FILES.exams),
      guides: json(BUNDLE_FILES.guides),
      questions: json(BUNDLE_FILES.questions),
    },
    private: json(BUNDLE_FILES.keys),
  };
}
