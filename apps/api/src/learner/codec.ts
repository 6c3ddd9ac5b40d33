/**
 * The compact encodings of an attempt's grading facts, as the learner's Durable Object stores
 * them (one row per attempt, see schema.ts):
 *
 * - form: one line per position, `<question id> <entity hash> <option order>` (e.g.
 *   `mlp-drift-first-step 1a2b3c4d5e6f cadb`), deflate-raw compressed: 60 questions take about
 *   1 KB instead of 3.
 * - answers: one slot per position, joined by `,`: the chosen option letters, `!` at the end when
 *   flagged, `*` in front once a practice answer has been checked (its key revealed, the answer
 *   locked), `~` and the seconds spent on it in base 36 when any were recorded.
 *   `b~1c,ac!,,*d` = b after 48 s; a+c flagged; unanswered; d checked.
 * - credits: one number per position (0..1, at most 3 decimals), joined by `,`; set at submit.
 *
 * And what the Worker sends the object to grade with (not stored): the key facts, one
 * `<question id> <type> <correct option letters> <domain id>` line per question, e.g.
 * `mlp-drift-first-step single b pipeline`. One string crosses the RPC boundary far more cheaply
 * than a hundred small objects.
 */
import { z } from 'zod';
import type { KeyFacts } from '../attempts/grading.js';

export interface FormEntry {
  questionId: string;
  /** Entity hash of the question version drawn (names its public form and its key in KV). */
  hash: string;
  /** Option ids in this attempt's display order, e.g. "cadb". */
  order: string;
}

export interface Slot {
  answer: string[] | null;
  flagged: boolean;
  /** Practice: the key of this question was revealed for this attempt; the answer is locked. */
  checked: boolean;
  /** Seconds the learner spent on this question (summed from the increments sent with saves). */
  seconds: number;
}

/** A whole form as text: one `<question id> <entity hash> <option order>` line per position. */
const FormText = z
  .string()
  .regex(
    /^([a-z0-9][a-z0-9-]* [a-f0-9]{6,64} [a-z]{1,26})(\n[a-z0-9][a-z0-9-]* [a-f0-9]{6,64} [a-z]{1,26})*$|^$/,
  );
const SLOT = /^(\*?)([a-z]*)(!?)(?:~([0-9a-z]{1,6}))?$/;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // A copy backed by a plain ArrayBuffer: what Blob accepts under every lib's typing.
  const out = new Response(new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export function formText(form: readonly FormEntry[]): string {
  return form.map((f) => `${f.questionId} ${f.hash} ${f.order}`).join('\n');
}

/** The entries of a form's text (validated as a whole: one regular expression). */
export function parseForm(text: string): FormEntry[] {
  if (FormText.parse(text) === '') return [];
  return text.split('\n').map((line) => {
    const [questionId = '', hash = '', order = ''] = line.split(' ');
    return { questionId, hash, order };
  });
}

export async function encodeForm(text: string): Promise<Uint8Array> {
  return pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
}

export async function decodeForm(blob: ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = blob instanceof Uint8Array ? blob : new Uint8Array(blob);
  return new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
}

export function encodeSlot(slot: Slot): string {
  const seconds = slot.seconds > 0 ? `~${slot.seconds.toString(36)}` : '';
  return `${slot.checked ? '*' : ''}${(slot.answer ?? []).join('')}${slot.flagged ? '!' : ''}${seconds}`;
}

export function decodeSlot(text: string): Slot {
  const m = SLOT.exec(text);
  if (!m) throw new Error(`stored answer slot ${JSON.stringify(text)} is corrupt`);
  const letters = m[2] as string;
  return {
    checked: m[1] === '*',
    answer: letters === '' ? null : [...letters],
    flagged: m[3] === '!',
    seconds: m[4] ? Number.parseInt(m[4], 36) : 0,
  };
}

export const emptyAnswers = (count: number): string => ','.repeat(Math.max(0, count - 1));

export function decodeAnswers(text: string, count: number): Slot[] {
  const parts = text.split(',');
  if (parts.length !== count) throw new Error(`stored answers have ${parts.length} slots, not ${count}`);
  return parts.map(decodeSlot);
}

export function encodeCredits(credits: readonly number[]): string {
  return credits.map((c) => String(Math.round(c * 1000) / 1000)).join(',');
}

export function decodeCredits(text: string, count: number): number[] {
  const parts = text.split(',').map(Number);
  if (parts.length !== count || parts.some((c) => !(c >= 0 && c <= 1))) {
    throw new Error('stored credits are corrupt');
  }
  return parts;
}

/** One question's facts for grading: what its line carries. */
export interface GradingFact extends KeyFacts {
  id: string;
  domain: string;
}

/** The decoded lines: key facts and domain by question id. */
export interface GradingFacts {
  keys: Record<string, KeyFacts>;
  domainOf: Record<string, string>;
}

const FACT_LINE = /^([a-z0-9][a-z0-9-]*) (single|multiple) ([a-z]*) (\S+)$/;

export function encodeGradingFacts(facts: Iterable<GradingFact>): string {
  const lines: string[] = [];
  for (const f of facts) lines.push(`${f.id} ${f.type} ${f.correct.join('')} ${f.domain}`);
  return lines.join('\n');
}

export function decodeGradingFacts(text: string): GradingFacts {
  const facts: GradingFacts = { keys: {}, domainOf: {} };
  if (text === '') return facts;
  for (const line of text.split('\n')) {
    const m = FACT_LINE.exec(line);
    if (!m) throw new Error(`grading facts line ${JSON.stringify(line)} is malformed`);
    const [, id = '', type, correct = '', domain = ''] = m;
    facts.keys[id] = { type: type as KeyFacts['type'], correct: [...correct] };
    facts.domainOf[id] = domain;
  }
  return facts;
}
