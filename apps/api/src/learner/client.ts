/**
 * The Worker's side of the learner store: which Durable Object holds an attempt, and the learner
 * of a start request.
 */
import { ApiError } from '../errors.js';
import { newToken } from '../security.js';
import type { Learner } from './durable-object.js';
import { LEARNER_TOKEN_PATTERN, learnerIdOf, parseAttemptId } from './ids.js';

export type LearnerNamespace = DurableObjectNamespace<Learner>;

export function learnerStub(ns: LearnerNamespace, learnerId: string): DurableObjectStub<Learner> {
  return ns.get(ns.idFromName(learnerId));
}

/** The learner's Durable Object and the attempt's own part; 404 when `id` is no attempt id. */
export function attemptStub(ns: LearnerNamespace, id: string) {
  const parsed = parseAttemptId(id);
  if (!parsed) throw new ApiError('attempt_not_found', `There is no attempt '${id}'.`);
  return { stub: learnerStub(ns, parsed.learnerId), ...parsed };
}

/** The header an API client sends to start attempts as the same learner again. */
export const LEARNER_HEADER = 'X-Learner-Token';

/**
 * The learner of an API client's start: the one whose token is presented (`X-Learner-Token`),
 * else a new one (its token is returned once, in the start response). 400 for a malformed token.
 */
export async function learnerOf(header: string | undefined): Promise<{ id: string; token?: string }> {
  if (header === undefined || header === '') {
    const token = newToken();
    return { id: await learnerIdOf(token), token };
  }
  if (!LEARNER_TOKEN_PATTERN.test(header)) {
    throw new ApiError('invalid_request', `${LEARNER_HEADER} must be the learnerToken a start returned.`);
  }
  return { id: await learnerIdOf(header) };
}
