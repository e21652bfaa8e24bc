import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-message-bar';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { errorText, plainErrorText } from './errorText';

export interface ErrorBarProps {
  error: ApiError;
  /** Offers "Try again" (never for `notFound`: there is nothing to retry). */
  onRetry?: () => void;
  /** The plainer wording (`plainErrorText`), where a missing or clashing thing is a warning, not an error. */
  plain?: boolean;
  /** The page's own words for a 404, shown as a warning. */
  notFound?: string;
}

/** Fluent's message bar for a failed call (loaded by ErrorBar.tsx, which views use). */
export default function ErrorBarView({ error, onRetry, plain, notFound }: ErrorBarProps) {
  const i18n = useI18n();
  if (notFound && error.status === 404) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="problem">
        <MessageBarBody>{notFound}</MessageBarBody>
      </MessageBar>
    );
  }
  const intent = plain && (error.status === 404 || error.status === 409) ? 'warning' : 'error';
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="problem">
      <MessageBarBody>{plain ? plainErrorText(i18n, error) : errorText(i18n, error)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {i18n.t('app.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
