import { Spinner } from '@fluentui/react-spinner';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useI18n } from '../i18n';

/** The loading state, worded the same way everywhere. */
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
