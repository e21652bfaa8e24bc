import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { Select } from '@fluentui/react-select';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useEffect, useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { Loading } from '../../components/Loading';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import type { ApiError } from '../../api/client';
import { listPilots } from '../pilots/api';
import { closeRound, getRound, type MeetingRound } from './api';

/**
 * `#/meeting?teamId=…`: the team's check-in in its meeting — the meeting side panel, the meeting
 * details and chat tabs, and the shared stage. While the round is open, only whether enough have
 * answered for its figures (never how many or who: a moving count would show who just answered);
 * how many answered and the summary once the round closed (as the server decided it, threshold applied), an agenda for the
 * facilitator, and, for the facilitator or manager, closing the round. The side panel is narrow
 * (320 px): one column, no app navigation.
 */
const useStyles = makeStyles({
  stage: { maxWidth: '960px' },
  panel: { padding: tokens.spacingHorizontalS },
  figure: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  agenda: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** Whether enough have answered changes while the round is open: looked at again every so often. */
const REFRESH_MS = 30_000;

/** Its strings (the meeting area's) are here before it shows: Routes waits for them (views/strings.ts). */
export default function MeetingView() {
  const { api, host } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const teamId = new URLSearchParams(window.location.search).get('teamId') ?? undefined;
  const pilots = useLoad((signal) => listPilots(api, { teamId, status: 'active' }, signal), [api, teamId]);
  const [chosen, setChosen] = useState<string>();
  const pilot = pilots.data?.find((p) => p.id === chosen) ?? pilots.data?.[0];
  const compact = host.frameContext === 'sidePanel';
  return (
    <Page className={compact ? s.panel : s.stage}>
      <PageHeader title={pilot?.title ?? t('meeting.title')} subtitle={compact ? undefined : t('meeting.subtitle')} />
      {pilots.loading && !pilots.data && <Loading />}
      {pilots.error && <ErrorBar error={pilots.error} onRetry={pilots.reload} />}
      {pilots.data && !pilots.data.length && (
        <MessageBar intent="info">
          <MessageBarBody>{t('meeting.noPilot')}</MessageBarBody>
        </MessageBar>
      )}
      {pilots.data && pilots.data.length > 1 && (
        <Field label={t('meeting.pilot')}>
          <Select value={pilot?.id} onChange={(_, d) => setChosen(d.value)}>
            {pilots.data.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {pilot && <Round key={pilot.id} pilotId={pilot.id} pilotTitle={pilot.title} />}
    </Page>
  );
}

function Round({ pilotId, pilotTitle }: { pilotId: string; pilotTitle: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = { ...useListStyles(), ...useStyles() };
  const loaded = useLoad((signal) => getRound(api, pilotId, signal), [api, pilotId]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [closeError, setCloseError] = useState<ApiError>();
  const [closedNow, setClosedNow] = useState(false);
  const round = loaded.data;
  const { reload } = loaded;
  useEffect(() => {
    if (round?.status !== 'open') return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [round?.status, reload]);

  if (loaded.loading && loaded.data === undefined) return <Loading />;
  if (loaded.error) return <ErrorBar error={loaded.error} onRetry={loaded.reload} />;
  if (!round) return <Body1>{t('meeting.noRound')}</Body1>;

  const close = async () => {
    setBusy(true);
    setCloseError(undefined);
    try {
      const next = await closeRound(api, pilotId);
      if (next) loaded.set(next);
      setClosedNow(true);
      setConfirming(false);
    } catch (err) {
      setCloseError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Section title={t('meeting.round', { number: round.number, date: i18n.date(round.date) })} id="round">
        <div className={s.row}>
          <LabelBadge label={t(round.status === 'open' ? 'meeting.open' : 'meeting.closed')} color={round.status === 'open' ? 'brand' : 'subtle'} testId="round-status" />
          {round.status === 'open' && <Caption1 className={s.muted}>{t('meeting.closesAt', { when: new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(round.closesAt)) })}</Caption1>}
        </div>
        <div aria-live="polite" data-testid="answered">
          {round.answered === undefined ? (
            <>
              <span className={s.figure}>{t(round.enough ? 'meeting.enough' : 'meeting.waiting')}</span>
              <Body1 className={s.muted}>{t('meeting.openHint', { threshold: round.threshold, invited: round.invited })}</Body1>
            </>
          ) : (
            <>
              <span className={s.figure}>{t('meeting.answeredFigure', { answered: round.answered, invited: round.invited })}</span>
              <Body1 className={s.muted}>{t('meeting.answeredHint')}</Body1>
            </>
          )}
        </div>
        <Body1 data-testid="facilitator">
          {round.facilitating ? t('meeting.youFacilitate') : round.facilitator ? t('meeting.facilitator', { name: round.facilitator.name }) : t('meeting.noFacilitator')}
        </Body1>
        {closedNow && <SuccessBar>{t('meeting.closedNow')}</SuccessBar>}
        {round.canClose &&
          (confirming ? (
            <div className={s.actions} role="group" aria-label={t('meeting.closeConfirm')}>
              <Body1>{t('meeting.closeConfirm')}</Body1>
              <Button appearance="primary" disabled={busy} onClick={close}>
                {t('meeting.closeYes')}
              </Button>
              <Button disabled={busy} onClick={() => setConfirming(false)}>
                {t('meeting.closeNo')}
              </Button>
            </div>
          ) : (
            <div className={s.actions}>
              <Button onClick={() => setConfirming(true)}>{t('meeting.close')}</Button>
            </div>
          ))}
        {closeError && <ErrorBar error={closeError} />}
      </Section>
      {round.summary && <Summary round={round} />}
      <Agenda round={round} pilotTitle={pilotTitle} />
    </>
  );
}

function Summary({ round }: { round: MeetingRound }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const summary = round.summary!;
  const small = summary.answered < summary.threshold;
  return (
    <Section title={t('meeting.summary')} id="summary">
      <dl className={s.definitions} data-testid="summary">
        <dt className={s.term}>{t('meeting.confidence')}</dt>
        <dd className={s.definition}>
          {summary.confidence === null
            ? small
              ? t('meeting.hiddenBelow', { threshold: summary.threshold })
              : t('meeting.noAnswers')
            : t('meeting.confidenceValue', { value: i18n.decimal(summary.confidence) })}
        </dd>
      </dl>
      {summary.blockers.length > 0 && (
        <>
          <Subtitle2 as="h3">{t('meeting.blockers')}</Subtitle2>
          <ul className={s.list} data-testid="blockers">
            {summary.blockers.map((b, i) => (
              <li key={i} className={s.text}>
                {b}
              </li>
            ))}
          </ul>
        </>
      )}
      {small && summary.answered > 0 && <Caption1 className={s.muted}>{t('meeting.privacy', { threshold: summary.threshold })}</Caption1>}
    </Section>
  );
}

/** The facilitator's running order for the check-in discussion, from what the round shows. */
function Agenda({ round, pilotTitle }: { round: MeetingRound; pilotTitle: string }) {
  const { t } = useI18n();
  const s = useStyles();
  const blockers = round.summary?.blockers.length ?? 0;
  return (
    <Section title={t('meeting.agenda')} id="agenda">
      <ol className={s.agenda} data-testid="agenda">
        <li>{t('meeting.agenda.open', { title: pilotTitle })}</li>
        <li>{round.answered === undefined ? t('meeting.agenda.participationOpen') : t('meeting.agenda.participation', { answered: round.answered, invited: round.invited })}</li>
        <li>{blockers ? t('meeting.agenda.blockers', { count: blockers }) : t('meeting.agenda.obstacles')}</li>
        <li>{t('meeting.agenda.next')}</li>
        <li>{t('meeting.agenda.handover')}</li>
      </ol>
    </Section>
  );
}
