import { Checkbox } from '@fluentui/react-checkbox';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Switch } from '@fluentui/react-switch';
import { Text } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useId, useMemo, useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState } from '../../components/forms';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { getSettings, saveSettings, type TenantSettingsView } from './api';
import { SaveForm, useSaveForm } from './SaveForm';

/** The tenant's settings: the anonymity threshold, and the check-in defaults people start with. */
const DAYS = [1, 2, 3, 4, 5, 6, 0];
const THRESHOLD = { min: 3, max: 25 };

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  days: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  pair: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function AdminSettings() {
  const { api } = useSession();
  const settings = useLoad((signal) => getSettings(api, signal), [api]);
  if (!settings.data) return settings.error ? <ErrorBar error={settings.error} onRetry={settings.reload} /> : <Loading />;
  return <SettingsForm initial={settings.data.settings} onSaved={(next) => settings.set({ settings: next })} />;
}

function SettingsForm({ initial, onSaved }: { initial: TenantSettingsView; onSaved(next: TenantSettingsView): void }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const ids = useId();
  const [threshold, setThreshold] = useState(String(initial.anonymityThreshold));
  const [timeZone, setTimeZone] = useState(initial.defaultTimeZone);
  const [workDays, setWorkDays] = useState<number[]>(initial.workDays);
  const [quiet, setQuiet] = useState(!!initial.quietHours);
  const [from, setFrom] = useState(initial.quietHours?.from ?? '20:00');
  const [to, setTo] = useState(initial.quietHours?.to ?? '08:00');
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);
  const form = useSaveForm([threshold, timeZone, workDays, quiet, from, to]);
  const { fields } = form.submit;

  const check = () => {
    const n = Number(threshold);
    return {
      anonymityThreshold: !Number.isInteger(n) || n < THRESHOLD.min || n > THRESHOLD.max ? t('settings.thresholdRange', THRESHOLD) : undefined,
      defaultTimeZone: timeZone.trim() ? undefined : t('v.required'),
      workDays: workDays.length ? undefined : t('settings.noDays'),
    };
  };
  const save = () =>
    form.save(
      check,
      () => saveSettings(api, { anonymityThreshold: Number(threshold), defaultTimeZone: timeZone.trim(), workDays, quietHours: quiet ? { from, to } : null }),
      (result) => onSaved(result.settings),
    );

  return (
    <SaveForm form={form} title={t('settings.title')} id="admin-settings" intro={t('settings.intro')} savedText={t('settings.saved')} saveLabel={t('settings.save')} onSave={save}>
      <Field label={t('settings.threshold')} hint={t('settings.thresholdHint', THRESHOLD)} required {...fieldState(fields.anonymityThreshold)}>
        <Input name="anonymityThreshold" type="number" min={THRESHOLD.min} max={THRESHOLD.max} step={1} value={threshold} onChange={(_, d) => setThreshold(d.value)} />
      </Field>
      <Field label={t('settings.timeZone')} hint={t('settings.timeZoneHint')} required {...fieldState(fields.defaultTimeZone)}>
        <Input name="defaultTimeZone" value={timeZone} onChange={(_, d) => setTimeZone(d.value)} list={`${ids}-zones`} autoComplete="off" />
      </Field>
      <datalist id={`${ids}-zones`}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <fieldset className={s.group} data-invalid={fields.workDays ? 'true' : undefined}>
        <legend className={s.legend}>{t('settings.workDays')}</legend>
        <div className={s.days}>
          {DAYS.map((day) => (
            <Checkbox
              key={day}
              name="workDays"
              label={i18n.weekday(day)}
              checked={workDays.includes(day)}
              onChange={(_, d) => setWorkDays((w) => (d.checked ? [...w, day].sort() : w.filter((x) => x !== day)))}
              aria-describedby={fields.workDays ? `${ids}-days-error` : undefined}
            />
          ))}
        </div>
        {fields.workDays && (
          <Text id={`${ids}-days-error`} className={s.error} role="alert">
            {fields.workDays}
          </Text>
        )}
      </fieldset>
      <fieldset className={s.group}>
        <legend className={s.legend}>{t('settings.quietHours')}</legend>
        <Switch checked={quiet} onChange={(_, d) => setQuiet(d.checked)} label={t('settings.quietOn')} />
        {quiet && (
          <div className={s.pair}>
            <Field label={t('settings.quietFrom')} {...fieldState(fields['quietHours.from'])}>
              <Input name="quietHours.from" type="time" value={from} onChange={(_, d) => setFrom(d.value)} />
            </Field>
            <Field label={t('settings.quietTo')} {...fieldState(fields['quietHours.to'])}>
              <Input name="quietHours.to" type="time" value={to} onChange={(_, d) => setTo(d.value)} />
            </Field>
          </div>
        )}
      </fieldset>
    </SaveForm>
  );
}
