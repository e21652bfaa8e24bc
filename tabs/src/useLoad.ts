import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from './api/client';

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload(): void;
  /** Replace the data with what a mutation returned, without a round trip. */
  set(data: T): void;
}

/**
 * Runs `load` when `deps` change and on `reload()`. Earlier requests are aborted, so a slow
 * answer for an old filter never overwrites a newer one. `arrived`: the data if it is already
 * here on mount (an answer sent ahead, ApiClient.take), so the first render shows it, not a spinner.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, arrived?: () => T | undefined): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>(() => {
    const data = arrived?.();
    return data === undefined ? { loading: true } : { data, loading: false };
  });
  const [generation, setGeneration] = useState(0);
  const hadOnMount = useRef(!state.loading);

  useEffect(() => {
    if (hadOnMount.current) {
      hadOnMount.current = false; // what mounted with its data loads again only when deps change
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ data: s.data, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (err: unknown) => !controller.signal.aborted && setState({ error: toApiError(err), loading: false }),
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `deps` says when it actually changes.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { ...state, reload, set };
}

export function toApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'client', err instanceof Error ? err.message : String(err));
}
