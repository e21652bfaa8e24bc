import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Link } from '@fluentui/react-link';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Body1, Caption1 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useState } from 'react';
import { BackLink } from '../../components/BackLink';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, lengthProblem, useSubmit } from '../../components/forms';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { NotLoaded } from '../../components/NotLoaded';
import { SuccessBar } from '../../components/SuccessBar';
import { useI18n, type MessageKey } from '../../i18n';
import { hrefFor } from '../../router';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { completeProject, decideProject, getProject, projectCheckin, type ProjectView } from './api';
import { budgetText, projectColor } from './parts';

/** One community project: what it asks for, the sponsor's decision, progress check-ins, done. */
export default function ProjectDetailView({ id }: { id: string }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const loaded = useLoad((signal) => getProject(api, id, signal), [api, id]);
  const [notice, setNotice] = useState<MessageKey | undefined>();
  const back = <BackLink href={hrefFor({ name: 'projects', query: {} })} label={t('project.back')} />;
  if (!loaded.data) return <NotLoaded back={back} loaded={loaded} />;
  const p = loaded.data;
  const updated = (next: ProjectView, key: MessageKey) => {
    loaded.set(next);
    setNotice(key);
  };

  return (
    <Page>
      {back}
      <PageHeader
        title={p.title}
        badges={
          <div className={s.row}>
            <LabelBadge label={t(`project.status.${p.status}`)} color={projectColor(p.status)} testId="project-status" />
          </div>
        }
        subtitle={t('project.byline', { circle: p.circle.name, sponsor: p.sponsor.name })}
      />
      {notice && <SuccessBar>{t(notice)}</SuccessBar>}
      <Section title={t('project.details')} id="details">
        <dl className={s.definitions}>
          <dt className={s.term}>{t('propose.goal')}</dt>
          <dd className={s.definition}>
            <Body1 className={s.text}>{p.goal}</Body1>
          </dd>
          <dt className={s.term}>{t('propose.weeks')}</dt>
          <dd className={s.definition}>{i18n.plural('count.weeks', p.weeksAsked)}</dd>
          <dt className={s.term}>{t('project.budget')}</dt>
          <dd className={s.definition}>{budgetText(i18n.locale, p.budget)}</dd>
          <dt className={s.term}>{t('project.proposedBy')}</dt>
          <dd className={s.definition}>{t('project.proposedOn', { name: p.proposedBy.name, date: i18n.date(p.createdAt) })}</dd>
          <dt className={s.term}>{t('projects.circle')}</dt>
          <dd className={s.definition}>
            <Link href={hrefFor({ name: 'circle', id: p.circle.id })}>{p.circle.name}</Link>
          </dd>
          {p.startedOn && (
            <>
              <dt className={s.term}>{t('project.dates')}</dt>
              <dd className={s.definition}>{t('project.datesValue', { from: i18n.date(p.startedOn), to: i18n.date(p.dueOn) })}</dd>
            </>
          )}
          {p.decision && (
            <>
              <dt className={s.term}>{t('project.decision')}</dt>
              <dd className={s.definition} data-testid="decision">
                {t(`project.decided.${p.decision.outcome}`, { name: p.decision.byName, date: i18n.date(p.decision.at) })}
                {p.decision.reason ? ` “${p.decision.reason}”` : ''}
              </dd>
            </>
          )}
          {p.done && (
            <>
              <dt className={s.term}>{t('project.doneLabel')}</dt>
              <dd className={s.definition}>{t('project.doneValue', { name: p.done.byName, date: i18n.date(p.done.at), summary: p.done.summary })}</dd>
            </>
          )}
        </dl>
      </Section>
      {p.can.decide && <Decide project={p} onDone={updated} />}
      {(p.status === 'approved' || p.status === 'done' || p.checkins.length > 0) && <Checkins project={p} onDone={updated} />}
      {p.can.complete && p.status === 'approved' && <Complete project={p} onDone={updated} />}
    </Page>
  );
}

type Done = (next: ProjectView, key: MessageKey) => void;

function Decide({ project, onDone }: { project: ProjectView; onDone: Done }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [reason, setReason] = useState('');
  const approve = useSubmit();
  const decline = useSubmit();
  return (
    <Section title={t('decide.title')} id="decide">
      <Body1 className={s.muted}>{t('decide.hint')}</Body1>
      <div className={s.actions}>
        <Button
          appearance="primary"
          disabled={approve.busy || decline.busy}
          onClick={async () => {
            const next = await approve.run(() => ({}), () => decideProject(api, project.id, 'approve', reason.trim()));
            if (next) onDone(next, 'decide.approved');
          }}
        >
          {t('decide.approve')}
        </Button>
      </div>
      {approve.error && <ErrorBar plain error={approve.error} />}
      <form
        className={s.form}
        aria-label={t('decide.declineTitle')}
        noValidate
        onChange={decline.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await decline.run(() => ({ reason: lengthProblem(t, reason, 3, 1000) && t('decide.reasonRequired') }), () => decideProject(api, project.id, 'decline', reason.trim()));
          if (next) onDone(next, 'decide.declined');
        }}
      >
        <Field label={t('decide.reason')} hint={t('decide.reasonHint')} {...fieldState(decline.fields.reason)}>
          <Textarea name="reason" value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
        </Field>
        {decline.error && <ErrorBar plain error={decline.error} />}
        <div className={s.actions}>
          <Button type="submit" disabled={approve.busy || decline.busy}>
            {t('decide.decline')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function Checkins({ project, onDone }: { project: ProjectView; onDone: Done }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const [confidence, setConfidence] = useState('');
  const [note, setNote] = useState('');
  const submit = useSubmit();
  return (
    <Section title={t('checkins.title')} id="checkins">
      {project.checkins.length === 0 ? (
        <Body1 className={s.muted}>{t('checkins.none')}</Body1>
      ) : (
        <ul className={s.list} data-testid="checkins">
          {project.checkins.map((c) => (
            <li key={c.id} className={s.item}>
              <Caption1 className={s.muted}>{t('checkins.entry', { name: c.byName, date: i18n.date(c.at), confidence: c.confidence })}</Caption1>
              <Body1 className={s.text}>{c.note}</Body1>
            </li>
          ))}
        </ul>
      )}
      {project.can.checkin && (
        <form
          className={s.form}
          aria-label={t('checkins.add')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const next = await submit.run(
              () => ({ confidence: confidence ? undefined : t('v.pickRating'), note: lengthProblem(t, note, 3, 1000) }),
              () => projectCheckin(api, project.id, Number(confidence), note.trim()),
            );
            if (next) {
              setNote('');
              setConfidence('');
              onDone(next, 'checkins.added');
            }
          }}
        >
          <Field label={t('checkins.confidence')} required {...fieldState(submit.fields.confidence)}>
            <RadioGroup name="confidence" layout="horizontal" value={confidence} onChange={(_, d) => setConfidence(d.value)}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio key={n} value={String(n)} label={String(n)} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('checkins.note')} required {...fieldState(submit.fields.note)}>
            <Textarea name="note" value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </Field>
          {submit.error && <ErrorBar plain error={submit.error} />}
          <div className={s.actions}>
            <Button appearance="primary" type="submit" disabled={submit.busy}>
              {t('checkins.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

function Complete({ project, onDone }: { project: ProjectView; onDone: Done }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [summary, setSummary] = useState('');
  const submit = useSubmit();
  return (
    <Section title={t('complete.title')} id="complete">
      <form
        className={s.form}
        aria-label={t('complete.title')}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await submit.run(() => ({ summary: lengthProblem(t, summary, 10, 2000) }), () => completeProject(api, project.id, summary.trim()));
          if (next) onDone(next, 'complete.done');
        }}
      >
        <Field label={t('complete.summary')} hint={t('complete.hint')} required {...fieldState(submit.fields.summary)}>
          <Textarea name="summary" value={summary} onChange={(_, d) => setSummary(d.value)} resize="vertical" />
        </Field>
        {submit.error && <ErrorBar plain error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy}>
            {t('complete.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
