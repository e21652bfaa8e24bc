import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Link } from '@fluentui/react-link';
import { Radio, RadioGroup } from '@fluentui/react-radio';
import { Body1, Caption1 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useState } from 'react';
import { Page, PageHeader, Section } from '../components/Layout';
import { useSession } from '../session';
import { useLoad } from '../useLoad';
import { completeProject, decideProject, getProject, projectCheckin, type ProjectView } from './api';
import type { CirclesKey } from './i18n';
import { BackLink, NotLoaded, Notice, Problem, StatusBadge, budgetText, fieldState, lengthProblem, projectColor, useCirclesI18n, useListStyles, useSubmit } from './parts';
import { circlesHref } from './routes';

/** One community project: what it asks for, the sponsor's decision, progress check-ins, done. */
export default function ProjectDetailView({ id }: { id: string }) {
  const { api } = useSession();
  const i18n = useCirclesI18n();
  const { ct } = i18n;
  const s = useListStyles();
  const loaded = useLoad((signal) => getProject(api, id, signal), [api, id]);
  const [notice, setNotice] = useState<CirclesKey | undefined>();
  const back = <BackLink href={circlesHref({ name: 'projects', query: {} })} label={ct('project.back')} />;
  if (!loaded.data) return <NotLoaded back={back} loaded={loaded} />;
  const p = loaded.data;
  const updated = (next: ProjectView, key: CirclesKey) => {
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
            <StatusBadge label={ct(`project.status.${p.status}`)} color={projectColor(p.status)} testId="project-status" />
          </div>
        }
        subtitle={ct('project.byline', { circle: p.circle.name, sponsor: p.sponsor.name })}
      />
      {notice && <Notice>{ct(notice)}</Notice>}
      <Section title={ct('project.details')} id="details">
        <dl className={s.definitions}>
          <dt className={s.term}>{ct('propose.goal')}</dt>
          <dd className={s.definition}>
            <Body1 className={s.text}>{p.goal}</Body1>
          </dd>
          <dt className={s.term}>{ct('propose.weeks')}</dt>
          <dd className={s.definition}>{i18n.plural('count.weeks', p.weeksAsked)}</dd>
          <dt className={s.term}>{ct('project.budget')}</dt>
          <dd className={s.definition}>{budgetText(i18n.locale, p.budget)}</dd>
          <dt className={s.term}>{ct('project.proposedBy')}</dt>
          <dd className={s.definition}>{ct('project.proposedOn', { name: p.proposedBy.name, date: i18n.day(p.createdAt) })}</dd>
          <dt className={s.term}>{ct('projects.circle')}</dt>
          <dd className={s.definition}>
            <Link href={circlesHref({ name: 'circle', id: p.circle.id })}>{p.circle.name}</Link>
          </dd>
          {p.startedOn && (
            <>
              <dt className={s.term}>{ct('project.dates')}</dt>
              <dd className={s.definition}>{ct('project.datesValue', { from: i18n.day(p.startedOn), to: i18n.day(p.dueOn) })}</dd>
            </>
          )}
          {p.decision && (
            <>
              <dt className={s.term}>{ct('project.decision')}</dt>
              <dd className={s.definition} data-testid="decision">
                {ct(`project.decided.${p.decision.outcome}`, { name: p.decision.byName, date: i18n.day(p.decision.at) })}
                {p.decision.reason ? ` “${p.decision.reason}”` : ''}
              </dd>
            </>
          )}
          {p.done && (
            <>
              <dt className={s.term}>{ct('project.doneLabel')}</dt>
              <dd className={s.definition}>{ct('project.doneValue', { name: p.done.byName, date: i18n.day(p.done.at), summary: p.done.summary })}</dd>
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

type Done = (next: ProjectView, key: CirclesKey) => void;

function Decide({ project, onDone }: { project: ProjectView; onDone: Done }) {
  const { api } = useSession();
  const { ct } = useCirclesI18n();
  const s = useListStyles();
  const [reason, setReason] = useState('');
  const approve = useSubmit();
  const decline = useSubmit();
  return (
    <Section title={ct('decide.title')} id="decide">
      <Body1 className={s.muted}>{ct('decide.hint')}</Body1>
      <div className={s.actions}>
        <Button
          appearance="primary"
          disabled={approve.busy || decline.busy}
          onClick={async () => {
            const next = await approve.run(() => ({}), () => decideProject(api, project.id, 'approve', reason.trim()));
            if (next) onDone(next, 'decide.approved');
          }}
        >
          {ct('decide.approve')}
        </Button>
      </div>
      {approve.error && <Problem error={approve.error} />}
      <form
        className={s.form}
        aria-label={ct('decide.declineTitle')}
        noValidate
        onChange={decline.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await decline.run(() => ({ reason: lengthProblem(ct, reason, 3, 1000) && ct('decide.reasonRequired') }), () => decideProject(api, project.id, 'decline', reason.trim()));
          if (next) onDone(next, 'decide.declined');
        }}
      >
        <Field label={ct('decide.reason')} hint={ct('decide.reasonHint')} {...fieldState(decline.fields.reason)}>
          <Textarea name="reason" value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
        </Field>
        {decline.error && <Problem error={decline.error} />}
        <div className={s.actions}>
          <Button type="submit" disabled={approve.busy || decline.busy}>
            {ct('decide.decline')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function Checkins({ project, onDone }: { project: ProjectView; onDone: Done }) {
  const { api } = useSession();
  const i18n = useCirclesI18n();
  const { ct } = i18n;
  const s = useListStyles();
  const [confidence, setConfidence] = useState('');
  const [note, setNote] = useState('');
  const submit = useSubmit();
  return (
    <Section title={ct('checkins.title')} id="checkins">
      {project.checkins.length === 0 ? (
        <Body1 className={s.muted}>{ct('checkins.none')}</Body1>
      ) : (
        <ul className={s.list} data-testid="checkins">
          {project.checkins.map((c) => (
            <li key={c.id} className={s.item}>
              <Caption1 className={s.muted}>{ct('checkins.entry', { name: c.byName, date: i18n.day(c.at), confidence: c.confidence })}</Caption1>
              <Body1 className={s.text}>{c.note}</Body1>
            </li>
          ))}
        </ul>
      )}
      {project.can.checkin && (
        <form
          className={s.form}
          aria-label={ct('checkins.add')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const next = await submit.run(
              () => ({ confidence: confidence ? undefined : ct('v.pickRating'), note: lengthProblem(ct, note, 3, 1000) }),
              () => projectCheckin(api, project.id, Number(confidence), note.trim()),
            );
            if (next) {
              setNote('');
              setConfidence('');
              onDone(next, 'checkins.added');
            }
          }}
        >
          <Field label={ct('checkins.confidence')} required {...fieldState(submit.fields.confidence)}>
            <RadioGroup name="confidence" layout="horizontal" value={confidence} onChange={(_, d) => setConfidence(d.value)}>
              {[1, 2, 3, 4, 5].map((n) => (
                <Radio key={n} value={String(n)} label={String(n)} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={ct('checkins.note')} required {...fieldState(submit.fields.note)}>
            <Textarea name="note" value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </Field>
          {submit.error && <Problem error={submit.error} />}
          <div className={s.actions}>
            <Button appearance="primary" type="submit" disabled={submit.busy}>
              {ct('checkins.submit')}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}

function Complete({ project, onDone }: { project: ProjectView; onDone: Done }) {
  const { api } = useSession();
  const { ct } = useCirclesI18n();
  const s = useListStyles();
  const [summary, setSummary] = useState('');
  const submit = useSubmit();
  return (
    <Section title={ct('complete.title')} id="complete">
      <form
        className={s.form}
        aria-label={ct('complete.title')}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const next = await submit.run(() => ({ summary: lengthProblem(ct, summary, 10, 2000) }), () => completeProject(api, project.id, summary.trim()));
          if (next) onDone(next, 'complete.done');
        }}
      >
        <Field label={ct('complete.summary')} hint={ct('complete.hint')} required {...fieldState(submit.fields.summary)}>
          <Textarea name="summary" value={summary} onChange={(_, d) => setSummary(d.value)} resize="vertical" />
        </Field>
        {submit.error && <Problem error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy}>
            {ct('complete.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
