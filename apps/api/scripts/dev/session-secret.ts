/**
 * The SESSION_SECRET of local development: made once per local state folder and kept there, so
 * learner sessions (and their progress) survive restarts of `npm run dev` — and never committed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function localSessionSecret(persistTo: string): string {
  const file = path.join(persistTo, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(persistTo, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
