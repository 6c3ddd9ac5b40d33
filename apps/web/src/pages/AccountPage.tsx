import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState } from 'preact/hooks';
import { AsyncPage } from '../components/AsyncPage';
import { describeError } from '../components/ui';
import { toApiError, useAsync, useTitle } from '../hooks';
import { learnerApi } from '../learner-api';
import { titles } from '../titles';
import './AccountPage.css';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The learner's own data: a passkey to carry progress to other devices (or to sign in with one
 * here), sign out, export everything as JSON, delete everything. No personal data is asked for.
 */
export function AccountPage() {
  useTitle(titles.account);
  const summary = useAsync(() => learnerApi.me(), []);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [confirming, setConfirming] = useState(false);

  /** Runs one action, then reloads the summary; says how it went in the live region. */
  const act = (fn: () => Promise<void>, done: string) => async () => {
    if (busy) return;
    setBusy(true);
    setNotice(undefined);
    try {
      await fn();
      setNotice({ ok: true, text: done });
      summary.reload();
    } catch (e) {
      const err = toApiError(e);
      // The browser's own passkey dialog was cancelled: not an error worth a red box.
      const cancelled = /NotAllowedError|cancel/i.test(err.message);
      const { title, detail } = describeError(err);
      setNotice({
        ok: false,
        text: cancelled ? 'The passkey request was cancelled.' : `${title}. ${detail}`,
      });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const download = async () => {
    const data = await learnerApi.exportData();
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'examdown-data.json' });
    link.click();
    URL.revokeObjectURL(url);
  };

  const passkeys = browserSupportsWebAuthn();
  return (
    <div class="wrap page account">
      <h1>Your data</h1>
      <p class="lead">
        Your progress is kept for this browser without an account. A passkey lets you pick it up on another
        device; nothing about you is stored but your answers.
      </p>
      <p
        class={`account-notice ${notice ? (notice.ok ? 'is-ok' : 'is-error') : ''}`}
        role="status"
        aria-live="polite"
      >
        {notice?.text}
      </p>
      <AsyncPage state={summary} loading="Loading your data…">
        {(me) => (
          <div class="account-panels">
            <section class="panel" aria-labelledby="progress-title">
              <h2 id="progress-title">Progress in this browser</h2>
              {me.learnerId === null ? (
                <p>Nothing yet: your results appear here after your first attempt.</p>
              ) : (
                <p>
                  {plural(
                    me.exams.reduce((n, e) => n + e.attempts, 0),
                    'attempt',
                  )}{' '}
                  across {plural(me.exams.length, 'exam')}; {plural(me.passkeys, 'passkey')} saved.
                </p>
              )}
            </section>

            <section class="panel" aria-labelledby="passkey-title">
              <h2 id="passkey-title">Passkeys</h2>
              {!passkeys && <p>This browser does not support passkeys.</p>}
              <div class="actions">
                <button
                  type="button"
                  class="btn btn-primary"
                  disabled={!passkeys || busy}
                  onClick={act(
                    () => learnerApi.registerPasskey(),
                    'Passkey saved. Use it to sign in on another device.',
                  )}
                >
                  Save my progress with a passkey
                </button>
                <button
                  type="button"
                  class="btn"
                  disabled={!passkeys || busy}
                  onClick={act(
                    () => learnerApi.signInWithPasskey(),
                    'Signed in: this browser now shows your progress.',
                  )}
                >
                  Sign in with a passkey
                </button>
                {me.learnerId !== null && (
                  <button
                    type="button"
                    class="btn btn-ghost"
                    disabled={busy}
                    onClick={act(() => learnerApi.signOut(), 'Signed out of this browser.')}
                  >
                    Sign out
                  </button>
                )}
              </div>
            </section>

            {me.learnerId !== null && (
              <section class="panel" aria-labelledby="data-title">
                <h2 id="data-title">Export or delete</h2>
                <div class="actions">
                  <button
                    type="button"
                    class="btn"
                    disabled={busy}
                    onClick={act(download, 'Your data was downloaded.')}
                  >
                    Export my data (JSON)
                  </button>
                  {!confirming ? (
                    <button
                      type="button"
                      class="btn btn-danger"
                      disabled={busy}
                      onClick={() => setConfirming(true)}
                    >
                      Delete my data
                    </button>
                  ) : (
                    <fieldset class="confirm">
                      <legend>Delete every attempt, review card and passkey? This cannot be undone.</legend>
                      <button
                        type="button"
                        class="btn btn-danger"
                        disabled={busy}
                        onClick={act(() => learnerApi.erase(), 'Your data was deleted.')}
                      >
                        Yes, delete everything
                      </button>
                      <button type="button" class="btn btn-ghost" onClick={() => setConfirming(false)}>
                        Keep it
                      </button>
                    </fieldset>
                  )}
                </div>
              </section>
            )}
          </div>
        )}
      </AsyncPage>
    </div>
  );
}
