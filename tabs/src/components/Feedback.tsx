import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-message-bar';
import { Spinner } from '@fluentui/react-spinner';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import type { ApiError } from '../api/client';
import { useI18n, type I18n } from '../i18n';

/** Loading and error states, worded the same way everywhere. */
const useStyles = makeStyles({
  loading: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXXL} 0` },
});

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  const s = useStyles();
  return (
    <div className={s.loading}>
      <Spinner size="medium" label={label ?? t('app.loading')} labelPosition="below" />
    </div>
  );
}

/** What to tell a person about a failed call: our words for transport problems, the server's for rule problems. */
export function errorText(i18n: Pick<I18n, 't'>, err: ApiError): string {
  if (err.code === 'network') return i18n.t('error.network');
  if (err.code === 'auth_failed') return i18n.t('auth.failed');
  if (err.status === 401) return i18n.t('error.unauthenticated');
  if (err.status >= 500 || !err.message) return i18n.t('error.generic');
  return err.message;
}

export function ErrorBar({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const i18n = useI18n();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{errorText(i18n, error)}</MessageBarBody>
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
