import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

export type Async<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError };

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, 'client_error', e instanceof Error ? e.message : String(e));
}

/** An `Async` with a way to run the request again (the error states' "Try again"). */
export type Reloadable<T> = Async<T> & { reload: () => void };

/** Runs `load` whenever `deps` change; stale results are dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Reloadable<T> {
  const [state, setState] = useState<Async<T>>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => live && setState({ status: 'ok', data }),
      (e: unknown) => live && setState({ status: 'error', error: toApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

/** Sets document.title for the current page. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · examdown` : 'examdown';
  }, [title]);
}
