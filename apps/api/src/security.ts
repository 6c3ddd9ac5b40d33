/**
 * Attempt tokens and admin secrets. A token is 32 random bytes, base64url; the learner's object
 * stores only its sha256 (hex), and a presented token is hashed and compared in constant time.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

const encoder = new TextEncoder();

export function newToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function hashToken(token: string): Promise<string> {
  return toHex(await sha256(token));
}

/** workerd's constant-time comparison (`crypto.subtle.timingSafeEqual`, a Workers extension). */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const subtle = crypto.subtle as SubtleCrypto & {
    timingSafeEqual?: (x: Uint8Array, y: Uint8Array) => boolean;
  };
  if (typeof subtle.timingSafeEqual === 'function') return subtle.timingSafeEqual(a, b);
  // Fallback outside workerd: accumulate differences without an early exit.
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Is `tokenHash` (a presented token's `hashToken`, computed once per request: the learner's
 * object is asked by it) the stored digest? Compares the two sha256 digests in constant time.
 */
export function tokenHashMatches(tokenHash: string, storedHashHex: string): boolean {
  return timingSafeEqual(fromHex(tokenHash), fromHex(storedHashHex));
}

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export async function secretMatches(presented: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(presented), sha256(expected)]);
  return timingSafeEqual(a, b);
}

/**
 * Hono's bearer-auth, refusing in the API's error shape: no `Authorization: Bearer <token>` header
 * (or a malformed one, which bearer-auth alone answers 400) is 401 `token_missing`; a token that
 * `verifyToken` refuses is 403 `token_invalid` with `refusal` as its message.
 */
export function bearer(
  verifyToken: (token: string, c: Context<AppEnv>) => Promise<boolean>,
  refusal: string,
): MiddlewareHandler<AppEnv> {
  const missing = {
    wwwAuthenticateHeader: 'Bearer',
    message: (): never => {
      throw new ApiError('token_missing', 'Send the token as `Authorization: Bearer <token>`.', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    },
  };
  return bearerAuth<AppEnv>({
    verifyToken,
    noAuthenticationHeader: missing,
    invalidAuthenticationHeader: missing,
    invalidToken: {
      message: (): never => {
        throw new ApiError('token_invalid', refusal);
      },
    },
  });
}
