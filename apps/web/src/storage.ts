import type { AttemptMode } from '@examdown/compiler/shared';
import { ApiError } from './api';
/**
 * Attempt credentials live in localStorage so an exam survives a reload and can be resumed in
 * another tab of the same browser. The token is the only proof of ownership the API accepts.
 */
export interface StoredAttempt {
  id: string;
  token: string;
  examId: string;
  examTitle?: string;
  mode: AttemptMode;
  startedAt: string;
  /** ISO deadline for timed attempts. */
  deadline?: string | null;
  submitted?: boolean;
}

const KEY = 'examdown:attempts';

function readAll(): Record<string, StoredAttempt> {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, StoredAttempt>) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Record<string, StoredAttempt>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the attempt still works until the tab closes.
  }
}

export function saveAttempt(a: StoredAttempt): void {
  const all = readAll();
  all[a.id] = a;
  writeAll(all);
}

export function getAttempt(id: string): StoredAttempt | undefined {
  return readAll()[id];
}

/** The credentials for an attempt, or the error the API itself gives for a missing token. */
export function requireAttempt(id: string): StoredAttempt {
  const creds = getAttempt(id);
  if (!creds) throw new ApiError(401, 'token_missing', 'This browser has no key for this attempt.');
  return creds;
}

export function markSubmitted(id: string): void {
  const all = readAll();
  const a = all[id];
  if (a) {
    a.submitted = true;
    writeAll(all);
  }
}

/** Unsubmitted attempts whose deadline (if any) has not passed, newest first. */
export function openAttempts(examId?: string): StoredAttempt[] {
  const now = Date.now();
  return Object.values(readAll())
    .filter((a) => !a.submitted && (!examId || a.examId === examId))
    .filter((a) => !a.deadline || Date.parse(a.deadline) > now)
    .sort((x, y) => y.startedAt.localeCompare(x.startedAt));
}
