import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { makeStyles } from '@griffel/react';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState } from '../../components/forms';
import { Loading } from '../../components/Loading';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { getRetention, saveRetention, type RetentionKind, type RetentionView } from './api';
import { SaveForm, useSaveForm } from './SaveForm';

/** How long each kind of record is kept, in days, within the bounds the server states (and checks). */
export const RETENTION_LABEL: Record<RetentionKind, MessageKey> = {
  outbox: 'retention.kind.outbox',
  activities: 'retention.kind.activities',
  requests: 'retention.kind.requests',
  answers: 'retention.kind.answers',
  feedback: 'retention.kind.feedback',
  audit: 'retention.kind.audit',
};
const HINT: Record<RetentionKind, MessageKey> = {
  outbox: 'retention.hint.outbox',
  activities: 'retention.hint.activities',
  requests: 'retention.hint.requests',
  answers: 'retention.hint.answers',
  feedback: 'retention.hint.feedback',
  audit: 'retention.hint.audit',
};

const useStyles = makeStyles({
  days: { maxWidth: '10rem' },
});

export function AdminRetention() {
  const { api } = useSession();
  const loaded = useLoad((signal) => getRetention(api, signal), [api]);
  if (!loaded.data) return loaded.error ? <ErrorBar error={loaded.error} onRetry={loaded.reload} /> : <Loading />;
  return <RetentionForm initial={loaded.data.retention} onSaved={(retention) => loaded.set({ retention })} />;
}

function RetentionForm({ initial, onSaved }: { initial: RetentionView[]; onSaved(next: RetentionView[]): void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const [days, setDays] = useState<Record<string, string>>(() => Object.fromEntries(initial.map((r) => [r.kind, String(r.days)])));
  const form = useSaveForm([days]);
  const { fields } = form.submit;

  const check = () =>
    Object.fromEntries(
      initial.map((r) => {
        const n = Number(days[r.kind]);
        return [r.kind, !Number.isInteger(n) || n < r.minDays || n > r.maxDays ? t('retention.outOfRange', { min: r.minDays, max: r.maxDays }) : undefined];
      }),
    );
  const save = () =>
    form.save(check, () => saveRetention(api, Object.fromEntries(initial.map((r) => [r.kind, Number(days[r.kind])]))), (result) => onSaved(result.retention));

  return (
    <SaveForm form={form} title={t('retention.title')} id="admin-retention" intro={t('retention.intro')} savedText={t('retention.saved')} saveLabel={t('retention.save')} onSave={save}>
      {initial.map((r) => (
        <Field key={r.kind} label={t(RETENTION_LABEL[r.kind])} hint={t(HINT[r.kind], { min: r.minDays, max: r.maxDays, standard: r.defaultDays })} required {...fieldState(fields[r.kind])}>
          <Input className={s.days} name={r.kind} type="number" min={r.minDays} max={r.maxDays} step={1} value={days[r.kind]} onChange={(_, d) => setDays((x) => ({ ...x, [r.kind]: d.value }))} />
        </Field>
      ))}
    </SaveForm>
  );
}
