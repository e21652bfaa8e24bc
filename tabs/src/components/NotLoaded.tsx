import type { ReactNode } from 'react';
import type { Loaded } from '../useLoad';
import { ErrorBar } from './ErrorBar';
import { Page } from './Layout';
import { Loading } from './Loading';

/** A detail page before its data is there: the way back, a spinner, or the problem (retry unless 404). */
export function NotLoaded<T>({ back, loaded }: { back: ReactNode; loaded: Loaded<T> }) {
  return (
    <Page>
      {back}
      {loaded.loading && <Loading />}
      {loaded.error && <ErrorBar plain error={loaded.error} onRetry={loaded.error.status === 404 ? undefined : loaded.reload} />}
    </Page>
  );
}
