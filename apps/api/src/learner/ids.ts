/**
 * Learner and attempt identifiers.
 *
 * - A learner token is 32 random bytes (base64url), shown once, when an attempt is started without
 *   one. The learner id is derived from it: the first 22 base64url characters of its sha256 (132
 *   bits). So the Worker finds a learner's Durable Object from the token alone, stores nothing to
 *   check it, and knowing a learner id (it is part of every attempt id) gives no way to act as
 *   that learner: that needs a sha256 preimage.
 * - An attempt id is `<learner id>.<local id>`: the Worker routes an attempt route to its learner's
 *   Durable Object from the id alone. The local id is a random 53-bit integer (base 36), the row's
 *   INTEGER PRIMARY KEY in that object: no separate index, one row written per start. The attempt
 *   token is still required for everything.
 */
import { base64url, sha256 } from '../security.js';

const ID_CHARS = 22;
const PART = `[A-Za-z0-9_-]{${ID_CHARS}}`;
export const LEARNER_ID_PATTERN = new RegExp(`^${PART}$`);
export const ATTEMPT_ID_PATTERN = new RegExp(`^(${PART})\\.([0-9a-z]{1,11})$`);
/** A learner token: 32 bytes, base64url without padding. */
export const LEARNER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A random integer in [1, 2^53): an attempt's id inside its learner's object. */
export function newLocalId(): number {
  const [hi = 0, lo = 0] = crypto.getRandomValues(new Uint32Array(2));
  return (hi & 0x1fffff) * 2 ** 32 + lo || 1;
}

export async function learnerIdOf(learnerToken: string): Promise<string> {
  return base64url(await sha256(learnerToken)).slice(0, ID_CHARS);
}

export function attemptIdOf(learnerId: string, local: number): string {
  return `${learnerId}.${local.toString(36)}`;
}

/** The learner id and the attempt's local id, or null when `id` is not an attempt id. */
export function parseAttemptId(id: string): { learnerId: string; local: number } | null {
  const m = ATTEMPT_ID_PATTERN.exec(id);
  if (!m) return null;
  const local = Number.parseInt(m[2] as string, 36);
  return Number.isSafeInteger(local) && local > 0 ? { learnerId: m[1] as string, local } : null;
}
