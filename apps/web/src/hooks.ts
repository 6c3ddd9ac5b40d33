import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';
import { documentTitle } from './titles';

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

/**
 * Runs `load` whenever `deps` change; stale results are dropped. With `initial` (a prerendered
 * page's data) the first render already has the data and nothing is fetched until `deps` change.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[], initial?: T): Reloadable<T> {
  const [state, setState] = useState<Async<T>>(
    initial === undefined ? { status: 'loading' } : { status: 'ok', data: initial },
  );
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const skipFirst = useRef(initial !== undefined);
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
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

/**
 * A value only the browser knows (localStorage): `fallback` on the first render, so a hydrated
 * page matches its prerendered HTML, then the real value.
 */
export function useClientValue<T>(read: () => T, fallback: T, deps: unknown[] = []): T {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => setValue(read()), deps);
  return value;
}

/** Sets document.title for the current page. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);
}
