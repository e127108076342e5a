/**
 * Loads one online resource for a screen: `data` once loaded, `error` (an ApiRequestError with
 * Vietnamese words) when the request failed, and `reload()` after a change. It loads again when
 * `deps` change. Online-only screens use it; nothing is cached on the device.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiRequestError } from './api-client.ts';

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiRequestError | null;
  isLoading: boolean;
  reload: () => void;
}

function asApiError(failure: unknown): ApiRequestError {
  return failure instanceof ApiRequestError ? failure : new ApiRequestError('server-error', null, String(failure));
}

export function useApiResource<T>(load: () => Promise<T>, deps: readonly unknown[]): ApiResource<T> {
  const [generation, setGeneration] = useState(0);
  const requestKey = `${JSON.stringify(deps)}#${generation}`;
  const [state, setState] = useState<{ key: string; data: T | undefined; error: ApiRequestError | null }>({ key: '', data: undefined, error: null });
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let isCurrent = true;
    loadRef.current().then(
      (data) => isCurrent && setState({ key: requestKey, data, error: null }),
      (failure: unknown) => isCurrent && setState((previous) => ({ key: requestKey, data: previous.data, error: asApiError(failure) })),
    );
    return () => {
      isCurrent = false;
    };
  }, [requestKey]);
  return { data: state.data, error: state.error, isLoading: state.key !== requestKey, reload: () => setGeneration((value) => value + 1) };
}
