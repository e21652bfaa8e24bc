import { Suspense, lazy } from 'react';
import { useI18n } from '../i18n';
import type { ErrorBarProps } from './ErrorBarView';
import { errorText, plainErrorText } from './errorText';

/**
 * The message bar itself (Fluent's MessageBar and its motion) is a chunk of its own: most screens
 * never fail, and no first render should wait for it. Until it arrives the same words show plainly.
 */
const ErrorBarView = lazy(() => import('./ErrorBarView'));

/** The one way a view shows a failed call. */
export function ErrorBar(props: ErrorBarProps) {
  const i18n = useI18n();
  const { error, plain, notFound } = props;
  const words = notFound && error.status === 404 ? notFound : plain ? plainErrorText(i18n, error) : errorText(i18n, error);
  return (
    <Suspense fallback={<div data-testid="problem">{words}</div>}>
      <ErrorBarView {...props} />
    </Suspense>
  );
}
