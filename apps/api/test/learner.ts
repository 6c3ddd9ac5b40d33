/** Test access to a learner's Durable Object: its rows, its alarm, its counters. */
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { attemptStub } from '../src/learner/client.js';
import type { Learner } from '../src/learner/durable-object.js';

export function learnerOfAttempt(attemptId: string) {
  return attemptStub(env.LEARNER, attemptId);
}

/** Runs `fn` inside the attempt's learner object, with its SQL storage. */
export function inLearner<T>(
  attemptId: string,
  fn: (instance: Learner, sql: SqlStorage, local: number) => T | Promise<T>,
): Promise<T> {
  const { stub, local } = learnerOfAttempt(attemptId);
  return runInDurableObject(stub, (instance: Learner, state) => fn(instance, state.storage.sql, local));
}

export function setDeadline(attemptId: string, deadline: number) {
  return inLearner(attemptId, (_i, sql, local) => {
    sql.exec('UPDATE attempts SET deadline_at = ? WHERE id = ?', deadline, local);
  });
}

export function runAlarm(attemptId: string) {
  return runDurableObjectAlarm(learnerOfAttempt(attemptId).stub);
}
