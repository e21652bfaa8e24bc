import { Button } from '@fluentui/react-button';
import { Field } from '@fluentui/react-field';
import { Input } from '@fluentui/react-input';
import { Link } from '@fluentui/react-link';
import { Body1, Caption1, Subtitle2 } from '@fluentui/react-text';
import { Textarea } from '@fluentui/react-textarea';
import { useMemo, useState } from 'react';
import { ErrorBar } from '../../components/ErrorBar';
import { fieldState, lengthProblem, useSubmit } from '../../components/forms';
import { LabelBadge } from '../../components/LabelBadge';
import { Page, PageHeader, Section } from '../../components/Layout';
import { useListStyles } from '../../components/listStyles';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';
import { hasRole, useSession } from '../../session';
import { useLoad } from '../../useLoad';
import { uuid } from '../../uuid';
import { closeChallenge, listChallenges, postChallenge, type ChallengeView } from './api';

/**
 * Organisation challenges: senior leaders post a problem the organisation wants solved, everyone
 * sees the open ones, and a circle takes one up by proposing a community project for it.
 */
export default function ChallengesView() {
  const { api, me } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const challenges = useLoad((signal) => listChallenges(api, signal), [api]);
  return (
    <Page>
      <PageHeader title={t('challenges.title')} subtitle={t('challenges.subtitle')} actions={<Link href={hrefFor({ name: 'projects', query: {} })}>{t('challenges.toProjects')}</Link>} />
      {hasRole(me, 'leader') && <PostChallenge onPosted={challenges.reload} />}
      <Section title={t('challenges.list')} id="challenges">
        {challenges.loading && !challenges.data && <Loading />}
        {challenges.error && <ErrorBar plain error={challenges.error} onRetry={challenges.reload} />}
        {challenges.data && challenges.data.length === 0 && <Body1>{t('challenges.none')}</Body1>}
        {challenges.data && challenges.data.length > 0 && (
          <ul className={s.list} data-testid="challenges">
            {challenges.data.map((c) => (
              <ChallengeCard key={c.id} challenge={c} onClosed={challenges.reload} />
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}

function ChallengeCard({ challenge: c, onClosed }: { challenge: ChallengeView; onClosed: () => void }) {
  const { api, me } = useSession();
  const i18n = useI18n();
  const { t } = i18n;
  const s = useListStyles();
  const submit = useSubmit();
  const canClose = c.status === 'open' && (c.postedById === me.user.id || hasRole(me, 'admin'));
  return (
    <li className={s.item} data-challenge-id={c.id}>
      <Subtitle2 as="h3" style={{ margin: 0 }}>
        {c.title}
      </Subtitle2>
      <div className={s.row}>
        <LabelBadge label={t(`challenge.status.${c.status}`)} color={c.status === 'open' ? 'brand' : 'informative'} />
        <span className={s.muted}>{t('challenge.byline', { name: c.postedByName, date: i18n.date(c.createdAt) })}</span>
      </div>
      <Body1 className={s.text}>{c.problem}</Body1>
      <Caption1 className={s.muted}>
        {c.takenUpBy.length ? t('challenge.takenUpBy', { circles: c.takenUpBy.map((x) => x.circleName).join(', ') }) : t('challenge.notTakenUp')}
      </Caption1>
      {submit.error && <ErrorBar plain error={submit.error} />}
      {c.status === 'open' && (
        <div className={s.actions}>
          <Link href={hrefFor({ name: 'projects', query: { propose: 'true', challengeId: c.id } })}>{t('challenge.takeUp')}</Link>
          {canClose && (
            <Button
              disabled={submit.busy}
              onClick={async () => {
                if (await submit.run(() => ({}), () => closeChallenge(api, c.id))) onClosed();
              }}
            >
              {t('challenge.close')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function PostChallenge({ onPosted }: { onPosted: () => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const s = useListStyles();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');
  const [round, setRound] = useState(0);
  const key = useMemo(() => uuid(), [round]);
  const submit = useSubmit();
  return (
    <Section title={t('challenges.post')} id="post-challenge">
      <form
        className={s.form}
        aria-label={t('challenges.post')}
        noValidate
        onChange={submit.onEdit}
        onSubmit={async (e) => {
          e.preventDefault();
          const posted = await submit.run(
            () => ({ title: lengthProblem(t, title, 3, 120), problem: lengthProblem(t, problem, 10, 2000) }),
            () => postChallenge(api, { title: title.trim(), problem: problem.trim() }, key),
          );
          if (!posted) return;
          setTitle('');
          setProblem('');
          setRound((r) => r + 1);
          onPosted();
        }}
      >
        <Field label={t('challenges.titleLabel')} required {...fieldState(submit.fields.title)}>
          <Input name="title" value={title} onChange={(_, d) => setTitle(d.value)} maxLength={120} />
        </Field>
        <Field label={t('challenges.problem')} hint={t('challenges.problemHint')} required {...fieldState(submit.fields.problem)}>
          <Textarea name="problem" value={problem} onChange={(_, d) => setProblem(d.value)} resize="vertical" />
        </Field>
        {submit.error && <ErrorBar plain error={submit.error} />}
        <div className={s.actions}>
          <Button appearance="primary" type="submit" disabled={submit.busy}>
            {t('challenges.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
