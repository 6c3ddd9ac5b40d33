import type { ComponentChildren } from 'preact';
import type { Reloadable } from '../hooks';
import { ErrorState, Loading } from './ui';

/**
 * A page that waits on one request: a loading line, then the error (with "Try again" and any
 * page-specific `errorActions`) or the page that `children` renders from the data.
 */
export function AsyncPage<T>({
  state,
  loading,
  errorActions,
  children,
}: {
  state: Reloadable<T>;
  loading: string;
  errorActions?: ComponentChildren;
  children: (data: T) => ComponentChildren;
}) {
  if (state.status === 'ok') return <>{children(state.data)}</>;
  return (
    <div class="wrap page">
      {state.status === 'loading' ? (
        <Loading label={loading} />
      ) : (
        <ErrorState error={state.error} onRetry={state.reload}>
          {errorActions}
        </ErrorState>
      )}
    </div>
  );
}
