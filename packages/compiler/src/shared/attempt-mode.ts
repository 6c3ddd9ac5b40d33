/**
 * A timed exam mirrors the blueprint and hides keys until submit; practice is untimed drilling.
 * A plain tuple, not a zod enum, so the web client can import it without pulling zod in.
 */
export const ATTEMPT_MODES = ['exam', 'practice'] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];

/** Most questions one practice attempt may draw: a drill, not a way to page through the whole key. */
export const MAX_PRACTICE_QUESTIONS = 60;
