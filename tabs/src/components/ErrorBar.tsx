import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-message-bar';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { errorText, plainErrorText } from './errorText';

/**
 * The one way a view shows a failed call, with a retry when one makes sense. `plain`: the
 * plainer wording (`plainErrorText`), where a missing or clashing thing is a warning, not an error.
 */
export function ErrorBar({ error, onRetry, plain }: { error: ApiError; onRetry?: () => void; plain?: boolean }) {
  const i18n = useI18n();
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
