/**
 * The learner's own routes (/me, retake, review, passkeys), apart from api.ts so that the pages
 * that never use them (guides, most of all) do not ship them. Progress is shown as the API
 * sends it: its types are the API's response types.
 */
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { auth, ok, send, toAttemptView, v1 } from './api';
import type { AttemptView } from './model';

const fetchMe = () => ok(() => v1.me.$get());
const fetchProgress = (examId: string) => ok(() => v1.me.exams[':examId'].$get({ param: { examId } }));
export type LearnerSummary = Awaited<ReturnType<typeof fetchMe>>;
export type ExamProgress = Awaited<ReturnType<typeof fetchProgress>>;
export type HistoryEntry = ExamProgress['history'][number];
export type Readiness = ExamProgress['readiness'];

/**
 * A WebAuthn response as the passkey routes' body. The API checks only its envelope (the
 * verifier checks the rest), typed as a loose object that the library's interfaces, lacking
 * index signatures, are not assignable to.
 */
type PasskeyBody = Parameters<typeof v1.me.passkeys.register.$post>[0]['json'];
const asPasskeyBody = (response: object) => response as PasskeyBody;

export const learnerApi = {
  /** This browser's learner: recent results and due cards per exam (empty for a new visitor). */
  me: fetchMe,
  /** Progress on one exam: history, due cards, readiness. */
  progress: fetchProgress,
  /** A practice attempt of a graded attempt's incorrect and unanswered questions. */
  async retake(id: string, token: string): Promise<{ token: string; attempt: AttemptView }> {
    const r = await ok(() => v1.attempts[':id'].retake.$post({ param: { id } }, auth(token)));
    return { token: r.token, attempt: toAttemptView(r) };
  },
  /** A practice attempt of this exam's review cards due now (the session cookie's learner). */
  async review(examId: string): Promise<{ token: string; attempt: AttemptView }> {
    const r = await ok(() => v1.me.exams[':examId'].review.$post({ param: { examId } }));
    return { token: r.token, attempt: toAttemptView(r) };
  },
  async exportData(): Promise<unknown> {
    return ok(() => v1.me.export.$get());
  },
  async erase(): Promise<void> {
    await send(() => v1.me.$delete());
  },
  async signOut(): Promise<void> {
    await send(() => v1.me['sign-out'].$post());
  },
  /** Registers a passkey for this browser's learner (the browser asks the learner to confirm). */
  async registerPasskey(): Promise<void> {
    const options = await ok(() => v1.me.passkeys.register.options.$post());
    const { startRegistration } = await import('@simplewebauthn/browser');
    const response = await startRegistration({
      optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
    });
    await send(() => v1.me.passkeys.register.$post({ json: asPasskeyBody(response) }));
  },
  /** Signs this browser in as the learner of a passkey the learner picks. */
  async signInWithPasskey(): Promise<void> {
    const options = await ok(() => v1.me.passkeys['sign-in'].options.$post());
    const { startAuthentication } = await import('@simplewebauthn/browser');
    const response = await startAuthentication({
      optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
    });
    await send(() => v1.me.passkeys['sign-in'].$post({ json: asPasskeyBody(response) }));
  },
};
