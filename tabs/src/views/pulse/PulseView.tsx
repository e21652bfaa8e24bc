import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-table';
import { Textarea } from '@fluentui/react-textarea';
import { Body1, Caption1 } from '@fluentui/react-text';
import { useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, useSubmit } from '../../components/forms';
import { useListStyles } from '../../components/listStyles';
import { Page, PageHeader, Section } from '../../components/Layout';
import { Loading } from '../../components/Loading';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { answerPulse, getMyPulse, type MyPulse } from './api';

const LOAD_LABEL: Record<keyof MyPulse['load']['mine'], MessageKey> = {
  pilots: 'pulse.load.pilots',
  teams: 'pulse.load.teams',
  openLoops: 'pulse.load.openLoops',
  rounds: 'pulse.load.rounds',
};
const QUESTION_LABEL: Record<string, MessageKey> = {
  autonomy: 'pulse.q.autonomy',
  workload: 'pulse.q.workload',
  support: 'pulse.q.support',
  loops: 'pulse.q.loops',
  open: 'pulse.q.open',
};

/**
 * `#/pulse`: a manager's own pulse — the one open for them (answered here or on the card), their
 * history, and their load against the organisation's median. Only their own answers are here:
 * nobody else's, and nothing the organisation's groups would not show.
 */
export default function PulseView() {
  const { api } = useSession();
  const { t } = useI18n();
  const loaded = useLoad((signal) => getMyPulse(api, signal), [api]);
  const data = loaded.data;
  return (
    <Page>
      <PageHeader title={t('pulse.title')} subtitle={data ? t('pulse.subtitle', { k: data.threshold }) : undefined} />
      {loaded.loading && !data && <Loading />}
      {loaded.error && <ErrorBar error={loaded.error} onRetry={loaded.reload} />}
      {data && (
        <>
          {!data.asked && <Body1>{t('pulse.notAsked')}</Body1>}
          {data.asked && <Current key={data.current?.period ?? 'none'} pulse={data} onSaved={loaded.reload} />}
          <History pulse={data} />
          <LoadTable pulse={data} />
        </>
      )}
    </Page>
  );
}

function Current({ pulse, onSaved }: { pulse: MyPulse; onSaved: () => void }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const current = pulse.current;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(current?.values ?? {}).map(([k, v]) => [k, String(v)])));
  const [sent, setSent] = useState(false);
  const submit = useSubmit();
  if (!current) return <Body1 className={s.muted}>{t('pulse.none')}</Body1>;
  const lang = i18n.language;
  return (
    <Section title={t('pulse.open', { date: i18n.date(current.closesAt) })} id="current">
      {sent && <SuccessBar>{t('pulse.sent')}</SuccessBar>}
      <form
        className={s.form}
        aria-label={t('pulse.title')}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => [k, /^[1-5]$/.test(v) && k !== 'open' ? Number(v) : v]));
          const ok = await submit.run(() => ({}), () => answerPulse(api, current.period, body));
          if (ok) {
            setSent(true);
            onSaved();
          }
        }}
      >
        {current.questions.map((q) => {
          const words = (q.translations as Record<string, { text: string; low?: string; high?: string }> | undefined)?.[lang] ?? q;
          return q.kind === 'scale' ? (
            <Field key={q.id} label={words.text} hint={`1 = ${words.low ?? ''} · 5 = ${words.high ?? ''}`} {...fieldState(submit.fields[`values.${q.id}`] ?? submit.fields.values)}>
              <RadioGroup layout="horizontal" name={q.id} value={values[q.id] ?? ''} onChange={(_, d) => setValues({ ...values, [q.id]: d.value })}>
                {['1', '2', '3', '4', '5'].map((n) => (
                  <Radio key={n} value={n} label={n} />
                ))}
              </RadioGroup>
            </Field>
          ) : (
            <Field key={q.id} label={words.text}>
              <Textarea name={q.id} maxLength={1000} value={values[q.id] ?? ''} onChange={(_, d) => setValues({ ...values, [q.id]: d.value })} />
            </Field>
          );
        })}
        <div>
          <Button type="submit" appearance="primary" disabled={submit.busy}>
            {t(current.values ? 'pulse.save' : 'pulse.send')}
          </Button>
        </div>
        {submit.error && <ErrorBar error={submit.error} />}
      </form>
    </Section>
  );
}

function History({ pulse }: { pulse: MyPulse }) {
  const { t, date } = useI18n();
  const s = useListStyles();
  const keys = ['autonomy', 'workload', 'support', 'loops', 'open'];
  return (
    <Section title={t('pulse.history')} id="history">
      {!pulse.history.length ? (
        <Body1 className={s.muted}>{t('pulse.history.empty')}</Body1>
      ) : (
        <Table aria-label={t('pulse.history')} size="small" data-testid="pulse-history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('pulse.history.period')}</TableHeaderCell>
              {keys.map((k) => (
                <TableHeaderCell key={k}>{t(QUESTION_LABEL[k])}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {pulse.history.map((h) => (
              <TableRow key={h.period}>
                <TableCell>{date(h.period)}</TableCell>
                {keys.map((k) => (
                  <TableCell key={k}>{h.values[k] === undefined ? '—' : String(h.values[k])}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}

function LoadTable({ pulse }: { pulse: MyPulse }) {
  const { t } = useI18n();
  const s = useListStyles();
  const { mine, median, managers } = pulse.load;
  return (
    <Section title={t('pulse.load')} id="load">
      <Body1 className={s.muted}>{t('pulse.load.intro', { count: managers })}</Body1>
      {!median && <Caption1 className={s.muted}>{t('pulse.load.median.hidden', { k: pulse.threshold })}</Caption1>}
      <Table aria-label={t('pulse.load')} size="small" data-testid="pulse-load">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('pulse.load.what')}</TableHeaderCell>
            <TableHeaderCell>{t('pulse.load.mine')}</TableHeaderCell>
            <TableHeaderCell>{t('pulse.load.median')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(Object.keys(LOAD_LABEL) as (keyof typeof LOAD_LABEL)[]).map((k) => (
            <TableRow key={k}>
              <TableCell>{t(LOAD_LABEL[k])}</TableCell>
              <TableCell>{mine[k]}</TableCell>
              <TableCell>{median ? median[k] : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
