/**
 * Ids for plain-style questions (no `{#id}`): stable, readable and collision-free.
 *
 * - Numbered headings (`Q12.`, `12.`, `12 .`, `Question 12`) → `<file>-q12`, where <file> is the
 *   kebab-case file stem, or the exam folder for generic names (README.md, index.md).
 * - Other headings → the heading in kebab-case (at most 64 characters), plus a short hash of the
 *   question's own stem when the heading alone is not safe: it is longer than 64 characters (long
 *   shared openings: "A data scientist is developing a model to …"), the stem goes on after it
 *   (code, images: "What will this code print?"), or it has fewer than five words. The hash covers
 *   only this question's stem, so the id never changes when other questions change, and
 *   correcting an option keeps it.
 *
 * Two questions can still arrive at the same id (identical headings without further stem, the
 * same number twice in one file, identical stems in two files). The link phase then keeps the id
 * for the first question that claims it (explicit `{#id}`s first, then file order) and gives each
 * later one its first free fallback (`derivedIds`): the stem hash, then a hash of stem and
 * options, then that with an ordinal (`-2`, `-3`, … in file order) for truly identical questions.
 * A question's id thus depends only on its own text and on questions with the same id.
 */
import { createHash } from 'node:crypto';

const NUMBERED = /^\s*(?:q(?:uestion)?\s*[-#:]?\s*)?(\d{1,5})\s*(?:[.):-]|$|\s+(?=\S))/i;
const QUESTION_ONLY = /^\s*(?:q(?:uestion)?\s*[-#:]?\s*)?\d{1,5}\s*[.):-]?\s*$/i;
const GENERIC_FILES = new Set(['readme', 'index', 'questions', 'question-bank', 'bank']);
const MAX_ID = 64;
/** Room for '-' and six hex digits within MAX_ID. */
const MAX_HASHED_SLUG = MAX_ID - 7;

/** The question number a heading starts with, if it is a numbered heading. */
export function headingNumber(text: string): number | undefined {
  const m = NUMBERED.exec(text);
  if (!m) return undefined;
  // "2024 trends…" is not a number label unless followed by a label mark or "Q"/"Question" came first.
  const labelled = /^\s*q/i.test(text) || /^\s*\d{1,5}\s*[.):-]/.test(text) || QUESTION_ONLY.test(text);
  return labelled ? Number(m[1]) : undefined;
}

/** Whether the heading is only a label ("Question 12", "Q12."): the stem follows it. */
export function isLabelOnly(text: string): boolean {
  return QUESTION_ONLY.test(text);
}

export function kebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `questions/web-dev/js-quiz.md` → `js-quiz`; `questions/aws-mls/README.md` → `aws-mls`. */
export function fileSlug(file: string): string {
  const parts = file.split('/');
  const stem = kebab((parts.at(-1) ?? '').replace(/\.md$/i, ''));
  if (stem && !GENERIC_FILES.has(stem)) return stem;
  return kebab(parts.at(-2) ?? '') || 'question';
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 6);
}

export interface IdInput {
  file: string;
  /** The heading's plain text. */
  heading: string;
  /** Plain text of the whole stem (heading and the blocks after it, code included). */
  stem: string;
  /** Whether the stem has blocks after the heading. */
  stemGoesOn: boolean;
  /** Plain text of the options, in order (only for the fallbacks of `derivedIds`). */
  options?: string | undefined;
}

export function derivedId(input: IdInput): string {
  return derivedIds(input)[0] as string;
}

/**
 * The id, then its fallbacks for when an earlier question already has it, each with a hash
 * the previous one lacks: the stem's, then stem and options'. The ordinal comes last (`withOrdinal`).
 */
export function derivedIds(input: IdInput): string[] {
  const stemHash = shortHash(input.stem);
  const fullHash = shortHash(`${input.stem}\n${input.options ?? ''}`);
  const hashed = (slug: string, hashes: string[]) =>
    hashes.map((h) => `${cutAtWord(slug, MAX_HASHED_SLUG)}-${h}`);
  const n = headingNumber(input.heading);
  if (n !== undefined) {
    const numbered = `${fileSlug(input.file)}-q${n}`;
    return [numbered, ...hashed(numbered, [stemHash, fullHash])];
  }
  const full = kebab(input.heading);
  const words = full.split('-').filter(Boolean).length;
  if (!full) return hashed(fileSlug(input.file), [stemHash, fullHash]);
  if (full.length <= MAX_ID && !input.stemGoesOn && words >= 5)
    return [full, ...hashed(full, [stemHash, fullHash])];
  return hashed(full, [stemHash, fullHash]);
}

/** `id` with the ordinal `-n`, the slug cut so that the whole stays within 64 characters. */
export function withOrdinal(id: string, n: number): string {
  const suffix = `-${n}`;
  if (id.length + suffix.length <= MAX_ID) return `${id}${suffix}`;
  // `<slug>-<hash>`: cut the slug, keep the hash.
  const tail = id.slice(-7);
  return `${cutAtWord(id.slice(0, -7), MAX_ID - 7 - suffix.length)}${tail}${suffix}`;
}

/** The slug cut to `max` characters, at a hyphen when one is near the end. */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max - 20 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}
