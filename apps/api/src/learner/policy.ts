import { MAX_PRACTICE_QUESTIONS } from '@examdown/compiler/shared';

/** The limits of the attempt model, in one place (SECURITY.md and README state each). */

/** Saves arriving this long after the deadline are still accepted (network latency). */
export const SAVE_GRACE_MS = 5_000;
/** An attempt never submitted is deleted this long after its deadline, or after its last save. */
export const ABANDONED_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Open (unsubmitted, not yet deleted) attempts one learner may hold. */
export const MAX_OPEN_ATTEMPTS = 20;
/** Practice mode: questions per attempt, at most (shared with the web client's form) and by default. */
export const MAX_PRACTICE_COUNT = MAX_PRACTICE_QUESTIONS;
export const DEFAULT_PRACTICE_COUNT = 10;
/** Latest attempts of an exam whose questions count as seen when drawing a new form. */
export const SEEN_WINDOW = 20;
