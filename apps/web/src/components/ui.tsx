import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api';
import './ui.css';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function describeError(error: ApiError): { title: string; detail: string } {
  switch (error.code) {
    case 'network':
      return {
        title: 'You seem to be offline',
        detail:
          'We could not reach examdown. Check your connection and try again; nothing you saved is lost.',
      };
    case 'unsaved':
      return {
        title: 'Some answers are not saved yet',
        detail: 'We keep retrying in the background. Submit again once you are back online.',
      };
    case 'attempt_expired':
      return {
        title: 'Time is up for this attempt',
        detail: 'The deadline passed, so answers can no longer change.',
      };
    case 'attempt_submitted':
      return { title: 'This attempt is already submitted', detail: 'Its results are ready.' };
    case 'token_missing':
    case 'token_invalid':
    case 'no_token':
      return {
        title: 'This attempt belongs to another browser',
        detail: 'Attempts can only be resumed in the browser where they were started.',
      };
    default:
      if (error.status === 404)
        return { title: 'Not found', detail: error.message || 'There is nothing at this address.' };
      return { title: 'Something went wrong', detail: error.message || 'Please try again.' };
  }
}

/** An error panel; "Try again" only where trying again can help (network, server trouble). */
export function ErrorState({
  error,
  onRetry,
  children,
}: {
  error: ApiError;
  onRetry?: () => void;
  children?: ComponentChildren;
}) {
  const { title, detail } = describeError(error);
  return (
    <div class="state state-error" role="alert">
      <h2>{title}</h2>
      <p>{detail}</p>
      <div class="actions">
        {onRetry && (error.status === 0 || error.status >= 500) && (
          <button type="button" class="btn" onClick={onRetry}>
            Try again
          </button>
        )}
        {children}
        {location.pathname !== '/' && (
          <a href="/" class="btn btn-ghost">
            Back to all exams
          </a>
        )}
      </div>
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state state-empty">{children}</p>;
}

export function formatMinutes(min: number): string {
  // Non-breaking spaces keep "2 h" and "30 min" together when text wraps.
  if (min < 60) return `${min}\u00a0min`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m ? `${h}\u00a0h ${m}\u00a0min` : `${h}\u00a0h`;
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
      amount,
    );
  } catch {
    return `${currency} ${amount}`;
  }
}
