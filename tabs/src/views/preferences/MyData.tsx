import { Body1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { ExportButton } from '../../components/ExportButton';
import { Section } from '../../components/Layout';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { myData } from './api';

const useStyles = makeStyles({ row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM } });

/** "Download my data": everything Leaderful stores about the person, built by the server. */
export function MyData() {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const [error, setError] = useState<ApiError | undefined>();
  return (
    <Section title={t('mydata.title')} id="my-data">
      <Body1>{t('mydata.intro')}</Body1>
      {error && <ErrorBar plain error={error} />}
      <div className={s.row}>
        <ExportButton label={t('mydata.json')} fetchFile={() => myData(api, 'json')} fallbackName="my-leaderful-data.json" onError={setError} />
        <ExportButton label={t('mydata.csv')} fetchFile={() => myData(api, 'csv')} fallbackName="my-leaderful-data.csv" onError={setError} />
      </div>
    </Section>
  );
}
