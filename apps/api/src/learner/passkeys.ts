/**
 * Passkeys (WebAuthn, @simplewebauthn/server) that carry a learner's progress to another device.
 * Registering stores the credential in the learner's object with the learner id as the
 * credential's user handle; signing in is discoverable (no user name typed): the authenticator
 * returns that handle, which names the learner object holding the public key. The challenge of a
 * ceremony waits in a short-lived signed cookie, so the Worker keeps no state between the two
 * requests.
 */
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { learnerStub } from './client.js';
import { LEARNER_ID_PATTERN } from './ids.js';

const CHALLENGE_COOKIE = 'examdown_webauthn';
const CHALLENGE_SECONDS = 300;
const encoder = new TextEncoder();

const failed = (why: string) => new ApiError('passkey_failed', `The passkey could not be used: ${why}.`);

/** The page's origin and its host name (the relying party id), from the browser's Origin header. */
function relyingParty(c: Context<AppEnv>) {
  const origin = c.req.header('Origin');
  if (!origin) throw failed('the request did not say which site it came from (no Origin header)');
  return { origin, rpID: new URL(origin).hostname };
}

async function rememberChallenge(c: Context<AppEnv>, challenge: string) {
  await setSignedCookie(c, CHALLENGE_COOKIE, challenge, c.env.SESSION_SECRET, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/api/v1/me/passkeys',
    maxAge: CHALLENGE_SECONDS,
  });
}

/** The challenge of the ceremony under way, used once. */
async function takeChallenge(c: Context<AppEnv>): Promise<string> {
  const challenge = await getSignedCookie(c, c.env.SESSION_SECRET, CHALLENGE_COOKIE);
  deleteCookie(c, CHALLENGE_COOKIE, { path: '/api/v1/me/passkeys', secure: true });
  if (typeof challenge !== 'string' || challenge === '') throw failed('the request expired; try again');
  return challenge;
}

export async function registrationOptions(c: Context<AppEnv>, learnerId: string) {
  const { rpID } = relyingParty(c);
  const existing = await learnerStub(c.env.LEARNER, learnerId).passkeyIds();
  const options = await generateRegistrationOptions({
    rpName: 'examdown',
    rpID,
    userID: new Uint8Array(encoder.encode(learnerId)),
    userName: 'examdown learner', // no personal data: the passkey list shows the site's name
    attestationType: 'none',
    excludeCredentials: existing.map((id) => ({ id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await rememberChallenge(c, options.challenge);
  return options;
}

export async function register(c: Context<AppEnv>, learnerId: string, response: RegistrationResponseJSON) {
  const { origin, rpID } = relyingParty(c);
  const expectedChallenge = await takeChallenge(c);
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
  }).catch((err: unknown) => {
    throw failed(err instanceof Error ? err.message : 'the response was not valid');
  });
  if (!result.verified) throw failed('the response was not valid');
  const { credential } = result.registrationInfo;
  await learnerStub(c.env.LEARNER, learnerId).addPasskey(
    {
      id: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? [],
    },
    Date.now(),
  );
}

export async function signInOptions(c: Context<AppEnv>) {
  const { rpID } = relyingParty(c);
  const options = await generateAuthenticationOptions({ rpID, userVerification: 'preferred' });
  await rememberChallenge(c, options.challenge);
  return options;
}

/** The learner whose passkey signed this response (verified), or 400 `passkey_failed`. */
export async function signIn(c: Context<AppEnv>, response: AuthenticationResponseJSON): Promise<string> {
  const { origin, rpID } = relyingParty(c);
  const expectedChallenge = await takeChallenge(c);
  const handle = response.response.userHandle;
  const learnerId = handle && isoBase64URL.isBase64URL(handle) ? isoBase64URL.toUTF8String(handle) : '';
  if (!LEARNER_ID_PATTERN.test(learnerId)) throw failed('this passkey is not one of this site’s');
  const stub = learnerStub(c.env.LEARNER, learnerId);
  const stored = await stub.passkey(response.id);
  if (!stored) throw failed('this passkey is not known here (it may have been deleted with its data)');
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential: { id: stored.id, publicKey: new Uint8Array(stored.publicKey), counter: stored.counter },
  }).catch((err: unknown) => {
    throw failed(err instanceof Error ? err.message : 'the response was not valid');
  });
  if (!result.verified) throw failed('the signature did not verify');
  await stub.touchPasskey(stored.id, result.authenticationInfo.newCounter);
  return learnerId;
}
