/**
 * Passkeys for the learner session (learner/passkeys.ts): register one to keep this browser's
 * progress, sign in with it on another device, sign out. Each ceremony is two requests: options,
 * then the authenticator's response.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { sameSiteWrites } from '../cross-site.js';
import { errorResponses } from '../errors.js';
import { limitBody, noStore } from '../http.js';
import { register, registrationOptions, signIn, signInOptions } from '../learner/passkeys.js';
import { beginSession, endSession, sessionLearner } from '../learner/session.js';
import { rateLimit } from '../limits.js';
import { json, router } from './openapi.js';

/** A WebAuthn response as the browser library sends it; the library verifies the rest. */
const CredentialResponse = z
  .looseObject({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal('public-key'),
    response: z.looseObject({ clientDataJSON: z.string().max(8192) }),
    clientExtensionResults: z.looseObject({}),
  })
  .openapi('PasskeyResponse');
const Options = z.looseObject({ challenge: z.string() }).openapi('PasskeyOptions');
const Signed = z.object({ learnerId: z.string() }).openapi('SignedIn');

const optionsRoute = <P extends string>(path: P, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['learner'],
    summary,
    middleware: [noStore, sameSiteWrites(), rateLimit('start')] as const,
    responses: {
      200: { description: 'The options', content: json(Options) },
      ...errorResponses(400, 401, 403, 429),
    },
  });

const responseRoute = <P extends string>(path: P, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['learner'],
    summary,
    middleware: [noStore, sameSiteWrites(), limitBody, rateLimit('start')] as const,
    request: { body: { required: true, content: json(CredentialResponse) } },
    responses: {
      200: { description: 'Done', content: json(Signed) },
      ...errorResponses(400, 401, 403, 413, 415, 429),
    },
  });

const registerOptionsRoute = optionsRoute('/me/passkeys/register/options', 'Options to register a passkey');
const registerRoute = responseRoute('/me/passkeys/register', 'Store the new passkey of this learner');
const signInOptionsRoute = optionsRoute('/me/passkeys/sign-in/options', 'Options to sign in with a passkey');
const signInRoute = responseRoute(
  '/me/passkeys/sign-in',
  'Sign in: this browser becomes the passkey’s learner',
);

const signOutRoute = createRoute({
  method: 'post',
  path: '/me/sign-out',
  tags: ['learner'],
  summary: 'End this browser’s learner session (the progress stays with the learner)',
  middleware: [noStore, sameSiteWrites()] as const,
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
});

export const passkeyRoutes = router()
  .openapi(registerOptionsRoute, async (c) => {
    const learner = await sessionLearner(c);
    return c.json(await registrationOptions(c, learner.id), 200);
  })
  .openapi(registerRoute, async (c) => {
    const learner = await sessionLearner(c);
    await register(c, learner.id, c.req.valid('json') as unknown as RegistrationResponseJSON);
    return c.json({ learnerId: learner.id }, 200);
  })
  .openapi(signInOptionsRoute, async (c) => c.json(await signInOptions(c), 200))
  .openapi(signInRoute, async (c) => {
    const learnerId = await signIn(c, c.req.valid('json') as unknown as AuthenticationResponseJSON);
    await beginSession(c, learnerId);
    return c.json({ learnerId }, 200);
  })
  .openapi(signOutRoute, async (c) => {
    endSession(c);
    return c.body(null, 204);
  });
