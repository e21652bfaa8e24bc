import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Link } from '@fluentui/react-link';
import { Select } from '@fluentui/react-select';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useMemo, useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, lengthProblem, useSubmit } from '../../components/forms';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { Loading } from '../../components/Loading';
import { useI18n, type I18n } from '../../i18n';
import { hrefFor, navigate } from '../../router';
import { useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { uuid } from '../../uuid';
import type { Person } from '../circles/api';
import { PROJECT_STATUSES, listChallenges, listProjects, projectOptions, proposeProject, type ChallengeView, type ProjectView } from './api';
import { budgetText, projectColor } from './parts';

/** Community projects the reader can see, filtered by circle and status; a circle member proposes one. */
export default function ProjectsView({ query }: { query: Record<string, string> }) {
  const { api } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const setQuery = (patch: Record<string, string | undefined>) => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...query, ...patch })) if (v) next[k] = v;
    navigate({ name: 'projects', query: next });
  };
  const projects = useLoad((signal) => listProjects(api, { circleId: query.circleId, status: query.status }, signal), [api, query.circleId, query.status]);
  const options = useLoad((signal) => projectOptions(api, signal), [api]);
  const circles = options.data?.circles ?? [];
  // Taking up an organisation challenge: the proposal starts from it.
  const challenges = useLoad((signal) => (query.challengeId ? listChallenges(api, signal) : Promise.resolve([])), [api, query.challengeId]);
  const challenge = challenges.data?.find((c) => c.id === query.challengeId && c.status === 'open');

  return (
    <Page>
      <PageHeader title={t('projects.title')} subtitle={t('projects.subtitle')} actions={<Link href={hrefFor({ name: 'challenges' })}>{t('challenges.title')}</Link>} />
      {options.data && circles.length > 0 && options.data.sponsors.length > 0 && challenges.data && (
        <Propose key={challenge?.id ?? ''} circles={circles} sponsors={options.data.sponsors} circleId={query.circleId} startOpen={query.propose === 'true'} challenge={challenge} />
      )}
      <Section title={t('projects.list')} id="projects">
        <div className={s.inline}>
          <Field label={t('projects.status')}>
            <Select value={query.status ?? ''} onChange={(_, d) => setQuery({ status: d.value })}>
              <option value="">{t('stories.any')}</option>
              {PROJECT_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {t(`project.status.${st}`)}
                </option>
              ))}
            </Select>
          </Field>
          {circles.length > 0 && (
            <Field label={t('projects.circle')}>
              <Select value={query.circleId ?? ''} onChange={(_, d) => setQuery({ circleId: d.value })}>
                <option value="">{t('projects.anyCircle')}</option>
                {circles.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        {projects.loading && !projects.data && <Loading />}
        {projects.error && <ErrorBar plain error={projects.error} onRetry={projects.reload} />}
        {projects.data && projects.data.length === 0 && <Body1>{t('projects.none')}</Body1>}
        {projects.data && projects.data.length > 0 && (
          <ul className={s.list} data-testid="projects">
            {projects.data.map((p) => (
              <ProjectCard key={p.id} project={p} />
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}

function ProjectCard({ project }: { project: ProjectView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  return (
    <li className={s.item} data-project-id={project.id}>
      <Subtitle2 as="h3" style={{ margin: 0 }}>
        <Link href={hrefFor({ name: 'project', id: project.id })}>{project.title}</Link>
      </Subtitle2>
      <div className={s.row}>
        <LabelBadge label={t(`project.status.${project.status}`)} color={projectColor(project.status)} />
        <span className={s.muted}>{t('project.byline', { circle: project.circle.name, sponsor: project.sponsor.name })}</span>
      </div>
      <Body1 className={s.text}>{project.goal.length > 200 ? `${project.goal.slice(0, 200)}…` : project.goal}</Body1>
      <Caption1 className={s.muted}>
        {i18n.plural('count.weeks', project.weeksAsked)} · {budgetText(i18n.locale, project.budget)} · {i18n.plural('count.checkins', project.progress.checkins)}
      </Caption1>
    </li>
  );
}

function proposalProblems(t: I18n['t'], v: { title: string; goal: string; weeks: string; amount: string; currency: string }) {
  const weeks = Number(v.weeks);
  const amount = Number(v.amount);
  return {
    title: lengthProblem(t, v.title, 3, 120),
    goal: lengthProblem(t, v.goal, 10, 2000),
    weeksAsked: !v.weeks.trim() || !Number.isInteger(weeks) || weeks < 1 || weeks > 52 ? t('v.weeks') : undefined,
    'budget.amount': !v.amount.trim() || !Number.isFinite(amount) || amount < 0 || amount > 10_000_000 ? t('v.amount') : undefined,
    'budget.currency': /^[A-Z]{3}$/.test(v.currency.trim().toUpperCase()) ? undefined : t('v.currency'),
  };
}

function Propose({ circles, sponsors, circleId, startOpen, challenge }: { circles: Person[]; sponsors: Person[]; circleId?: string; startOpen: boolean; challenge?: ChallengeView }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [open, setOpen] = useState(startOpen);
  const [circle, setCircle] = useState(circles.some((c) => c.id === circleId) ? circleId! : circles[0].id);
  const [title, setTitle] = useState(challenge?.title ?? '');
  const [goal, setGoal] = useState(challenge?.problem ?? '');
  const [weeks, setWeeks] = useState('8');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('EUR');
  // The leader who posted the challenge is its natural sponsor.
  const [sponsorId, setSponsorId] = useState(sponsors.find((p) => p.id === challenge?.postedById)?.id ?? sponsors[0].id);
  const key = useMemo(() => uuid(), []);
  const submit = useSubmit();
  return (
    <Section title={t('propose.title')} id="propose">
      <Body1 className={s.muted}>{t('propose.hint')}</Body1>
      {challenge && <Body1 data-testid="takes-up">{t('propose.takesUp', { title: challenge.title })}</Body1>}
      {!open ? (
        <div className={s.actions}>
          <Button appearance="primary" onClick={() => setOpen(true)}>
            {t('propose.open')}
          </Button>
        </div>
      ) : (
        <form
          className={s.form}
          aria-label={t('propose.title')}
          noValidate
          onChange={submit.onEdit}
          onSubmit={async (e) => {
            e.preventDefault();
            const project = await submit.run(
              () => proposalProblems(t, { title, goal, weeks, amount, currency }),
              () =>
                proposeProject(
                  api,
                  { circleId: circle, title: title.trim(), goal: goal.trim(), weeksAsked: Number(weeks), budget: { amount: Number(amount), currency: currency.trim().toUpperCase() }, sponsorId, ...(challenge ? { challengeId: challenge.id } : {}) },
                  key,
                ),
            );
            if (project) navigate({ name: 'project', id: project.id });
          }}
        >
          <Field label={t('propose.circle')} required {...fieldState(submit.fields.circleId)}>
            <Select name="circleId" value={circle} onChange={(_, d) => setCircle(d.value)}>
              {circles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('propose.titleLabel')} required {...fieldState(submit.fields.title)}>
            <Input name="title" value={title} onChange={(_, d) => setTitle(d.value)} maxLength={120} />
          </Field>
          <Field label={t('propose.goal')} required {...fieldState(submit.fields.goal)}>
            <Textarea name="goal" value={goal} onChange={(_, d) => setGoal(d.value)} resize="vertical" />
          </Field>
          <div className={s.fields}>
            <Field label={t('propose.weeks')} required {...fieldState(submit.fields.weeksAsked)}>
              <Input name="weeksAsked" type="number" min={1} max={52} value={weeks} onChange={(_, d) => setWeeks(d.value)} />
            </Field>
            <Field label={t('propose.amount')} required {...fieldState(submit.fields['budget.amount'])}>
              <Input name="budget.amount" type="number" min={0} value={amount} onChange={(_, d) => setAmount(d.value)} />
            </Field>
            <Field label={t('propose.currency')} required {...fieldState(submit.fields['budget.currency'])}>
              <Input name="budget.currency" value={currency} onChange={(_, d) => setCurrency(d.value)} maxLength={3} style={{ width: '6em' }} />
            </Field>
          </div>
          <Field label={t('propose.sponsor')} required {...fieldState(submit.fields.sponsorId)}>
            <Select name="sponsorId" value={sponsorId} onChange={(_, d) => setSponsorId(d.value)}>
              {sponsors.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          {submit.error && <ErrorBar plain error={submit.error} />}
          <div className={s.actions}>
            <Button appearance="primary" type="submit" disabled={submit.busy}>
              {t('propose.submit')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('app.cancel')}</Button>
          </div>
        </form>
      )}
    </Section>
  );
}
