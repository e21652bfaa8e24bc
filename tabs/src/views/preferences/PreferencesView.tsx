import { Button } from '@fluentui/react-button';
import { Checkbox } from '@fluentui/react-checkbox';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Select } from '@fluentui/react-select';
import { Switch } from '@fluentui/react-switch';
import { Body1, Caption1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, useSubmit } from '../../components/forms';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { Loading } from '../../components/Loading';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n, type MessageKey } from '../../i18n';
import { hasRole, useSession } from '../../session';
import { DigestOptOut } from '../pulse/DigestOptOut';
import { useLoad } from '../../useLoad';
import * as prefs from './api';
import { MyData } from './MyData';
import type { Channel, Loaded, NoticeChannels, NoticeKind } from './api';

/**
 * `#/preferences`: the person's own check-in and notification preferences — time zone, work
 * days, quiet hours, pause, celebrations, and where each kind of notice reaches them. The API
 * applies the same rules as the chat commands ("time zone …", "pause me for N days",
 * "celebrations off"), so the tab and chat never disagree.
 */
export default function PreferencesView() {
  const { api, me } = useSession();
  const { t } = useI18n();
  const loaded = useLoad((signal) => prefs.getPreferences(api, signal), [api]);
  const [notice, setNotice] = useState<MessageKey | undefined>();
  const done = (next: Loaded, key: MessageKey) => {
    loaded.set(next);
    setNotice(key);
  };
  return (
    <Page>
      <PageHeader title={t('prefs.title')} subtitle={t('prefs.subtitle')} />
      <div aria-live="polite">{notice && <SuccessBar>{t(notice)}</SuccessBar>}</div>
      {loaded.loading && !loaded.data && <Loading />}
      {loaded.error && <ErrorBar error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && (
        <>
          <CheckinForm key={`c${JSON.stringify(loaded.data.preferences)}`} loaded={loaded.data} onDone={done} />
          <Pause loaded={loaded.data} onDone={done} />
          <Notifications key={`n${JSON.stringify(loaded.data.preferences.notifications)}`} loaded={loaded.data} onDone={done} />
          {hasRole(me, 'leader') && <DigestOptOut optedOut={!!loaded.data.preferences.optOutAtRiskDigest} onSaved={() => setNotice('prefs.saved')} />}
        </>
      )}
      <MyData />
    </Page>
  );
}

const useStyles = makeStyles({
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** Monday first; 0 = Sunday as the API counts. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

function weekdayName(locale: string, day: number): string {
  // 2023-01-01 was a Sunday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}

function timeZones(current: string): string[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([current, 'UTC', ...all])].sort();
}

const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function CheckinForm({ loaded, onDone }: { loaded: Loaded; onDone: (next: Loaded, key: MessageKey) => void }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = { ...useListStyles(), ...useStyles() };
  const p = loaded.preferences;
  const [timeZone, setTimeZone] = useState(p.timeZone);
  const [workDays, setWorkDays] = useState<number[]>(p.workDays);
  const [quiet, setQuiet] = useState(!!p.quietHours);
  const [from, setFrom] = useState(p.quietHours?.from ?? '20:00');
  const [to, setTo] = useState(p.quietHours?.to ?? '08:00');
  const [celebratePrivately, setCelebratePrivately] = useState(p.optOutPublicCelebration);
  const submit = useSubmit();
  const device = deviceZone();
  const toggleDay = (d: number, on: boolean) => setWorkDays((days) => (on ? [...days, d] : days.filter((x) => x !== d)));
  const check = () => ({
    workDays: workDays.length ? undefined : t('prefs.v.workDays'),
    'quietHours.from': quiet && !/^\d\d:\d\d$/.test(from) ? t('prefs.v.time') : undefined,
    'quietHours.to': quiet && !/^\d\d:\d\d$/.test(to) ? t('prefs.v.time') : undefined,
  });
  return (
    <Section title={t('prefs.checkins')} id="checkins">
      <form
        className={s.form}
        aria-label={t('prefs.checkins')}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await submit.run(check, () =>
            prefs.savePreferences(api, { timeZone, workDays: [...workDays].sort(), quietHours: quiet ? { from, to } : null, optOutPublicCelebration: celebratePrivately }),
          );
          if (next) onDone(next, 'prefs.saved');
        }}
      >
        <Field label={t('prefs.timeZone')} hint={t('prefs.timeZoneHint')} {...fieldState(submit.fields.timeZone)}>
          <Select name="timeZone" value={timeZone} onChange={(_, d) => setTimeZone(d.value)}>
            {timeZones(p.timeZone).map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </Select>
        </Field>
        {device && device !== timeZone && (
          <div className={s.actions}>
            <Button size="small" onClick={() => setTimeZone(device)}>
              {t('prefs.useDevice', { zone: device })}
            </Button>
          </div>
        )}
        <fieldset className={s.fieldset} aria-describedby={submit.fields.workDays ? 'work-days-problem' : undefined}>
          <legend className={s.legend}>{t('prefs.workDays')}</legend>
          <div className={s.fields} data-testid="work-days">
            {WEEK.map((d) => (
              <Checkbox key={d} value={String(d)} label={weekdayName(i18n.locale, d)} checked={workDays.includes(d)} onChange={(_, c) => toggleDay(d, !!c.checked)} />
            ))}
          </div>
          {submit.fields.workDays && (
            <Caption1 id="work-days-problem" role="alert" className={s.problem}>
              {submit.fields.workDays}
            </Caption1>
          )}
        </fieldset>
        <Switch label={t('prefs.quietHours')} checked={quiet} onChange={(_, d) => setQuiet(d.checked)} />
        {quiet && (
          <div className={s.fields}>
            <Field label={t('prefs.quietFrom')} {...fieldState(submit.fields['quietHours.from'])}>
              <Input type="time" name="quietHours.from" value={from} onChange={(_, d) => setFrom(d.value)} />
            </Field>
            <Field label={t('prefs.quietTo')} {...fieldState(submit.fields['quietHours.to'])}>
              <Input type="time" name="quietHours.to" value={to} onChange={(_, d) => setTo(d.value)} />
            </Field>
          </div>
        )}
        <Caption1 className={s.muted}>{t('prefs.quietHint')}</Caption1>
        <Switch label={t('prefs.celebratePrivately')} checked={celebratePrivately} onChange={(_, d) => setCelebratePrivately(d.checked)} />
        {submit.error && !Object.keys(submit.fields).some((k) => submit.fields[k]) && <ErrorBar error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy}>
            {t('prefs.save')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function Pause({ loaded, onDone }: { loaded: Loaded; onDone: (next: Loaded, key: MessageKey) => void }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const [days, setDays] = useState('7');
  const submit = useSubmit();
  const until = loaded.preferences.pausedUntil;
  const paused = !!until && until >= new Date().toISOString().slice(0, 10);
  return (
    <Section title={t('prefs.pause')} id="pause">
      {paused ? (
        <div className={s.actions}>
          <Body1 data-testid="paused">{t('prefs.pausedUntil', { date: i18n.date(until) })}</Body1>
          <Button
            disabled={submit.busy}
            onClick={async () => {
              const next = await submit.run(() => ({}), () => prefs.resume(api));
              if (next) onDone(next, 'prefs.resumed');
            }}
          >
            {t('prefs.resume')}
          </Button>
        </div>
      ) : (
        <form
          className={s.inline}
          aria-label={t('prefs.pause')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const n = Number(days);
            const next = await submit.run(
              () => ({ days: Number.isInteger(n) && n >= 1 && n <= 90 ? undefined : t('prefs.v.days') }),
              () => prefs.pause(api, n),
            );
            if (next) onDone(next, 'prefs.paused');
          }}
        >
          <Field label={t('prefs.pauseDays')} hint={t('prefs.pauseHint')} {...fieldState(submit.fields.days)}>
            <Input type="number" name="days" min={1} max={90} value={days} onChange={(_, d) => setDays(d.value)} />
          </Field>
          <Button type="submit" disabled={submit.busy}>
            {t('prefs.pauseButton')}
          </Button>
        </form>
      )}
      {submit.error && !submit.fields.days && <ErrorBar error={submit.error} />}
    </Section>
  );
}

const KIND_LABEL: Record<NoticeKind, MessageKey> = {
  checkin_due: 'prefs.kind.checkin_due',
  feedback_reply: 'prefs.kind.feedback_reply',
  facilitator_turn: 'prefs.kind.facilitator_turn',
  leader_digest: 'prefs.kind.leader_digest',
};
const CHANNEL_LABEL: Record<Channel, MessageKey> = { chat: 'prefs.channel.chat', feed: 'prefs.channel.feed', both: 'prefs.channel.both' };

/**
 * Where each kind of notice arrives. Every channel is shown so people know the choice exists;
 * the ones this organisation does not offer yet (the activity feed) are disabled and say so.
 */
function Notifications({ loaded, onDone }: { loaded: Loaded; onDone: (next: Loaded, key: MessageKey) => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [chosen, setChosen] = useState<NoticeChannels>(loaded.preferences.notifications);
  const submit = useSubmit();
  const offered = new Set(loaded.notices.channels);
  const feedOffered = offered.has('feed');
  return (
    <Section title={t('prefs.notifications')} id="notifications">
      <Body1 className={s.muted}>{t('prefs.notificationsIntro')}</Body1>
      {!feedOffered && (
        <Caption1 className={s.muted} data-testid="feed-note">
          {t('prefs.feedComing')}
        </Caption1>
      )}
      <form
        className={s.form}
        aria-label={t('prefs.notifications')}
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await submit.run(() => ({}), () => prefs.savePreferences(api, { notifications: chosen }));
          if (next) onDone(next, 'prefs.saved');
        }}
      >
        {loaded.notices.kinds.map((kind) => (
          <Field key={kind} label={t(KIND_LABEL[kind])} {...fieldState(submit.fields[`notifications.${kind}`])}>
            <RadioGroup layout="horizontal" name={`notifications.${kind}`} value={chosen[kind]} onChange={(_, d) => setChosen({ ...chosen, [kind]: d.value as Channel })}>
              {(['chat', 'feed', 'both'] as const).map((c) => (
                <Radio key={c} value={c} disabled={!offered.has(c)} label={offered.has(c) ? t(CHANNEL_LABEL[c]) : t('prefs.channel.notYet', { channel: t(CHANNEL_LABEL[c]) })} />
              ))}
            </RadioGroup>
          </Field>
        ))}
        {submit.error && <ErrorBar error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy}>
            {t('prefs.saveNotifications')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
