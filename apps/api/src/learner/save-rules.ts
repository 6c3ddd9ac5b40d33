/**
 * What a save does to one answer slot of an attempt in the learner's object: the new slot, or why
 * the save is refused although the token and the attempt's state allow it (a practice answer
 * already checked is final — sending that same answer again is a no-op, so a re-check after a reload
 * or a late duplicate autosave succeeds; `check` is for practice mode, needs an answer, and never reveals a key
 * of a question in one of the learner's open timed attempts).
 */
import type { AttemptMode } from '@examdown/compiler/shared';
import type { FormEntry, Slot } from './codec.js';
import type { StoredAttempt } from './stored.js';

export interface SaveInput {
  local: number;
  questionId: string;
  tokenHash: string;
  /** undefined = leave as is; null or [] = clear. Already validated against the question. */
  answer: string[] | null | undefined;
  flagged: boolean | undefined;
  /** Seconds spent on the question since the last save of it (added to its total). */
  spentSeconds: number | undefined;
  /** Practice: lock the answer and reveal this question's key for this attempt. */
  check: boolean;
  now: number;
  /** false: only read (the request is already known to be refused). */
  write: boolean;
}

/** A question's recorded time stops growing at a day (the encoding's bound is far above). */
const MAX_SECONDS = 24 * 60 * 60;

export type SaveRefusal = 'checked' | 'sealed' | 'not_practice' | 'no_answer';

/**
 * What the Worker needs of the attempt after a save: the token digest it is authorized against,
 * its state and the saved position's slot and form entry — one slot crosses the RPC boundary, not
 * the attempt (whose 60 form entries and slots the Worker would parse on every autosave).
 */
export interface SavedState
  extends Pick<StoredAttempt, 'tokenHash' | 'submittedAt' | 'deadlineAt' | 'scoring'> {
  /** The slot and form entry of the saved question; null when it is not in the attempt. */
  slot: Slot | null;
  entry: FormEntry | null;
}

export interface SaveOutcome {
  written: boolean;
  attempt: SavedState | null;
  position: number;
  /** Why a write that passed the token and state guards was still refused. */
  refusal?: SaveRefusal;
  /** This save checked the answer (a practice answer made final now, not re-sent). */
  checkedNow: boolean;
  progress: { total: number; answered: number; flagged: number };
}

export function nextSlot(
  mode: AttemptMode,
  slot: Slot,
  s: Pick<SaveInput, 'answer' | 'flagged' | 'check' | 'spentSeconds'>,
  sealed: boolean,
): { slot: Slot } | { refusal: SaveRefusal } {
  const answer = s.answer === undefined ? slot.answer : s.answer && s.answer.length > 0 ? s.answer : null;
  if (slot.checked && s.answer !== undefined && !sameOptions(answer, slot.answer))
    return { refusal: 'checked' };
  if (s.check && mode !== 'practice') return { refusal: 'not_practice' };
  if (s.check && answer === null) return { refusal: 'no_answer' };
  if (s.check && sealed) return { refusal: 'sealed' };
  const seconds = Math.min(MAX_SECONDS, slot.seconds + (s.spentSeconds ?? 0));
  return { slot: { answer, flagged: s.flagged ?? slot.flagged, checked: slot.checked || s.check, seconds } };
}

function sameOptions(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
