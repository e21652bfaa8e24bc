import { Body1, Caption1, Text } from '@fluentui/react-text';
import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { ArrowLeftRegular, CheckmarkCircleRegular, ClipboardTaskListLtrRegular, EditRegular, PauseRegular, PlayRegular, RocketRegular } from '@fluentui/react-icons';
import { useState, type ReactElement } from 'react';
import type { ApiError } from '../../api/client';
import { ErrorBar } from '../../components/ErrorBar';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { HealthIndicator, StatusBadge } from '../../components/PilotBadges';
import { Sparkline } from '../../components/Sparkline';
import { SuccessBar } from '../../components/SuccessBar';
import { flash } from '../../flash';
import { useI18n, type I18n, type MessageKey } from '../../i18n';
import { hrefFor, type Route } from '../../router';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { pilotSignalReason } from '../feedback/labels';
import { localizedQuestion } from '../../../../domain/practices/model';
import { ProposePractice } from '../practices/ProposePractice';
import { getPilot, transitionPilot, type PilotAction, type PilotView } from './api';
import { preloadClosePilot, preloadPilotForm, useDialogs } from './DialogHost';
import { PilotTrend } from './PilotTrend';
import { CLOSED, actionsFor, type DetailAction } from './status';

const useStyles = makeStyles({
  back: { alignSelf: 'flex-start', marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  badges: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground3 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 860px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  stats: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingVerticalM, margin: 0 },
  stat: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  statLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  statValue: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  trend: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  signals: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  definitions: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0 },
});

const ACTION_LOOK: Record<DetailAction, { label: MessageKey; icon: ReactElement }> = {
  edit: { label: 'action.edit', icon: <EditRegular /> },
  launch: { label: 'action.launch', icon: <RocketRegular /> },
  pause: { label: 'action.pause', icon: <PauseRegular /> },
  resume: { label: 'action.resume', icon: <PlayRegular /> },
  review: { label: 'action.review', icon: <ClipboardTaskListLtrRegular /> },
  close: { label: 'action.close', icon: <CheckmarkCircleRegular /> },
};

/** The next step a pilot is waiting for gets the primary button. */
const primaryAction = (p: PilotView): DetailAction | undefined =>
  p.status === 'draft' ? 'launch' : p.status === 'paused' ? 'resume' : p.status === 'in_review' ? 'close' : undefined;

export function PilotDetailView({ id, backTo }: { id: string; backTo: Route }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const pilot = useLoad((signal) => getPilot(api, id, signal), [api, id]);
  const [notice, setNotice] = useState<MessageKey | undefined>(flash.take);
  const [actionError, setActionError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState<DetailAction | undefined>();
  const showDialog = useDialogs();

  const back = (
    <Button as="a" href={hrefFor(backTo)} appearance="subtle" icon={<ArrowLeftRegular />} className={s.back}>
      {t('detail.back')}
    </Button>
  );

  if (!pilot.data) {
    return (
      <Page>
        {back}
        {pilot.loading && <Loading />}
        {pilot.error && <ErrorBar error={pilot.error} onRetry={pilot.reload} notFound={t('detail.notFound')} />}
      </Page>
    );
  }
  const p = pilot.data;

  const updated = (next: PilotView, message: MessageKey) => {
    pilot.set(next);
    setNotice(message);
    setActionError(undefined);
  };

  async function run(action: DetailAction) {
    if (action === 'edit') {
      return showDialog({ kind: 'pilotForm', props: { mode: 'edit', pilot: p, onSaved: (next) => updated(next, 'done.saved') } });
    }
    if (action === 'close') {
      return showDialog({ kind: 'closePilot', pilot: p, onClosed: (next) => updated(next, 'done.close') });
    }
    setBusy(action);
    setNotice(undefined);
    try {
      updated(await transitionPilot(api, p.id, action as PilotAction), `done.${action as PilotAction}` as const);
    } catch (err) {
      setActionError(toApiError(err));
    } finally {
      setBusy(undefined);
    }
  }

  const actions = actionsFor(p);
  const primary = primaryAction(p);
  const toolbar = actions.length > 0 && (
    <div role="toolbar" aria-label={t('detail.actions')} className={s.badges}>
      {actions.map((a) => (
        <Button
          key={a}
          appearance={a === primary ? 'primary' : 'secondary'}
          icon={ACTION_LOOK[a].icon}
          disabled={!!busy}
          onClick={() => run(a)}
          onPointerEnter={a === 'edit' ? preloadPilotForm : a === 'close' ? preloadClosePilot : undefined}
          data-action={a}
        >
          {t(ACTION_LOOK[a].label)}
        </Button>
      ))}
    </div>
  );

  return (
    <Page>
      {back}
      {notice && <SuccessBar>{t(notice)}</SuccessBar>}
      {actionError && <ErrorBar error={actionError} onRetry={pilot.reload} />}
      <PageHeader
        title={p.title}
        badges={
          <div className={s.badges}>
            <StatusBadge status={p.status} />
            <HealthIndicator level={p.health.level} />
          </div>
        }
        subtitle={
          <span className={s.meta}>
            {[p.practiceName, p.teamName, t('detail.ledBy', { name: p.managerName }), t('detail.dateRange', { start: i18n.date(p.startDate), end: i18n.date(p.endDate) })].join(' · ')}
          </span>
        }
      />
      {toolbar}

      <div className={s.grid}>
        <div className={s.column}>
          {p.learning && CLOSED.includes(p.status) && (
            <Section title={t('detail.learning')} id="learning">
              <Body1 className={s.text}>{p.learning}</Body1>
              {p.canEdit && (p.status === 'adopted' || p.status === 'adapted') && <ProposePractice pilotId={p.id} />}
            </Section>
          )}
          <Section title={t('detail.hypothesis')} id="hypothesis">
            <Body1 className={s.text}>{p.hypothesis}</Body1>
          </Section>
          <Section title={t('detail.measures')} id="measures">
            <ul className={s.list}>
              {p.successMeasures.map((m, i) => (
                <li key={i}>
                  <Body1 className={s.text}>{m}</Body1>
                </li>
              ))}
            </ul>
          </Section>
          <Section title={t('detail.questions')} id="questions">
            {p.questions.length ? (
              <ol className={s.list}>
                {p.questions.map((q) => (
                  <li key={q.id}>
                    <Body1>{localizedQuestion(q, i18n.language).text}</Body1> <Caption1 className={s.meta}>({t(`kind.${q.kind}`)})</Caption1>
                  </li>
                ))}
              </ol>
            ) : (
              <Body1 className={s.meta}>{t('detail.noQuestions')}</Body1>
            )}
          </Section>
        </div>

        <div className={s.column}>
          <HealthSection pilot={p} />
          <PilotTrend figures={p.roundFigures ?? []} />
          <Section title={t('detail.cadence')} id="cadence">
            <dl className={s.definitions}>
              <dt className={s.term}>{t('detail.schedule')}</dt>
              <dd className={s.definition}>{cadenceText(i18n, p)}</dd>
              <dt className={s.term}>{t('detail.reminder')}</dt>
              <dd className={s.definition}>{p.cadence.reminderHours ? t('detail.reminderHours', { hours: p.cadence.reminderHours }) : t('detail.noReminder')}</dd>
              <dt className={s.term}>{t('detail.roundOpen')}</dt>
              <dd className={s.definition}>{t('detail.roundHours', { hours: p.cadence.roundHours })}</dd>
            </dl>
          </Section>
        </div>
      </div>
    </Page>
  );
}

function HealthSection({ pilot }: { pilot: PilotView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const h = pilot.health;
  const none = t('app.none');
  const stats: [MessageKey, string][] = [
    ['detail.participation', h.participation === null ? none : i18n.percent(h.participation)],
    ['detail.confidence', h.confidence === null ? none : t('health.outOf5', { value: i18n.decimal(h.confidence) })],
    ['detail.rounds', String(h.rounds)],
    ['detail.openFeedback', String(h.openFeedback)],
  ];
  return (
    <Section title={t('detail.health')} id="health">
      <HealthIndicator level={h.level} size="large" />
      <dl className={s.stats}>
        {stats.map(([label, value]) => (
          <div className={s.stat} key={label}>
            <dt className={s.statLabel}>{t(label)}</dt>
            <dd className={s.statValue}>{value}</dd>
          </div>
        ))}
      </dl>
      {h.confidenceTrend.length > 1 && (
        <div className={s.trend}>
          <Caption1 className={s.meta}>{t('detail.trend')}</Caption1>
          <Sparkline values={h.confidenceTrend} />
          <Caption1 className={s.meta}>{h.confidenceTrend.map((v) => i18n.decimal(v)).join(' → ')}</Caption1>
        </div>
      )}
      <div className={s.signals} data-testid="signals">
        <Text weight="semibold">{t('detail.signals')}</Text>
        {h.signals.length ? (
          h.signals.map((sig, i) => (
            <MessageBar key={i} intent="warning" layout="multiline" data-signal={sig.kind}>
              <MessageBarBody>
                <MessageBarTitle>{t(`signal.${sig.kind}` as const)}</MessageBarTitle>
                <span>{pilotSignalReason(i18n, sig)}</span>
              </MessageBarBody>
            </MessageBar>
          ))
        ) : (
          <Body1 className={s.meta}>{t('detail.noSignals')}</Body1>
        )}
      </div>
    </Section>
  );
}

function cadenceText(i18n: I18n, p: PilotView): string {
  // Monday-first order, matching the form.
  const days = [...p.cadence.weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map(i18n.weekday);
  const vars = { days: i18n.list(days), time: p.cadence.time, weeks: p.cadence.everyWeeks };
  return p.cadence.everyWeeks > 1 ? i18n.t('cadence.everyWeeks', vars) : i18n.t('cadence.weekly', vars);
}
