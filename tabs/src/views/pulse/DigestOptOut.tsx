import { Switch } from '@fluentui/react-switch';
import { Body1 } from '@fluentui/react-text';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { useSubmit } from '../../components/forms';
import { useListStyles } from '../../components/listStyles';
import { Section } from '../../components/Layout';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

/** Senior leaders' opt-out of the weekly at-risk digest (in `#/preferences`). Saved as it is switched. */
export function DigestOptOut({ optedOut, onSaved }: { optedOut: boolean; onSaved: () => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [on, setOn] = useState(!optedOut);
  const submit = useSubmit();
  return (
    <Section title={t('pulse.digest.title')} id="atrisk-digest">
      <Body1 className={s.muted}>{t('pulse.digest.intro')}</Body1>
      <Switch
        checked={on}
        disabled={submit.busy}
        label={t('pulse.digest.label')}
        onChange={async (_, d) => {
          const saved = await submit.run(() => ({}), () => api.put('/api/me/preferences', { body: { optOutAtRiskDigest: !d.checked } }));
          if (saved) {
            setOn(d.checked);
            onSaved();
          }
        }}
      />
      {submit.error && <ErrorBar error={submit.error} />}
    </Section>
  );
}
