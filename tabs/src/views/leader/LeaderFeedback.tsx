import { Button } from '@fluentui/react-button';
import { Dropdown, Option } from '@fluentui/react-combobox';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { Body1, Caption1 } from '@fluentui/react-text';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { AreaStrings } from '../../components/AreaStrings';
import { ErrorBar } from '../../components/ErrorBar';
import { errorText } from '../../components/errorText';
import { ExportButton } from '../../components/ExportButton';
import { Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { NumericHeaderCell } from '../../components/NumericHeaderCell';
import { useI18n, type MessageKey } from '../../i18n';
import { hasRole, useSession } from '../../session';
import { toApiError, useLoad } from '../../useLoad';
import { feedbackInbox } from '../feedback/api';
import { pitfallReason, STATES, TOPICS, stateKey, topicText } from '../feedback/labels';
import { InboxList } from '../feedback/Lists';
import { feedbackCsv, feedbackSummary, getAnonymity, getSignals, setAnonymity, type SummaryGroup } from './api';

/**
 * The leader view's feedback section: items addressed to senior leaders that wait for an
 * answer, feedback counts per group (never a group smaller than the threshold: the server
 * merges small teams), pitfall signals with their reasons, and, for admins, the threshold.
 */
const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  toolbar: { display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  weeks: { minWidth: '180px' },
  tableWrap: { overflowX: 'auto' },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  muted: { color: tokens.colorNeutralForeground3 },
  signals: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  threshold: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  thresholdInput: { width: '120px' },
});

const WEEKS = [4, 12, 26, 52];

export default function LeaderFeedback() {
  const { me } = useSession();
  // The inbox's list and the states' words are the feedback area's (not in the first download).
  return (
    <AreaStrings area="feedback">
      <LeaderInbox />
      <FeedbackSummary />
      <Signals />
      {hasRole(me, 'admin') && <AnonymitySetting />}
    </AreaStrings>
  );
}

function LeaderInbox() {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useStyles();
  const inbox = useLoad((signal) => feedbackInbox(api, signal), [api]);
  return (
    <Section title={t('leaderFb.inbox')} id="leader-inbox">
      <Body1 className={s.muted}>{t('leaderFb.inboxIntro')}</Body1>
      {inbox.error && <ErrorBar error={inbox.error} onRetry={inbox.reload} />}
      {inbox.loading && !inbox.data && <Loading />}
      {inbox.data && <InboxList items={inbox.data} emptyText={t('leaderFb.inboxEmpty')} />}
    </Section>
  );
}

function FeedbackSummary() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const [weeks, setWeeks] = useState(12);
  const [exportError, setExportError] = useState<ApiError | undefined>();
  const summary = useLoad((signal) => feedbackSummary(api, { weeks }, signal), [api, weeks]);
  const data = summary.data;
  const topTopics = (g: SummaryGroup) =>
    TOPICS.map((tp) => ({ tp, n: g.counts.byTopic[tp] ?? 0 }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, 2)
      .map((x) => `${topicText(i18n, x.tp)} (${x.n})`)
      .join(', ');
  return (
    <Section title={t('leaderFb.summary')} id="feedback-summary">
      <div className={s.toolbar}>
        <Field label={t('leaderFb.period')} className={s.weeks}>
          <Dropdown value={t('leaderFb.weeks', { weeks })} selectedOptions={[String(weeks)]} onOptionSelect={(_, d) => setWeeks(Number(d.optionValue))}>
            {WEEKS.map((w) => (
              <Option key={w} value={String(w)}>
                {t('leaderFb.weeks', { weeks: w })}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <ExportButton label={t('leaderFb.export')} fetchFile={() => feedbackCsv(api, { weeks })} fallbackName="leaderful-feedback.csv" onError={setExportError} />
      </div>
      {exportError && <ErrorBar error={exportError} />}
      {summary.error && <ErrorBar error={summary.error} onRetry={summary.reload} />}
      {!data && summary.loading && <Loading />}
      {data && (
        <>
          <Body1 className={s.muted}>
            {t('leaderFb.summaryIntro', { k: data.threshold, from: i18n.date(data.period.from), to: i18n.date(data.period.to) })}
          </Body1>
          <div className={s.tableWrap}>
            <Table className={s.table} aria-label={t('leaderFb.summaryTable')} size="small" data-testid="summary-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('leaderFb.group')}</TableHeaderCell>
                  <NumericHeaderCell>{t('leaderFb.total')}</NumericHeaderCell>
                  {STATES.map((st) => (
                    <NumericHeaderCell key={st}>
                      {t(stateKey(st))}
                    </NumericHeaderCell>
                  ))}
                  <TableHeaderCell>{t('leaderFb.topTopics')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.groups.map((g) => (
                  <TableRow key={g.key} data-group={g.key}>
                    <TableCell>
                      {i18n.group(g.label)}
                      {g.level !== 'team' && g.teams.length > 0 && <Caption1 className={s.muted}> · {i18n.list(g.teams)}</Caption1>}
                    </TableCell>
                    <TableCell className={s.number}>{g.counts.total}</TableCell>
                    {STATES.map((st) => (
                      <TableCell key={st} className={s.number}>
                        {g.counts.byState[st] ?? 0}
                      </TableCell>
                    ))}
                    <TableCell>{topTopics(g) || t('app.none')}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>
                    <strong>{t('leaderFb.allGroups')}</strong>
                  </TableCell>
                  <TableCell className={s.number}>
                    <strong>{data.total.total}</strong>
                  </TableCell>
                  {STATES.map((st) => (
                    <TableCell key={st} className={s.number}>
                      {data.total.byState[st] ?? 0}
                    </TableCell>
                  ))}
                  <TableCell />
                </TableRow>
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </Section>
  );
}

const SIGNAL_KIND: Record<string, MessageKey> = {
  neglected_feedback: 'signal.neglected_feedback',
  overload: 'signal.overload',
  micromanagement: 'signal.micromanagement',
};

function Signals() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const signals = useLoad((signal) => getSignals(api, signal), [api]);
  return (
    <Section title={t('leaderFb.signals')} id="signals">
      <Body1 className={s.muted}>{t('leaderFb.signalsIntro')}</Body1>
      {signals.error && <ErrorBar error={signals.error} onRetry={signals.reload} />}
      {signals.loading && !signals.data && <Loading />}
      {signals.data &&
        (signals.data.signals.length === 0 ? (
          <Body1>{t('leaderFb.noSignals')}</Body1>
        ) : (
          <ul className={s.signals} data-testid="signals">
            {signals.data.signals.map((sig, i) => (
              <li key={i}>
                <MessageBar intent="warning" layout="multiline" data-signal={sig.kind}>
                  <MessageBarBody>
                    <MessageBarTitle>
                      {t(SIGNAL_KIND[sig.kind] ?? 'signal.overload')} · {i18n.group(sig.group.label)}
                    </MessageBarTitle>
                    <span>{pitfallReason(i18n, sig)}</span>
                  </MessageBarBody>
                </MessageBar>
              </li>
            ))}
          </ul>
        ))}
    </Section>
  );
}

function AnonymitySetting() {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useStyles();
  const current = useLoad((signal) => getAnonymity(api, signal), [api]);
  const [value, setValue] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!current.data) return current.error ? <ErrorBar error={current.error} onRetry={current.reload} /> : null;
  const { min, max } = current.data;
  const shown = value ?? String(current.data.anonymityThreshold);

  async function save(e: FormEvent) {
    e.preventDefault();
    const n = Number(shown);
    if (!Number.isInteger(n) || n < min || n > max) return setProblem(t('leaderFb.thresholdRange', { min, max }));
    setSaving(true);
    setProblem(undefined);
    try {
      current.set(await setAnonymity(api, n));
      setValue(undefined);
      setSaved(true);
    } catch (err) {
      setProblem(errorText(i18n, toApiError(err)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Section title={t('leaderFb.threshold')} id="threshold">
      <Body1 className={s.muted}>{t('leaderFb.thresholdIntro')}</Body1>
      <form className={s.threshold} onSubmit={save} noValidate>
        <Field label={t('leaderFb.thresholdLabel', { min, max })} validationState={problem ? 'error' : saved ? 'success' : 'none'} validationMessage={problem ?? (saved ? t('leaderFb.thresholdSaved') : undefined)}>
          <Input
            className={s.thresholdInput}
            type="number"
            min={min}
            max={max}
            step={1}
            value={shown}
            onChange={(_, d) => {
              setValue(d.value);
              setSaved(false);
              setProblem(undefined);
            }}
          />
        </Field>
        <Button type="submit" appearance="secondary" disabled={saving}>
          {t('leaderFb.thresholdSave')}
        </Button>
      </form>
    </Section>
  );
}
