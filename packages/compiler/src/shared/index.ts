/**
 * Rules every part of examdown applies the same way: the blueprint split, the seeded PRNG, the
 * attempt modes and the readiness estimate. Browser-safe (no Node imports): the compiler, the API,
 * the web client and the bench import it from `@examdown/compiler/shared`.
 */
export { ATTEMPT_MODES, type AttemptMode, MAX_PRACTICE_QUESTIONS } from './attempt-mode.js';
export { type Seats, splitSeats } from './blueprint.js';
export { ASSET_URL_PREFIX, CONTENT_FILE_TYPES, type ContentFileExtension } from './content-files.js';
export { pick, type Random, randomInt, randomSeed, sample, seededRandom, shuffle } from './random.js';
export {
  passProbability,
  READINESS_METHOD,
  READINESS_MIN_ANSWERS,
  READINESS_PRIOR,
  type Readiness,
  type ReadinessDomain,
  type ReadinessInput,
  readiness,
} from './readiness.js';
